import { Duration, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  type CfnStateMachine,
  DefinitionBody,
  Errors,
  Fail,
  JsonPath,
  LogLevel,
  QueryLanguage,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { nagAttribute } from './nag-findings.ts';
import type { OperationsKey } from './operations-key.ts';
import type { StageConfig } from './stage-config.ts';

/**
 * CloudFormation Metadata key naming a workflow; the embedded runtime finds the state machine's ASL in cdk.out by it
 * and runs exactly that definition.
 */
const WORKFLOW_METADATA_KEY = 'mitra:workflow';

export interface CertificateWorkflowProps {
  readonly config: StageConfig;
  readonly operationsKey: OperationsKey;
  /** The one `workflow-steps` function; each task says which step it wants in `step`. */
  readonly workflowSteps: IFunction;
  readonly certificate: IFunction;
}

/**
 * Issues a certificate for one application: Validate → Issue certificate → Notify citizen. Any failure goes to
 * Notify failure (the citizen hears about it through the outbox) and ends the execution as failed, so the
 * ExecutionsFailed alarm sees it. Input: `{ applicationId, serviceId, waId, applicant, submittedAt }`; the webhook
 * names each execution by application id, so one application is one execution.
 *
 * Standard (not Express): exactly-once steps, 90 days of history for audits, and `.waitForTaskToken` for the officer
 * approval and payment steps that come next — hence the 30-day execution timeout.
 */
export class CertificateWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: CertificateWorkflowProps) {
    super(scope, id);
    const { config, workflowSteps, certificate } = props;

    const notifyFailure = new LambdaInvoke(this, 'Notify failure', {
      lambdaFunction: workflowSteps,
      payload: TaskInput.fromObject({ step: 'notify-failed', application: JsonPath.entirePayload }),
      // Keep the application and its $.error for the Fail state: the failed step's error becomes the execution's.
      resultPath: JsonPath.DISCARD,
    });
    notifyFailure.next(
      new Fail(this, 'Failed', {
        comment: 'The citizen has been told; the execution fails with the error of the step that failed',
        errorPath: '$.error.Error',
        causePath: '$.error.Cause',
      }),
    );

    const validate = new LambdaInvoke(this, 'Validate', {
      lambdaFunction: workflowSteps,
      payload: TaskInput.fromObject({ step: 'validate', application: JsonPath.entirePayload }),
      // The step returns the validated application, which becomes the state.
      outputPath: '$.Payload',
    });

    const issue = new LambdaInvoke(this, 'Issue certificate', {
      lambdaFunction: certificate,
      payload: TaskInput.fromJsonPathAt('$'),
      // A closed shape: only these four fields of the certificate function's answer enter the state.
      resultSelector: {
        'certId.$': '$.Payload.certId',
        'pdfKey.$': '$.Payload.pdfKey',
        'recordKey.$': '$.Payload.recordKey',
        'verifyUrl.$': '$.Payload.verifyUrl',
      },
      resultPath: '$.certificate',
    });
    // Issuing is idempotent per application (conditional put of the certificate record), so a retry is safe.
    issue.addRetry({
      errors: [Errors.TASKS_FAILED],
      maxAttempts: 2,
      interval: Duration.seconds(5),
      backoffRate: 2,
    });

    const notify = new LambdaInvoke(this, 'Notify citizen', {
      lambdaFunction: workflowSteps,
      payload: TaskInput.fromObject({ step: 'notify-issued', application: JsonPath.entirePayload }),
      resultPath: JsonPath.DISCARD,
    });

    for (const task of [validate, issue, notify]) {
      task.addCatch(notifyFailure, { errors: [Errors.ALL], resultPath: '$.error' });
    }

    const definition = validate.next(issue).next(notify).next(new Succeed(this, 'Issued'));

    const logGroup = props.operationsKey.logGroup(this, 'Logs', config.logRetention, config.removalPolicy);
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'Mitra: validate an application, issue its signed certificate, notify the citizen',
      definitionBody: DefinitionBody.fromChainable(definition),
      stateMachineType: StateMachineType.STANDARD,
      queryLanguage: QueryLanguage.JSON_PATH,
      timeout: Duration.days(30),
      tracingEnabled: true,
      // Every transition is logged, without the applicant's personal data: that stays in the execution history,
      // readable only with states:GetExecutionHistory.
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      removalPolicy: config.removalPolicy,
    });
    (this.stateMachine.node.defaultChild as CfnStateMachine).addMetadata(WORKFLOW_METADATA_KEY, 'certificate');

    for (const fn of [workflowSteps, certificate]) {
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
