import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableRef } from './mitra-function.ts';
import type { StageConfig } from './stage-config.ts';

/** The GSI listing a citizen's applications (lambdas/core/table-keys.ts `applicationsOfCitizen`). */
const BY_CITIZEN_INDEX = 'byCitizen';
/** Officers of a department, to tell them of applications waiting for a decision (lambdas/adapters/officers.ts). */
const OFFICERS_BY_DEPARTMENT_INDEX = 'officersByDepartment';
/** A department's applications waiting for an officer, soonest due first: the state-level officers' worklist. */
const AWAITING_DECISION_INDEX = 'awaitingDecision';
/** One district's applications of a department waiting for an officer: the district officers' worklist. */
const AWAITING_DECISION_IN_DISTRICT_INDEX = 'awaitingDecisionInDistrict';

export interface StateTableProps {
  readonly config: StageConfig;
}

/**
 * The single table: sessions, message-id dedupe marks, the outbox, applications and certificate records. Its stream
 * (new and old images) is the outbox the sender reads in order per citizen; `expiresAt` expires dedupe marks and
 * sessions.
 *
 * Encryption is DynamoDB's AWS managed key (alias/aws/dynamodb): encrypted at rest with every use logged in CloudTrail,
 * and no key grant to keep in step with each function's role. The table holds working state; the record auditors
 * rely on is the WORM archive, which has its own customer-managed key.
 */
export class StateTable extends Construct implements TableRef {
  readonly table: Table;
  readonly indexNames = [
    BY_CITIZEN_INDEX,
    OFFICERS_BY_DEPARTMENT_INDEX,
    AWAITING_DECISION_INDEX,
    AWAITING_DECISION_IN_DISTRICT_INDEX,
  ] as const;

  constructor(scope: Construct, id: string, { config }: StateTableProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: 'expiresAt',
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: BY_CITIZEN_INDEX,
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    // Sparse: only officer items carry a top-level `department` (the catalog's department id); small items, so all
    // attributes are projected.
    this.table.addGlobalSecondaryIndex({
      indexName: OFFICERS_BY_DEPARTMENT_INDEX,
      partitionKey: { name: 'department', type: AttributeType.STRING },
      sortKey: { name: 'waId', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    // Sparse: an application carries these attributes only while it waits for an officer's decision
    // (lambdas/core/table-keys.ts `awaitingDecision`): the department id, and `<department>#<district>` when its form
    // named a district.
    this.table.addGlobalSecondaryIndex({
      indexName: AWAITING_DECISION_INDEX,
      partitionKey: { name: 'awaitingDepartment', type: AttributeType.STRING },
      sortKey: { name: 'approvalDueAt', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: AWAITING_DECISION_IN_DISTRICT_INDEX,
      partitionKey: { name: 'awaitingDistrict', type: AttributeType.STRING },
      sortKey: { name: 'approvalDueAt', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }
}
