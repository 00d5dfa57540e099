import { istTime } from '../../applications/dates.ts';
import { t } from '../../i18n/strings.ts';
import { identityLocked } from '../context.ts';
import type { IdentityPurpose, Session } from '../session.ts';
import { languageOf, show, type Turn, type TurnEnv, textScreen } from './turn.ts';

/** Asks for the Aadhaar number (the OTP follows), unless wrong OTPs have locked the check. */
export function askIdentity(session: Session, purpose: IdentityPurpose, env: TurnEnv): Turn {
  if (identityLocked(session, env.now)) return lockedOut(session, env);
  return show(
    session,
    { name: 'identity-aadhaar', purpose },
    textScreen([t('identityNeeded', languageOf(session))]),
    env,
  );
}

/** Too many wrong OTPs: back to the menu, told until when (in India's time). */
export function lockedOut(session: Session, env: TurnEnv): Turn {
  const until = istTime(session.identity.lockedUntil ?? env.now.toISOString());
  return show(session, { name: 'menu', page: 0 }, textScreen([t('otpLocked', languageOf(session), { until })]), env);
}
