import type { ConversationSettings, TurnContext } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import type { InboundMessage } from '#core/conversation/messages.ts';
import type { Session } from '#core/conversation/session.ts';
import { coversApplication } from '#core/officers.ts';
import type { ApplicationQueries } from './application-queries.ts';
import { type IdentityService, otpRequestId } from './identity.ts';
import type { OfficerRegistry } from './officers.ts';
import { logger } from './powertools.ts';

export interface TurnContextSources {
  settings: ConversationSettings;
  applications: ApplicationQueries;
  officers: Pick<OfficerRegistry, 'find'>;
  /** Absent when no identity endpoint is configured: the conversation then says the check is unavailable. */
  identity?: IdentityService;
}

/**
 * Looks up what `converse` will need for this message (the citizen's applications, an OTP sent or checked), so the
 * conversation itself stays pure. The webhook calls this again for every delivery and every re-applied turn of the
 * same message, so the OTP request is named after the message: the identity service sends one OTP per message. A
 * failing identity service is an answer the conversation handles ("try again in a few minutes"), not an error that
 * would make Meta redeliver the message.
 */
export async function loadTurnContext(
  sources: TurnContextSources,
  session: Session,
  message: InboundMessage,
  now: Date,
): Promise<TurnContext> {
  const needs = turnNeeds(session, message, now, sources.settings);
  const context: TurnContext = { settings: sources.settings };
  const { identity } = sources;
  const [applications, otpRequest, otpCheck, officer] = await Promise.all([
    needs.applications ? sources.applications.ofCitizen(session.waId) : undefined,
    needs.otpRequest
      ? identity
        ? identity.requestOtp(needs.otpRequest.aadhaar, otpRequestId(message.messageId)).then(
            ({ txnId }) => ({ ok: true as const, txnId }),
            (error: unknown) => unavailable('requestOtp', error),
          )
        : unavailable('requestOtp', 'no identity endpoint configured')
      : undefined,
    needs.otpCheck
      ? identity
        ? identity.verifyOtp(needs.otpCheck.txnId, needs.otpCheck.otp).then(
            (check) => ({ ok: true as const, ...check }),
            (error: unknown) => unavailable('verifyOtp', error),
          )
        : unavailable('verifyOtp', 'no identity endpoint configured')
      : undefined,
    needs.officer ? sources.officers.find(session.waId) : undefined,
  ]);
  if (officer) {
    context.officer = officer;
    // What an officer asked to see, of their own department (and district, for a district officer) only.
    if (needs.officerQueue) context.officerQueue = await sources.applications.awaitingDecision(officer);
    if (needs.openApplication) {
      const opened = await sources.applications.waitingApplication(needs.openApplication);
      context.openedApplication = opened && coversApplication(officer, opened) ? opened : null;
    }
  }
  if (applications) context.applications = applications;
  if (otpRequest) context.otpRequest = otpRequest;
  if (otpCheck) context.otpCheck = otpCheck;
  return context;
}

function unavailable(call: string, error: unknown): { ok: false } {
  logger.warn('identity service unavailable', { call, error: error instanceof Error ? error.message : String(error) });
  return { ok: false };
}
