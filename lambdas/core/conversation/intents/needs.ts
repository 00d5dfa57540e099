import { type ConversationSettings, identityCurrent, type TurnNeeds } from '../context.ts';
import type { Session } from '../session.ts';
import type { Intent } from './intent.ts';

/**
 * What the webhook must look up before the turn of this intent can be decided: whether the sender is an officer (and
 * what they asked to see), an OTP to send or check, the citizen's applications.
 */
export function needsOf(intent: Intent, session: Session, now: Date, settings: ConversationSettings): TurnNeeds {
  switch (intent.kind) {
    // From anyone but an officer the message means what `otherwise` says, and needs what that needs.
    case 'decision':
    case 'revoke':
      return { ...needsOf(intent.otherwise, session, now, settings), officer: true };
    case 'worklist':
      return { ...needsOf(intent.otherwise, session, now, settings), officer: true, officerQueue: true };
    case 'worklist-open':
      return {
        ...needsOf(intent.otherwise, session, now, settings),
        officer: true,
        openApplication: intent.applicationId,
      };
    case 'aadhaar':
      return intent.aadhaar ? { applications: false, otpRequest: { aadhaar: intent.aadhaar } } : none();
    case 'otp': {
      const { step } = session;
      if (!intent.otp || step.name !== 'identity-otp') return none();
      return { applications: step.purpose.name === 'status', otpCheck: { txnId: step.txnId, otp: intent.otp } };
    }
    case 'status':
      return { applications: identityCurrent(session, now, settings) };
    default:
      return none();
  }
}

const none = (): TurnNeeds => ({ applications: false });
