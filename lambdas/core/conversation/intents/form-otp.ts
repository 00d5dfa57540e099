import type { Service } from '../../catalog/schema.ts';
import { parseAadhaar } from '../../forms/aadhaar.ts';
import { type ConversationSettings, identityCurrent, identityLocked, type TurnContext } from '../context.ts';
import type { SentOtp, Session, SessionStep } from '../session.ts';

/**
 * The Aadhaar number is asked once per application. When a form asks the applicant's Aadhaar and the citizen has no
 * current OTP check, the OTP that proves who submits is requested in the very turn that answers that question, while
 * the full number is in the message (`TurnNeeds.otpRequest`, sent once per message whatever Meta redelivers: the
 * identity adapter names the request after the message). The form keeps only the identity service's transaction id,
 * the keyed hash and the last four digits; the OTP prompt ("We sent an OTP to … XXXX XXXX 0124") comes once the
 * summary is confirmed, and the Aadhaar is not asked again.
 *
 * Why not request it at the confirmation instead: the full number would have to survive between the two turns, and
 * UIDAI's OTP API sends at once, so something in the deployment (our table, or a gateway in front of the identity
 * service) would hold it at rest, for forms that may never be confirmed. Requested here, the number exists only in
 * the message and in the identity service's own transaction, exactly as at the Aadhaar prompt. The price: an OTP lives
 * ten minutes, so one older than {@link OTP_USABLE_MINUTES} at the confirmation is not relied on, and the citizen is
 * asked for their Aadhaar as before (also when the identity service did not answer when the question was answered).
 */
const OTP_USABLE_MINUTES = 8;

/** The Aadhaar number to request an OTP for in this turn: the form's Aadhaar question answered with a valid number. */
export function formAadhaarForOtp(
  session: Session,
  service: Service | undefined,
  text: string,
  now: Date,
  settings: ConversationSettings,
): string | undefined {
  const { step } = session;
  if (step.name !== 'form' || service?.fields[step.fieldIndex]?.type !== 'aadhaar') return undefined;
  if (identityCurrent(session, now, settings) || identityLocked(session, now)) return undefined;
  return parseAadhaar(text);
}

/** What the form remembers of the OTP after its Aadhaar question is answered (anew): the one just sent, or none. */
export function otpAfterAnswer(
  previous: SentOtp | undefined,
  fieldId: string,
  protectedAadhaar: { hash: string; last4: string },
  request: TurnContext['otpRequest'],
  now: Date,
): SentOtp | undefined {
  if (request?.ok)
    return {
      fieldId,
      txnId: request.txnId,
      sentAt: now.toISOString(),
      aadhaarHash: protectedAadhaar.hash,
      last4: protectedAadhaar.last4,
    };
  // A new answer without a new OTP: the OTP sent earlier was for another number.
  return previous?.fieldId === fieldId ? undefined : previous;
}

/** The OTP sent for the form's Aadhaar, if it is still for the number the summary holds and young enough to type. */
export function usableOtp(step: Extract<SessionStep, { name: 'confirm' }>, now: Date): SentOtp | undefined {
  const { otp } = step;
  if (!otp || step.values[`${otp.fieldId}:hash`] !== otp.aadhaarHash) return undefined;
  return now.getTime() - Date.parse(otp.sentAt) < OTP_USABLE_MINUTES * 60_000 ? otp : undefined;
}

/** The OTP a form step carries, to keep across its questions, summary and edits. */
export const otpOf = (step: SessionStep): { otp?: SentOtp } => ('otp' in step && step.otp ? { otp: step.otp } : {});
