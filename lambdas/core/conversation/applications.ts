import { createHash } from 'node:crypto';
import { dueDate, istDate } from '../applications/dates.ts';
import type { Catalog, Language } from '../catalog/schema.ts';
import { stateLabel } from '../fulfilment/application-status.ts';
import { t } from '../i18n/strings.ts';
import type { ApplicationSummary } from './context.ts';

/**
 * What "status" says: the applications submitted under the verified Aadhaar (by its keyed hash), newest first, with
 * their states and due dates. Applications of an earlier holder of the phone number, or without a verified
 * applicant, are not shown.
 */
export function statusText(
  applications: ApplicationSummary[],
  aadhaarHash: string | undefined,
  catalog: Catalog,
  language: Language,
): string {
  const own = applications
    .filter((a) => a.citizenHash !== undefined && a.citizenHash === aadhaarHash)
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
    .slice(0, 10);
  if (own.length === 0) return t('statusNone', language);
  const lines = own.map((a) =>
    t('statusLine', language, {
      applicationId: a.applicationId,
      service: catalog.services.find((s) => s.id === a.serviceId)?.name[language] ?? a.serviceId,
      state: t(stateLabel(a.state), language),
      submitted: istDate(a.submittedAt),
      due: istDate(dueDate(a.submittedAt, a.slaDays).toISOString()),
    }),
  );
  return t('statusList', language, { list: lines.join('\n') });
}

/**
 * The application id is derived from the message that confirmed it, so a re-applied or redelivered turn names the
 * same application (and so the same workflow execution). Crockford base32, 12 characters, 60 bits.
 */
export function applicationIdFor(messageId: string): string {
  const digest = createHash('sha256').update(messageId).digest();
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let i = 0; i < 12; i++) id += alphabet[Number((bits >> BigInt(59 - i * 5)) & 31n)];
  return `AP-${id}`;
}
