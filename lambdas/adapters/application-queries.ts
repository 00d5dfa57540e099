import { GetCommand, paginateQuery, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { RecordCheckSchema } from '#core/applications/record-check.ts';
import type { ApplicationSummary, HeldDocument, WaitingApplicationSummary } from '#core/conversation/context.ts';
import type { ApplicationStatusView } from '#core/fulfilment/application-status.ts';
import type { Jurisdiction } from '#core/officers.ts';
import { BY_CITIZEN_INDEX, keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';

const AWAITING_DECISION_INDEX = 'awaitingDecision';
const AWAITING_DECISION_IN_DISTRICT_INDEX = 'awaitingDecisionInDistrict';
/** The officers' worklist shows this many, soonest due first (one WhatsApp list). */
const WORKLIST_SIZE = 10;

/** Where an application an officer decides stands: waiting for the decision, or not (and then in which state). */
export type DecisionStanding =
  | { waiting: WaitingApplicationSummary }
  | { waiting?: undefined; state: string; jurisdiction?: Jurisdiction };

/**
 * Reads a citizen's applications for "status", newest first, through the `byCitizen` index; the applications
 * waiting for an officer's decision, for the officers' worklist; and a certificate's document to send again.
 */
export class ApplicationQueries {
  constructor(private readonly tableName: string) {}

  async ofCitizen(waId: string, limit = 25): Promise<ApplicationSummary[]> {
    const { Items = [] } = await dynamodb.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: BY_CITIZEN_INDEX,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.applicationsOfCitizen(waId).gsi1pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.filter((item) => item.kind === 'application').map((item) => ({
      applicationId: String(item.applicationId),
      serviceId: String(item.serviceId),
      state: String(item.state ?? 'received'),
      submittedAt: String(item.submittedAt),
      slaDays: Number(item.slaDays ?? 1),
      ...(typeof item.citizenHash === 'string' ? { citizenHash: item.citizenHash } : {}),
      ...(item.values && typeof item.values === 'object' ? { values: item.values as Record<string, string> } : {}),
      ...(typeof item.grievance?.resolvedAt === 'string' ? { resolvedAt: item.grievance.resolvedAt } : {}),
      ...(item.billPosting?.status === 'posted' && typeof item.billPosting.billerReference === 'string'
        ? { pnr: item.billPosting.billerReference }
        : {}),
    }));
  }

  /**
   * The applications waiting for a decision that an officer's worklist shows, soonest due first, and how many wait in
   * all: a district officer's are their department's in their district, a state-level officer's all their
   * department's.
   */
  async awaitingDecision(officer: Jurisdiction): Promise<{ waiting: WaitingApplicationSummary[]; total: number }> {
    const { awaitingDepartment, awaitingDistrict } = keys.awaitingDecision(officer.department, officer.district);
    const query = awaitingDistrict
      ? {
          TableName: this.tableName,
          IndexName: AWAITING_DECISION_IN_DISTRICT_INDEX,
          KeyConditionExpression: 'awaitingDistrict = :key',
          ExpressionAttributeValues: { ':key': awaitingDistrict },
        }
      : {
          TableName: this.tableName,
          IndexName: AWAITING_DECISION_INDEX,
          KeyConditionExpression: 'awaitingDepartment = :key',
          ExpressionAttributeValues: { ':key': awaitingDepartment },
        };
    const countAll = async () => {
      // A COUNT query stops at 1 MB of index read like any other: a busy department's total takes every page.
      let total = 0;
      for await (const page of paginateQuery({ client: dynamodb }, { ...query, Select: 'COUNT' }))
        total += page.Count ?? 0;
      return total;
    };
    const [{ Items = [] }, total] = await Promise.all([
      dynamodb.send(new QueryCommand({ ...query, Limit: WORKLIST_SIZE })),
      countAll(),
    ]);
    return { waiting: Items.map(waitingSummary), total };
  }

  /** Where one application stands, for a lookup of its number: nothing personal is read out. */
  async statusView(applicationId: string): Promise<ApplicationStatusView | undefined> {
    const { Item } = await dynamodb.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.application(applicationId),
        ProjectionExpression: 'applicationId, serviceId, #state, submittedAt, slaDays, updatedAt',
        ExpressionAttributeNames: { '#state': 'state' },
      }),
    );
    if (!Item) return undefined;
    return {
      applicationId: String(Item.applicationId),
      serviceId: String(Item.serviceId),
      state: String(Item.state),
      submittedAt: String(Item.submittedAt),
      slaDays: Number(Item.slaDays ?? 1),
      ...(typeof Item.updatedAt === 'string' ? { updatedAt: Item.updatedAt } : {}),
    };
  }

  /** One application, if it waits for a decision now. */
  async waitingApplication(applicationId: string): Promise<WaitingApplicationSummary | undefined> {
    return (await this.decisionStanding(applicationId))?.waiting;
  }

  /** Whether an application waits for an officer's decision and, when it does not, its state; undefined: no such one. */
  async decisionStanding(applicationId: string): Promise<DecisionStanding | undefined> {
    const { Item } = await dynamodb.send(
      new GetCommand({ TableName: this.tableName, Key: keys.application(applicationId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    if (Item.state === 'awaiting-approval') return { waiting: waitingSummary(Item) };
    // The officers it went to, kept after the decision (the worklist's keys are removed then).
    const approval = Item.approval as { department?: unknown; district?: unknown } | undefined;
    const jurisdiction =
      typeof approval?.department === 'string'
        ? {
            department: approval.department,
            ...(typeof approval.district === 'string' ? { district: approval.district } : {}),
          }
        : undefined;
    return { state: String(Item.state), ...(jurisdiction ? { jurisdiction } : {}) };
  }

  /**
   * The document issued for an application, with whose it is, to send it again: from the application (its number,
   * verified Aadhaar and certificate id) and the certificate item (its archived PDF, and whether it was revoked).
   */
  async issuedDocument(applicationId: string): Promise<HeldDocument | undefined> {
    const { Item: application } = await dynamodb.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.application(applicationId),
        ConsistentRead: true,
        ProjectionExpression: 'applicationId, serviceId, waId, citizenHash, #state, outcome.certId',
        ExpressionAttributeNames: { '#state': 'state' },
      }),
    );
    const certId = (application?.outcome as { certId?: unknown } | undefined)?.certId;
    if (!application || typeof certId !== 'string') return undefined;
    const { Item: certificate } = await dynamodb.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.certificate(certId),
        ConsistentRead: true,
        ProjectionExpression: '#status, pdfKey',
        ExpressionAttributeNames: { '#status': 'status' },
      }),
    );
    if (typeof certificate?.pdfKey !== 'string') return undefined;
    return {
      applicationId,
      serviceId: String(application.serviceId),
      waId: String(application.waId),
      ...(typeof application.citizenHash === 'string' ? { citizenHash: application.citizenHash } : {}),
      certId,
      archiveKey: certificate.pdfKey,
      valid: application.state === 'issued' && certificate.status === 'valid',
    };
  }
}

function waitingSummary(item: Record<string, unknown>): WaitingApplicationSummary {
  const approval = (item.approval ?? {}) as {
    dueAt?: unknown;
    escalated?: unknown;
    department?: unknown;
    district?: unknown;
    recordCheck?: unknown;
  };
  // The records check the wait keeps (the workflow validated it when it wrote it); none when the records confirmed
  // the application, or an earlier release wrote the wait.
  const check = RecordCheckSchema.safeParse(approval.recordCheck);
  const recordCheck = check.success ? check.data : undefined;
  return {
    applicationId: String(item.applicationId),
    serviceId: String(item.serviceId),
    submittedAt: String(item.submittedAt),
    values: (item.values ?? {}) as Record<string, string>,
    department: String(approval.department ?? item.awaitingDepartment),
    ...(typeof approval.district === 'string' ? { district: approval.district } : {}),
    // When the SLA was (or is) due, as the worklist is ordered.
    dueAt: String(item.approvalDueAt ?? approval.dueAt),
    escalated: approval.escalated === true,
    ...(recordCheck ? { recordCheck } : {}),
  };
}
