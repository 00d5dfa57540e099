import { Duration, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  type CfnStateMachine,
  Choice,
  Condition,
  DefinitionBody,
  Errors,
  Fail,
  IntegrationPattern,
  JitterType,
  JsonPath,
  LogLevel,
  QueryLanguage,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { nagAttribute } from '../nag-findings.ts';
import type { OperationsKey } from '../operations-key.ts';
import type { StageConfig } from '../stage-config.ts';

/**
 * CloudFormation Metadata key naming a workflow; the embedded runtime finds the state machine's ASL in cdk.out by it
 * and runs exactly that definition.
 */
const WORKFLOW_METADATA_KEY = 'mitra:workflow';

export interface FulfilmentWorkflowProps {
  /** The service kind it fulfils (lambdas/core/fulfilment/registry.ts WORKFLOW_KINDS): its `mitra:workflow` name. */
  readonly kind: string;
  /** Whether the household records confirm an instant document before it is issued (certificates). */
  readonly checksHouseholdRecords: boolean;
  readonly config: StageConfig;
  readonly operationsKey: OperationsKey;
  /** The one `workflow-steps` function; each task says which step it wants in `step`. */
  readonly workflowSteps: IFunction;
  /** The document pipeline: bilingual PDF, signed record, QR, WORM archive, transparency log. */
  readonly documents: IFunction;
}

/**
 * How long a payment link stays open, and how long an application escalated past its SLA waits for the senior
 * officer before the citizen is told it could not be decided.
 */
const PAYMENT_WINDOW = Duration.hours(48);
const ESCALATION_WINDOW = Duration.days(30);
/** A certificate workflow's first state, in place of Validate. */
const VALIDATE_AND_LOOK_UP = 'Validate and look up records';

/**
 * A step whose S3, DynamoDB or KMS stayed busy through the SDK's retries fails with ServiceBusyError (the functions'
 * `retryableWhenBusy`); every step is idempotent, so it runs again after a jittered backoff. Eight tries of up to 15 s
 * apart outlast a minute of throttling (about 37 s of waiting on average): a citizen's certificate comes late rather
 * than failing for a busy minute.
 */
function retryWhenBusy(task: LambdaInvoke): LambdaInvoke {
  task.addRetry({
    errors: ['ServiceBusyError'],
    maxAttempts: 8,
    interval: Duration.seconds(1),
    backoffRate: 2,
    maxDelay: Duration.seconds(15),
    jitterStrategy: JitterType.FULL,
  });
  return task;
}

/**
 * Fulfils the applications of one service kind (one state machine per kind, never one per service):
 *
 *   Validate [certificates: and look up records] → [fee due: Await payment] → [an officer decides: Await officer
 *   decision, until the SLA is due; then Escalate to a senior officer] → Approved? → Issue document → Notify citizen
 *
 * Validate takes the application up and answers it with its `plan` from the catalog and the kind's fulfilment (fee
 * still due, whether an officer decides, seconds left of the SLA); for certificates the same step looks up the
 * records, and sends an instant certificate the household records do not confirm to an officer; the Choices read
 * the plan. The waits are `.waitForTaskToken`
 * callbacks: the step stores the token on the application and tells the citizen (payment link) or the department's
 * officers (approve / reject buttons); the payment gateway's signed callback or the officer's decision in the chat
 * resumes the execution. Issue document is the one document pipeline every kind uses. A payment link that expires
 * or an officer's rejection ends the execution as succeeded (the workflow did its job; the citizen has been told).
 * Any other failure goes to Notify failure and ends the execution as failed, so the ExecutionsFailed alarm sees it.
 *
 * Input: `{ applicationId, serviceId, waId, language, applicant, values, submittedAt }`; the webhook names each
 * execution by application id, so one application is one execution. Standard (not Express): exactly-once steps, 90
 * days of history for audits, and `.waitForTaskToken`. The execution timeout covers the longest SLA in the catalog
 * (90 working days), the payment window and the escalation.
 */
export class FulfilmentWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: FulfilmentWorkflowProps) {
    super(scope, id);
    const { config, workflowSteps, documents } = props;
    const step = (name: string, stepName: string, extra: Record<string, unknown> = {}) =>
      retryWhenBusy(
        new LambdaInvoke(this, name, {
          lambdaFunction: workflowSteps,
          payload: TaskInput.fromObject({ step: stepName, application: JsonPath.entirePayload, ...extra }),
          resultPath: JsonPath.DISCARD,
        }),
      );
    const callback = (
      name: string,
      stepName: string,
      timeout: Timeout,
      resultPath: string,
      extra: Record<string, unknown>,
    ) =>
      retryWhenBusy(
        new LambdaInvoke(this, name, {
          lambdaFunction: workflowSteps,
          integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
          payload: TaskInput.fromObject({
            step: stepName,
            application: JsonPath.entirePayload,
            taskToken: JsonPath.taskToken,
            ...extra,
          }),
          taskTimeout: timeout,
          // What SendTaskSuccess carried: the payment, or the officer's decision.
          resultPath,
        }),
      );

    // Keep the application and its $.error for the Fail state: the failed step's error becomes the execution's.
    const notifyFailure = step('Notify failure', 'notify-failed');
    notifyFailure.next(
      new Fail(this, 'Failed', {
        comment: 'The citizen has been told; the execution fails with the error of the step that failed',
        errorPath: '$.error.Error',
        causePath: '$.error.Cause',
      }),
    );

    // A certificate's household records or register confirm, or not, what an instant certificate would state; an
    // application they do not confirm goes to an officer (the step sets plan.officerApproval). Validating and looking
    // up are one state: every state entered is a billed transition.
    const validate = retryWhenBusy(
      new LambdaInvoke(this, props.checksHouseholdRecords ? VALIDATE_AND_LOOK_UP : 'Validate', {
        lambdaFunction: workflowSteps,
        payload: TaskInput.fromObject({
          step: props.checksHouseholdRecords ? 'validate-and-look-up-records' : 'validate',
          application: JsonPath.entirePayload,
        }),
        // The step returns the validated application with its plan, which becomes the state.
        outputPath: '$.Payload',
      }),
    );
    // The look-up only reads, and taking the application up again changes nothing; the household records or a
    // register being unreachable for a while is worth waiting out.
    if (props.checksHouseholdRecords)
      validate.addRetry({
        errors: ['DepartmentRecordsError', 'DepartmentSystemError'],
        maxAttempts: 4,
        interval: Duration.seconds(10),
        backoffRate: 2,
      });

    // The gateway's callback answers { paymentId, amount, paidAt }.
    const awaitPayment = callback(
      'Await payment',
      'request-payment',
      Timeout.duration(PAYMENT_WINDOW),
      '$.payment',
      {},
    );
    awaitPayment.addRetry({ errors: [Errors.TASKS_FAILED], maxAttempts: 2, interval: Duration.seconds(5) });
    const closeUnpaid = step('Close unpaid', 'payment-expired');
    closeUnpaid.next(new Succeed(this, 'Not paid', { comment: 'The payment link expired; the citizen was told' }));
    awaitPayment.addCatch(closeUnpaid, { errors: [Errors.TIMEOUT], resultPath: '$.paymentTimeout' });

    // The officer's decision answers { decision: 'approved' | 'rejected', officerId, reason?, decidedAt }.
    const awaitDecision = callback(
      'Await officer decision',
      'request-approval',
      Timeout.at('$.plan.approvalTimeoutSeconds'),
      '$.decision',
      { escalated: false },
    );
    const awaitEscalated = callback('Escalate', 'request-approval', Timeout.duration(ESCALATION_WINDOW), '$.decision', {
      escalated: true,
    });
    for (const wait of [awaitDecision, awaitEscalated]) {
      wait.addRetry({ errors: [Errors.TASKS_FAILED], maxAttempts: 2, interval: Duration.seconds(5) });
    }
    awaitDecision.addCatch(awaitEscalated, { errors: [Errors.TIMEOUT], resultPath: '$.slaBreach' });

    const issue = retryWhenBusy(
      new LambdaInvoke(this, 'Issue document', {
        lambdaFunction: documents,
        payload: TaskInput.fromJsonPathAt('$'),
        // A closed shape: only these fields of the document function's answer enter the state.
        resultSelector: {
          'certId.$': '$.Payload.certId',
          'pdfKey.$': '$.Payload.pdfKey',
          'recordKey.$': '$.Payload.recordKey',
          'verifyUrl.$': '$.Payload.verifyUrl',
          'title.$': '$.Payload.title',
        },
        resultPath: '$.certificate',
      }),
    );
    // Issuing is idempotent per application (conditional put of the document's record), so a retry is safe: a busy
    // service is retried above; input the function refuses is not retried, since no retry changes it; any other
    // failure (a crash) four more times, so a container that crashes again and again delays the citizen's document
    // by under a minute instead of failing it. Retriers match in order: the first whose errors match decides.
    issue.addRetry({ errors: ['ValidationError'], maxAttempts: 0 });
    issue.addRetry({
      errors: [Errors.TASKS_FAILED],
      maxAttempts: 4,
      interval: Duration.seconds(5),
      backoffRate: 2,
      maxDelay: Duration.seconds(20),
      jitterStrategy: JitterType.FULL,
    });
    // A bill, once paid, is posted to its biller: exactly once (the application id is the biller's idempotency key,
    // and the answer is recorded before it is returned), so a timeout is retried safely.
    const postToBiller = retryWhenBusy(
      new LambdaInvoke(this, 'Post to biller', {
        lambdaFunction: workflowSteps,
        payload: TaskInput.fromObject({ step: 'post-to-biller', application: JsonPath.entirePayload }),
        resultSelector: { 'status.$': '$.Payload.status', 'answer.$': '$.Payload' },
        resultPath: '$.posting',
      }),
    );
    postToBiller.addRetry({
      errors: ['DepartmentSystemError'],
      maxAttempts: 5,
      interval: Duration.seconds(2),
      backoffRate: 2,
    });
    const recordRefund = step('Record refund', 'record-refund');
    recordRefund.next(
      new Succeed(this, 'Refund due', { comment: 'The biller refused the payment; the citizen was told' }),
    );
    const notify = step('Notify citizen', 'notify-issued');
    const notifyRejected = step('Notify rejection', 'notify-rejected');

    for (const task of [
      validate,
      awaitPayment,
      awaitDecision,
      awaitEscalated,
      postToBiller,
      recordRefund,
      issue,
      notify,
      notifyRejected,
    ]) {
      task.addCatch(notifyFailure, { errors: [Errors.ALL], resultPath: '$.error' });
    }

    // Notify citizen ends the execution: a Succeed state after it would be one more billed transition.
    issue.next(notify);
    notifyRejected.next(new Succeed(this, 'Rejected', { comment: 'An officer rejected it; the citizen was told why' }));
    const decided = new Choice(this, 'Approved?')
      .when(Condition.stringEquals('$.decision.decision', 'approved'), issue)
      .otherwise(notifyRejected);
    awaitDecision.next(decided);
    awaitEscalated.next(decided);
    const needsApproval = new Choice(this, 'Officer to approve?')
      .when(Condition.booleanEquals('$.plan.officerApproval', true), awaitDecision)
      .otherwise(issue);
    const posted = new Choice(this, 'Biller accepted?')
      .when(Condition.stringEquals('$.posting.status', 'posted'), needsApproval)
      .otherwise(recordRefund);
    postToBiller.next(posted);
    awaitPayment.next(
      new Choice(this, 'Bill to post?')
        .when(Condition.booleanEquals('$.plan.postsToBiller', true), postToBiller)
        .otherwise(needsApproval),
    );
    // Fee to pay? also asks whether an officer decides, so an application with neither goes straight to its
    // document: every state entered is a billed transition, and most certificates need neither.
    const feeToPay = new Choice(this, 'Fee to pay?')
      .when(Condition.booleanEquals('$.plan.feeDue', true), awaitPayment)
      // A free place held (an appointment) is still sold before its ticket, so it is never given twice.
      .when(Condition.booleanEquals('$.plan.postsToBiller', true), postToBiller)
      .when(Condition.booleanEquals('$.plan.officerApproval', true), awaitDecision)
      .otherwise(issue);
    const definition = validate.next(feeToPay);

    const logGroup = props.operationsKey.logGroup(this, 'Logs', config.logRetention, config.removalPolicy);
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: `Mitra, ${props.kind} applications: validate, take the fee, await the officer, issue the signed document, notify the citizen`,
      definitionBody: DefinitionBody.fromChainable(definition),
      stateMachineType: StateMachineType.STANDARD,
      queryLanguage: QueryLanguage.JSON_PATH,
      timeout: Duration.days(180),
      tracingEnabled: true,
      // Every transition is logged, without the applicant's personal data: that stays in the execution history,
      // readable only with states:GetExecutionHistory.
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      removalPolicy: config.removalPolicy,
    });
    (this.stateMachine.node.defaultChild as CfnStateMachine).addMetadata(WORKFLOW_METADATA_KEY, props.kind);

    for (const fn of [workflowSteps, documents]) {
      Validations.of(this.stateMachine).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagAttribute(fn)}:*]`,
        reason:
          'CDK grants lambda:InvokeFunction on the function and its versions/aliases (ARN:*) so a task can pin a ' +
          'qualifier; both resolve to this one function only.',
      });
    }
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery (logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ' +
        'ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and X-Ray tracing ' +
        '(xray:PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) support no resource-level ' +
        'permissions.',
    });
  }
}
