import { maskedAadhaar, protectAadhaar } from '../../forms/aadhaar.ts';
import { t } from '../../i18n/strings.ts';
import { statusText } from '../applications.ts';
import { identityCurrent, identityLocked } from '../context.ts';
import { text } from '../screens.ts';
import type { Session } from '../session.ts';
import { submit } from './form.ts';
import { askIdentity, lockedOut } from './identity-prompt.ts';
import type { IdentityIntent } from './intent.ts';
import { home } from './navigation.ts';
import { ticketsScreen, upcomingTickets } from './ticket-cancel.ts';
import {
  findService,
  type IntentHandlers,
  languageOf,
  say,
  show,
  type Turn,
  type TurnEnv,
  textScreen,
  withText,
} from './turn.ts';

/** Proving who one is by Aadhaar and OTP, and what it unlocks: "status", and submitting an application. */
export const identityTurns: IntentHandlers<IdentityIntent['kind']> = {
  aadhaar(session, { aadhaar }, env) {
    const language = languageOf(session);
    const { step } = session;
    if (step.name !== 'identity-aadhaar') return home(session, env);
    if (!aadhaar) return say(session, [text(t('invalidAadhaar', language))]);
    const request = env.context.otpRequest;
    if (!request?.ok) return say(session, [text(t('identityUnavailable', language))]);
    const { hash, last4 } = protectAadhaar(aadhaar, env.context.settings.aadhaarHashKey);
    return show(
      session,
      { name: 'identity-otp', purpose: step.purpose, txnId: request.txnId, aadhaarHash: hash, last4 },
      textScreen([t('otpSent', language, { aadhaar: maskedAadhaar(last4) })]),
      env,
    );
  },
  otp(session, { otp }, env) {
    const language = languageOf(session);
    const { settings } = env.context;
    const { step } = session;
    if (step.name !== 'identity-otp') return home(session, env);
    if (!otp) return say(session, [text(t('otpInvalidFormat', language))]);
    const check = env.context.otpCheck;
    if (!check?.ok) return say(session, [text(t('identityUnavailable', language))]);
    if (!check.valid) {
      const failedAttempts = session.identity.failedAttempts + 1;
      if (failedAttempts >= settings.wrongOtpLimit) {
        const lockedUntil = new Date(env.now.getTime() + settings.lockMinutes * 60_000).toISOString();
        return lockedOut({ ...session, identity: { ...session.identity, failedAttempts: 0, lockedUntil } }, env);
      }
      return say({ ...session, identity: { ...session.identity, failedAttempts } }, [
        text(t('otpWrong', language, { left: settings.wrongOtpLimit - failedAttempts })),
      ]);
    }
    const verified: Session = {
      ...session,
      identity: {
        verifiedAt: env.now.toISOString(),
        aadhaarHash: step.aadhaarHash,
        last4: step.last4,
        ...(check.uidToken ? { uidToken: check.uidToken } : {}),
        failedAttempts: 0,
      },
    };
    const thanks = t('identityVerified', language);
    if (step.purpose.name === 'status') return statusReply(verified, env, [thanks]);
    const service = findService(env.catalog, step.purpose.serviceId);
    if (!service) return home(verified, env, [thanks]);
    return submit(verified, service, step.purpose.values, step.aadhaarHash, env, [thanks]);
  },
  'identity-locked'(session, _intent, env) {
    return lockedOut(session, env);
  },
  status(session, _intent, env) {
    if (identityCurrent(session, env.now, env.context.settings)) return statusReply(session, env);
    if (identityLocked(session, env.now)) return lockedOut(session, env);
    return askIdentity(session, { name: 'status' }, env);
  },
};

/** The applications under the verified Aadhaar, then the tickets booked from this number that can be cancelled. */
function statusReply(session: Session, env: TurnEnv, before: string[] = []): Turn {
  const language = languageOf(session);
  const applications = env.context.applications ?? [];
  const body = statusText(applications, session.identity.aadhaarHash, env.catalog, language);
  const tickets = upcomingTickets(applications, env.catalog, env.now);
  const screen = ticketsScreen(tickets, env.catalog, language, env.token);
  return show(
    session,
    { name: 'menu', page: 0 },
    screen ? withText([...before, body], screen) : textScreen([...before, body]),
    env,
  );
}
