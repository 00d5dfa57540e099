/**
 * The service kinds a Step Functions workflow fulfils, one state machine each, with the construct id that names it
 * in the template. It mirrors lambdas/core/fulfilment/registry.ts (lib/ imports no runtime code); an infra test
 * fails when the two differ. The certificate workflow keeps the construct id it was first deployed with.
 */
export const WORKFLOW_KINDS = [
  { kind: 'certificate', constructId: 'CertificateWorkflow', checksHouseholdRecords: true },
  { kind: 'application', constructId: 'ApplicationWorkflow', checksHouseholdRecords: false },
  { kind: 'grievance', constructId: 'GrievanceWorkflow', checksHouseholdRecords: false },
  { kind: 'bill-payment', constructId: 'BillPaymentWorkflow', checksHouseholdRecords: false },
  { kind: 'booking', constructId: 'BookingWorkflow', checksHouseholdRecords: false },
] as const;

/** The function environment variable holding a kind's state machine ARN, e.g. `BILL_PAYMENT_WORKFLOW_ARN`. */
export function workflowArnVariable(kind: string): string {
  return `${kind.toUpperCase().replace(/-/g, '_')}_WORKFLOW_ARN`;
}
