import type { Catalog, Service } from '../../catalog/schema.ts';
import { isBilled } from '../../fulfilment/bills.ts';
import { workflowOf } from '../../fulfilment/registry.ts';
import { lookupNeedsIdentity } from '../../fulfilment/status-lookup.ts';
import { type ConversationSettings, identityCurrent, type TurnNeeds } from '../context.ts';
import type { Session } from '../session.ts';
import { busNeedOf } from './bus.ts';
import { formAadhaarForOtp } from './form-otp.ts';
import type { Intent } from './intent.ts';
import { slotNeed } from './slot.ts';

/**
 * What the webhook must look up before the turn of this intent can be decided: whether the sender is an officer (and
 * what they asked to see, or whether the application they decide still waits), an OTP to send or check, the
 * citizen's applications (for "status", and for a certificate they may already hold), a document to send again.
 */
export function needsOf(
  intent: Intent,
  session: Session,
  now: Date,
  settings: ConversationSettings,
  catalog: Catalog,
): TurnNeeds {
  const otherwise = (of: { otherwise: Intent }) => needsOf(of.otherwise, session, now, settings, catalog);
  switch (intent.kind) {
    // From anyone but an officer the message means what `otherwise` says, and needs what that needs.
    case 'decision':
      return { ...otherwise(intent), officer: true, decisionOn: intent.applicationId };
    case 'revoke':
    case 'grievance-action':
      return { ...otherwise(intent), officer: true };
    case 'worklist':
      return { ...otherwise(intent), officer: true, officerQueue: true };
    case 'grievance-rating-typed':
      return { ...otherwise(intent), applications: true };
    case 'worklist-open':
      return { ...otherwise(intent), officer: true, openApplication: intent.applicationId };
    case 'service': {
      const service = catalog.services.find((s) => s.id === intent.serviceId);
      return { applications: mayHoldCertificate(service, session, now, settings) };
    }
    case 'answer': {
      const { step } = session;
      const service = step.name === 'form' ? catalog.services.find((s) => s.id === step.serviceId) : undefined;
      const aadhaar = formAadhaarForOtp(session, service, intent.text, now, settings);
      return aadhaar ? { applications: false, otpRequest: { aadhaar } } : none();
    }
    case 'search':
      return { applications: false, understand: { text: intent.text } };
    case 'resend-document':
      return { applications: false, heldDocument: intent.applicationId };
    case 'ticket-cancel':
      return { applications: false, ticketToCancel: intent.reference };
    case 'confirm': {
      const { step } = session;
      if (step.name !== 'confirm') return none();
      const certificate = catalog.services.find((s) => s.id === step.serviceId);
      if (certificate && isBilled(certificate))
        return { applications: false, bill: { serviceId: certificate.id, values: step.values } };
      if (mayHoldCertificate(certificate, session, now, settings)) return { applications: true };
      // A grievance is checked against the citizen's grievances of the last 24 hours before it is registered.
      if (certificate?.kind === 'grievance') return { applications: true };
      const service = answeredInTurn(catalog, step.serviceId);
      if (!service) return none();
      // A lookup of someone's own benefits waits for their OTP; the turn that checks it looks up then.
      if (lookupNeedsIdentity(service) && !identityCurrent(session, now, settings)) return none();
      return { applications: false, lookup: { serviceId: service.id, values: step.values } };
    }
    case 'aadhaar':
      return intent.aadhaar ? { applications: false, otpRequest: { aadhaar: intent.aadhaar } } : none();
    case 'otp': {
      const { step } = session;
      if (!intent.otp || step.name !== 'identity-otp') return none();
      const { purpose } = step;
      const otpCheck = { txnId: step.txnId, otp: intent.otp };
      if (purpose.name === 'status') return { applications: true, otpCheck };
      const lookup = answeredInTurn(catalog, purpose.serviceId)
        ? { lookup: { serviceId: purpose.serviceId, values: purpose.values } }
        : {};
      // Whether the Aadhaar verified now already holds this certificate, before it is submitted again.
      const certificate = catalog.services.find((s) => s.id === purpose.serviceId)?.kind === 'certificate';
      return { applications: certificate, otpCheck, ...lookup };
    }
    case 'pay-bill': {
      const { step } = session;
      return step.name === 'bill-shown'
        ? { applications: false, bill: { serviceId: step.serviceId, values: step.values } }
        : none();
    }
    case 'status':
      return { applications: identityCurrent(session, now, settings) };
    case 'my-bills':
      return session.bills.consentedAt ? { applications: false, myBills: session.bills.saved } : none();
    case 'my-bill': {
      const saved = session.bills.saved[intent.index];
      return saved ? { applications: false, bill: { serviceId: saved.serviceId, values: saved.values } } : none();
    }
    case 'bills-reminders':
      return { applications: false, myBills: session.bills.saved };
    case 'bills-forget-one':
      return { applications: false, myBills: session.bills.saved.filter((_, i) => i !== intent.index) };
    case 'bus-text':
    case 'bus-service':
    case 'bus-hold': {
      const bus = busNeedOf(session, intent, now);
      return bus ? { applications: false, bus } : none();
    }
    case 'slot-chosen': {
      const slotHold = slotNeed(session, intent.time);
      return slotHold ? { applications: false, slotHold } : none();
    }
    default:
      return none();
  }
}

const none = (): TurnNeeds => ({ applications: false });

/** A certificate asked for by someone whose Aadhaar is verified: whether they already hold it is known at once. */
function mayHoldCertificate(
  service: Service | undefined,
  session: Session,
  now: Date,
  settings: ConversationSettings,
): boolean {
  return service?.kind === 'certificate' && identityCurrent(session, now, settings);
}

/** The service, if the turn answers it (a status lookup) rather than a workflow. */
function answeredInTurn(catalog: Catalog, serviceId: string): Service | undefined {
  const service = catalog.services.find((s) => s.id === serviceId);
  return service && workflowOf(service) === undefined ? service : undefined;
}
