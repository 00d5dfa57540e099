import { dueDate, istDate } from '../applications/dates.ts';
import type { Language, Service } from '../catalog/schema.ts';
import { formatRupees } from '../certificate/amounts.ts';
import { t } from '../i18n/strings.ts';
import { OFFICER_WORDING } from './officer-wording.ts';
import { amountDue, fulfilmentOf } from './registry.ts';

/**
 * What the citizen is told happens after they submit: the fee first where one is due, then who decides and by when
 * (the SLA's due date in India), or that the document is on its way. Never "received" alone.
 */
export function nextSteps(
  service: Service,
  values: Record<string, string>,
  submittedAt: Date,
  language: Language,
): string {
  const fulfilment = fulfilmentOf(service.kind);
  const fee = amountDue(service, values);
  const authority = service.authority[language];
  const due = istDate(dueDate(submittedAt.toISOString(), service.slaDays).toISOString());
  const steps = fee > 0 ? [t('nextFee', language, { fee: formatRupees(fee) })] : [];
  if (fulfilment.officerDecides(service))
    steps.push(t(OFFICER_WORDING[fulfilment.officerAction].next, language, { authority, due }));
  else if (fulfilment.checksHouseholdRecords) steps.push(t('nextInstantIfRecords', language, { authority, due }));
  else steps.push(t('nextInstant', language));
  return steps.join(' ');
}
