import { dueDate, istDate } from '../applications/dates.ts';
import { type ApplicationState, isApplicationState, isSettled } from '../applications/lifecycle.ts';
import type { Catalog } from '../catalog/schema.ts';
import { type StringId, t } from '../i18n/strings.ts';
import type { StatusLookupResult } from './status-lookup.ts';

/** How each state of the lifecycle reads to the citizen. */
export const STATE_LABELS: Readonly<Record<ApplicationState, StringId>> = {
  received: 'stateReceived',
  processing: 'stateProcessing',
  'awaiting-payment': 'stateAwaitingPayment',
  paid: 'statePaid',
  'awaiting-approval': 'stateAwaitingApproval',
  issued: 'stateIssued',
  rejected: 'stateRejected',
  'payment-expired': 'statePaymentExpired',
  failed: 'stateFailed',
  'refund-due': 'stateRefundDue',
  revoked: 'stateRevoked',
  cancelled: 'stateCancelled',
  accepted: 'stateAccepted',
  'awaiting-citizen': 'stateAwaitingCitizen',
  transferred: 'stateTransferred',
  resolved: 'stateResolved',
  reopened: 'stateReopened',
  closed: 'stateClosed',
};

/** One of Mitra's own applications as a status lookup shows it: nothing personal, only where it stands. */
export interface ApplicationStatusView {
  applicationId: string;
  serviceId: string;
  state: string;
  submittedAt: string;
  slaDays: number;
  updatedAt?: string;
}

export function stateLabel(state: string): StringId {
  return isApplicationState(state) ? STATE_LABELS[state] : 'stateUnknown';
}

/**
 * A Mitra application number looked up (grievance status): its service, state, dates and, while it is open, when
 * it is due. Answered from Mitra's own table, in the shape of a department register's answer so the chat shows it
 * the same way. Undefined view: no such application.
 */
export function applicationStatusResult(view: ApplicationStatusView | undefined, catalog: Catalog): StatusLookupResult {
  if (!view) return { found: false };
  const service = catalog.services.find((s) => s.id === view.serviceId);
  const both = (key: StringId, values: Record<string, string | number> = {}) => ({
    en: t(key, 'en', values),
    te: t(key, 'te', values),
  });
  const same = (text: string) => ({ en: text, te: text });
  const state = stateLabel(view.state);
  const open = isApplicationState(view.state) && !isSettled(view.state);
  const facts = [
    { label: both('statusFactService'), value: service ? { ...service.name } : same(view.serviceId) },
    { label: both('statusFactState'), value: both(state) },
    { label: both('statusFactSubmitted'), value: same(istDate(view.submittedAt)) },
    ...(open
      ? [
          {
            label: both('statusFactDue'),
            value: same(istDate(dueDate(view.submittedAt, view.slaDays).toISOString())),
          },
        ]
      : []),
  ];
  return {
    found: true,
    record: {
      title: both('statusApplicationTitle', { applicationId: view.applicationId }),
      facts,
      ...(view.updatedAt ? { updatedAt: view.updatedAt } : {}),
    },
  };
}
