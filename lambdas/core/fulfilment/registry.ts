import { resourceOf, slotPriceOf } from '../bookings/slots.ts';
import { inventoryOf } from '../catalog/inventories.ts';
import { SERVICE_KINDS } from '../catalog/rules.ts';
import type { Service } from '../catalog/schema.ts';
import { paiseToRupees } from '../payments/amount.ts';

export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type OfficerAction = 'decide' | 'resolve' | 'confirm';

/** The kinds fulfilled by a workflow: one Step Functions state machine each (lib/workflows/), never one per service. */
export const WORKFLOW_KINDS = ['certificate', 'application', 'grievance', 'bill-payment', 'booking'] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

/**
 * How a kind of service reaches its outcome once the citizen confirms the form. Everything that differs per service
 * (fields, fee, SLA, department, authority, document) is the catalog's; everything that differs per kind is here.
 */
export interface Fulfilment {
  kind: ServiceKind;
  /**
   * `workflow`: an application is stored with the turn and its kind's state machine takes it up (fee, officer,
   * document, notices). `turn`: answered within the turn from a department system; nothing is stored.
   */
  takenUp: { by: 'workflow'; workflow: WorkflowKind } | { by: 'turn' };
  /** Whether a deciding officer of the department decides it (else it is issued as soon as its checks pass). */
  officerDecides(service: Service): boolean;
  /** Whether the household records must confirm what an instant document would state. */
  checksHouseholdRecords: boolean;
  /** The form field whose answer is the amount to pay, where the citizen states it (a donation, a tax return). */
  amountField?: string;
  /** What the deciding officer does with it: the words of the citizen's and the officer's notices. */
  officerAction: OfficerAction;
  /**
   * The workflow that issues a signed extract of a record the turn found, where the department's system offers one
   * (land records: Adangal / 1-B): the catalog's document of the service, signed and archived like a certificate.
   */
  extractWorkflow?: WorkflowKind;
}

const decidedByOfficer = () => true;

const FULFILMENTS: Record<ServiceKind, Fulfilment> = {
  certificate: {
    kind: 'certificate',
    takenUp: { by: 'workflow', workflow: 'certificate' },
    officerDecides: (service) => service.officerApproval,
    checksHouseholdRecords: true,
    officerAction: 'decide',
  },
  application: {
    kind: 'application',
    takenUp: { by: 'workflow', workflow: 'application' },
    officerDecides: decidedByOfficer,
    checksHouseholdRecords: false,
    officerAction: 'decide',
  },
  grievance: {
    kind: 'grievance',
    takenUp: { by: 'workflow', workflow: 'grievance' },
    officerDecides: decidedByOfficer,
    checksHouseholdRecords: false,
    officerAction: 'resolve',
  },
  'bill-payment': {
    kind: 'bill-payment',
    takenUp: { by: 'workflow', workflow: 'bill-payment' },
    officerDecides: decidedByOfficer,
    checksHouseholdRecords: false,
    amountField: 'amount',
    officerAction: 'confirm',
  },
  booking: {
    kind: 'booking',
    takenUp: { by: 'workflow', workflow: 'booking' },
    // Places sold from an inventory need no officer; other bookings are confirmed by the department's officer.
    officerDecides: (service) => inventoryOf(service.id) === undefined,
    checksHouseholdRecords: false,
    /** The fare of the seats held, from the reservation system. */
    amountField: 'amount',
    officerAction: 'confirm',
  },
  'status-lookup': {
    kind: 'status-lookup',
    takenUp: { by: 'turn' },
    officerDecides: () => false,
    checksHouseholdRecords: false,
    officerAction: 'decide',
    extractWorkflow: 'certificate',
  },
};

/** The fulfilment of a kind. Every kind the catalog schema allows has one (a unit test walks the catalog). */
export function fulfilmentOf(kind: ServiceKind): Fulfilment {
  return FULFILMENTS[kind];
}

/** The kinds that have a fulfilment: the unit test compares them with the kinds the catalog uses. */
export function fulfilledKinds(): ServiceKind[] {
  return SERVICE_KINDS.filter((kind) => FULFILMENTS[kind] !== undefined);
}

/** The workflow that takes up an application of this service, or undefined when the turn answers it. */
export function workflowOf(service: Service): WorkflowKind | undefined {
  const { takenUp } = fulfilmentOf(service.kind);
  return takenUp.by === 'workflow' ? takenUp.workflow : undefined;
}

/** The workflow that issues a signed extract of a record this service finds, if its kind offers one. */
export function extractWorkflowOf(service: Service): WorkflowKind | undefined {
  return fulfilmentOf(service.kind).extractWorkflow;
}

/**
 * The amount to pay in rupees: what the citizen stated where the kind asks it; for places Mitra sells, their price
 * for the answers (so many persons, that date: the summary before the slot says what the slot will ask); else the
 * catalog's fee.
 */
export function amountDue(service: Service, values: Record<string, string>): number {
  const field = fulfilmentOf(service.kind).amountField;
  const stated = field !== undefined ? Number(values[field]) : Number.NaN;
  if (Number.isFinite(stated) && stated > 0) return stated;
  const inventory = inventoryOf(service.id);
  if (inventory?.source === 'mitra' && resourceOf(inventory, values))
    return paiseToRupees(slotPriceOf(inventory, values));
  return service.fee;
}

/**
 * The Lambda environment variable that holds a workflow's state machine ARN, e.g. `BILL_PAYMENT_WORKFLOW_ARN`
 * (lib/mitra-stack.ts sets one per workflow kind on the functions that start them).
 */
export function workflowArnVariable(kind: WorkflowKind): string {
  return `${kind.toUpperCase().replace(/-/g, '_')}_WORKFLOW_ARN`;
}

/**
 * The name the document is issued to: the applicant's (or the child's, student's, deceased's…) name from the form,
 * else the business named, else the name the citizen's WhatsApp profile shows.
 */
export function holderNameOf(service: Service, values: Record<string, string>, profileName?: string): string {
  const named = service.fields.find((field) => field.type === 'name' && values[field.id]?.trim());
  if (named) return values[named.id]!.trim();
  const business = values['business-name']?.trim();
  if (business) return business;
  return profileName?.trim() || 'Applicant';
}
