import { beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_KINDS, workflowArnVariable } from '../../lambdas/core/fulfilment/registry.ts';
import {
  WORKFLOW_KINDS as LIB_WORKFLOW_KINDS,
  workflowArnVariable as libWorkflowArnVariable,
} from '../../lib/workflows/workflow-kinds.ts';
import {
  environmentOf,
  mitraFunction,
  resourcesOfType,
  type SynthesizedMitra,
  synthesizeMitra,
} from './mitra-template.ts';

interface TaskState {
  Type: string;
  Choices?: { Variable: string; BooleanEquals?: boolean; StringEquals?: string; Next: string }[];
  Default?: string;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  Resource?: string;
  Parameters?: { FunctionName: string; [key: string]: unknown };
  Next?: string;
  End?: boolean;
  OutputPath?: string;
  ResultPath?: string | null;
  ResultSelector?: Record<string, string>;
  Retry?: { ErrorEquals: string[]; MaxAttempts?: number; IntervalSeconds?: number; BackoffRate?: number }[];
  Catch?: { ErrorEquals: string[]; ResultPath?: string; Next: string }[];
  ErrorPath?: string;
  CausePath?: string;
}
interface Definition {
  StartAt: string;
  States: Record<string, TaskState>;
  TimeoutSeconds?: number;
  QueryLanguage?: string;
}

let dev: SynthesizedMitra;
let definition: Definition;
let workflowStepsArn: string;
let certificateArn: string;

/** The state machine of one kind's workflow, by its `mitra:workflow` metadata. */
function machineOf(s: SynthesizedMitra, kind: string) {
  const found = resourcesOfType(s.template, 'AWS::StepFunctions::StateMachine').find(
    ([, machine]) => machine.Metadata?.['mitra:workflow'] === kind,
  );
  if (!found) throw new Error(`no state machine for the ${kind} workflow`);
  return found;
}

/** Joins the DefinitionString, writing each function ARN reference as `<LogicalId>`. */
function readDefinition(s: SynthesizedMitra, kind = 'certificate'): Definition {
  const [, machine] = machineOf(s, kind);
  const joined = machine.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] };
  const text = joined['Fn::Join'][1]
    .map((part) => {
      if (typeof part === 'string') return part;
      const ref = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
      if (ref.Ref === 'AWS::Partition') return 'aws';
      if (ref['Fn::GetAtt']) return `<${ref['Fn::GetAtt'][0]}>`;
      throw new Error(`unexpected reference in the definition: ${JSON.stringify(part)}`);
    })
    .join('');
  return JSON.parse(text) as Definition;
}

beforeAll(() => {
  dev = synthesizeMitra();
  definition = readDefinition(dev);
  workflowStepsArn = `<${mitraFunction(dev.template, 'workflow-steps')[0]}>`;
  certificateArn = `<${mitraFunction(dev.template, 'certificate')[0]}>`;
});

describe('one workflow per service kind', () => {
  it('has a state machine for every kind the fulfilment registry takes up by workflow, and no other', () => {
    const kinds = resourcesOfType(dev.template, 'AWS::StepFunctions::StateMachine').map(
      ([, machine]) => machine.Metadata?.['mitra:workflow'],
    );
    expect(kinds.sort()).toEqual([...WORKFLOW_KINDS].sort());
  });

  it('lets the webhook start each of them, by the variable the webhook reads', () => {
    const variables = Object.keys(environmentOf(dev.template, 'webhook'));
    for (const kind of WORKFLOW_KINDS) expect(variables).toContain(workflowArnVariable(kind));
    expect(WORKFLOW_KINDS.map(workflowArnVariable)).toEqual(
      LIB_WORKFLOW_KINDS.map(({ kind }) => libWorkflowArnVariable(kind)),
    );
  });

  it.each(['application', 'grievance', 'bill-payment', 'booking'])(
    'runs %s applications through fee, officer and the same document pipeline, without the household records check',
    (kind) => {
      const states = readDefinition(dev, kind).States;
      expect(Object.keys(states)).not.toContain('Validate and look up records');
      expect(states.Validate!.Next).toBe('Fee to pay?');
      expect(states.Validate!.Parameters).toEqual({
        FunctionName: workflowStepsArn,
        Payload: { step: 'validate', 'application.$': '$' },
      });
      expect(states['Issue document']!.Parameters).toEqual({ FunctionName: certificateArn, 'Payload.$': '$' });
      expect(states['Await officer decision']!.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    },
  );
});

describe('certificate workflow', () => {
  it('is a Standard state machine with ALL-level logging to an encrypted log group, tracing and mitra:workflow', () => {
    const [logicalId, machine] = machineOf(dev, 'certificate');
    // The logical id it was first deployed with: renaming it would replace the state machine and its executions.
    expect(logicalId).toMatch(/^CertificateWorkflowStateMachine/);
    expect(machine.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } }],
      },
    });
    const logGroupId = (
      machine.Properties.LoggingConfiguration as {
        Destinations: { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [string] } } }[];
      }
    ).Destinations[0]!.CloudWatchLogsLogGroup.LogGroupArn['Fn::GetAtt'][0];
    expect(dev.template.findResources('AWS::Logs::LogGroup')[logGroupId]?.Properties).toMatchObject({
      KmsKeyId: expect.anything(),
    });
  });

  it('uses JSONPath and outlasts the longest SLA in the catalog (90 working days) with payment and escalation', () => {
    expect(definition.QueryLanguage).toBe('JSONPath');
    expect(definition.TimeoutSeconds).toBe(180 * 24 * 60 * 60);
  });

  it('runs Validate and look up records → [Await payment] → [Await officer decision → Escalate] → Approved? → Issue', () => {
    const { States: states } = definition;
    // One state validates and looks up the records: each state entered is a billed transition.
    expect(definition.StartAt).toBe('Validate and look up records');
    expect(states['Validate and look up records']).toMatchObject({
      Next: 'Fee to pay?',
      OutputPath: '$.Payload',
      Parameters: {
        FunctionName: workflowStepsArn,
        Payload: { step: 'validate-and-look-up-records', 'application.$': '$' },
      },
    });
    // The household records or a register being unreachable a while is waited out before the application fails.
    expect(states['Validate and look up records']!.Retry).toContainEqual(
      expect.objectContaining({ ErrorEquals: ['DepartmentRecordsError', 'DepartmentSystemError'], MaxAttempts: 4 }),
    );
    // Without a fee, the same choice sells a free place held, or sends the application to the officer or straight to
    // its document.
    expect(states['Fee to pay?']).toMatchObject({
      Type: 'Choice',
      Choices: [
        { Variable: '$.plan.feeDue', BooleanEquals: true, Next: 'Await payment' },
        { Variable: '$.plan.postsToBiller', BooleanEquals: true, Next: 'Post to biller' },
        { Variable: '$.plan.officerApproval', BooleanEquals: true, Next: 'Await officer decision' },
      ],
      Default: 'Issue document',
    });
    expect(states['Await payment']!.Next).toBe('Bill to post?');
    // A paid bill is posted to its biller, retried on a timeout (with the same idempotency key), before the receipt.
    expect(states['Bill to post?']).toMatchObject({
      Choices: [{ Variable: '$.plan.postsToBiller', BooleanEquals: true, Next: 'Post to biller' }],
      Default: 'Officer to approve?',
    });
    // S3, DynamoDB or KMS busy through the SDK's own retries: every step (each idempotent) runs again, before any
    // other retrier of the step can match the error.
    for (const [name, state] of Object.entries(states)) {
      if (state.Type !== 'Task') continue;
      const retry = state.Retry ?? [];
      const busy = retry.findIndex((r) => r.ErrorEquals.includes('ServiceBusyError'));
      expect(retry[busy], name).toMatchObject({
        ErrorEquals: ['ServiceBusyError'],
        MaxAttempts: 8,
        MaxDelaySeconds: 15,
      });
      const wildcard = retry.findIndex((r) =>
        r.ErrorEquals.some((e) => e === 'States.TaskFailed' || e === 'States.ALL'),
      );
      if (wildcard >= 0) expect(busy, name).toBeLessThan(wildcard);
    }
    expect(states['Post to biller']!.Retry).toContainEqual(
      expect.objectContaining({ ErrorEquals: ['DepartmentSystemError'], MaxAttempts: 5 }),
    );
    expect(states['Biller accepted?']).toMatchObject({
      Choices: [{ Variable: '$.posting.status', StringEquals: 'posted', Next: 'Officer to approve?' }],
      Default: 'Record refund',
    });
    expect(states['Officer to approve?']).toMatchObject({
      Choices: [{ Variable: '$.plan.officerApproval', BooleanEquals: true, Next: 'Await officer decision' }],
      Default: 'Issue document',
    });
    expect(states['Await officer decision']!.Next).toBe('Approved?');
    expect(states.Escalate!.Next).toBe('Approved?');
    expect(states['Approved?']).toMatchObject({
      Choices: [{ Variable: '$.decision.decision', StringEquals: 'approved', Next: 'Issue document' }],
      Default: 'Notify rejection',
    });
    expect(states['Issue document']!.Next).toBe('Notify citizen');
    expect(states['Notify citizen']!.End).toBe(true);
    expect(states[states['Notify rejection']!.Next!]!.Type).toBe('Succeed');
    expect(states[states['Close unpaid']!.Next!]!.Type).toBe('Succeed');
  });

  it('waits on task tokens: 48 hours for the payment, the SLA for the officer, then 30 days escalated', () => {
    const { States: states } = definition;
    const callback = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
    expect(states['Await payment']).toMatchObject({
      Resource: callback,
      TimeoutSeconds: 48 * 3600,
      ResultPath: '$.payment',
      Parameters: {
        FunctionName: workflowStepsArn,
        Payload: { step: 'request-payment', 'application.$': '$', 'taskToken.$': '$$.Task.Token' },
      },
    });
    expect(states['Await payment']!.Catch![0]).toEqual({
      ErrorEquals: ['States.Timeout'],
      ResultPath: '$.paymentTimeout',
      Next: 'Close unpaid',
    });
    expect(states['Await officer decision']).toMatchObject({
      Resource: callback,
      TimeoutSecondsPath: '$.plan.approvalTimeoutSeconds',
      ResultPath: '$.decision',
      Parameters: { Payload: { step: 'request-approval', escalated: false, 'taskToken.$': '$$.Task.Token' } },
    });
    expect(states['Await officer decision']!.Catch![0]).toEqual({
      ErrorEquals: ['States.Timeout'],
      ResultPath: '$.slaBreach',
      Next: 'Escalate',
    });
    expect(states.Escalate).toMatchObject({
      Resource: callback,
      TimeoutSeconds: 30 * 24 * 3600,
      ResultPath: '$.decision',
      Parameters: { Payload: { step: 'request-approval', escalated: true } },
    });
    expect(states.Escalate!.Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Notify failure' },
    ]);
  });

  it('invokes the functions through lambda:invoke with the step name and the application', () => {
    const { States: states } = definition;
    for (const name of [
      'Validate and look up records',
      'Issue document',
      'Notify citizen',
      'Notify rejection',
      'Notify failure',
    ]) {
      expect(states[name]!.Resource).toBe('arn:aws:states:::lambda:invoke');
    }
    expect(states['Issue document']!.Parameters).toEqual({ FunctionName: certificateArn, 'Payload.$': '$' });
    expect(states['Issue document']!.ResultSelector).toEqual({
      'certId.$': '$.Payload.certId',
      'pdfKey.$': '$.Payload.pdfKey',
      'recordKey.$': '$.Payload.recordKey',
      'verifyUrl.$': '$.Payload.verifyUrl',
      'title.$': '$.Payload.title',
    });
    expect(states['Issue document']!.ResultPath).toBe('$.certificate');
    expect(states['Notify citizen']!.Parameters).toEqual({
      FunctionName: workflowStepsArn,
      Payload: { step: 'notify-issued', 'application.$': '$' },
    });
    expect(states['Notify failure']!.Parameters).toEqual({
      FunctionName: workflowStepsArn,
      Payload: { step: 'notify-failed', 'application.$': '$' },
    });
  });

  it('catches every error of every task into Notify failure with the error at $.error, then fails', () => {
    const { States: states } = definition;
    for (const name of ['Validate and look up records', 'Issue document', 'Notify citizen', 'Notify rejection']) {
      expect(states[name]!.Catch).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Notify failure' },
      ]);
    }
    const failed = states[states['Notify failure']!.Next!]!;
    expect(failed).toMatchObject({ Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' });
  });

  it("keeps CDK's Lambda service retry everywhere; a crashed issue is retried four times, refused input never", () => {
    for (const state of Object.values(definition.States).filter((s) => s.Type === 'Task')) {
      expect(state.Retry?.[0]?.ErrorEquals).toContain('Lambda.ServiceException');
    }
    const retry = definition.States['Issue document']!.Retry!;
    const refused = retry.findIndex((r) => r.ErrorEquals.includes('ValidationError'));
    const crashed = retry.findIndex((r) => r.ErrorEquals.includes('States.TaskFailed'));
    expect(retry[refused]).toMatchObject({ ErrorEquals: ['ValidationError'], MaxAttempts: 0 });
    expect(retry[crashed]).toMatchObject({ MaxAttempts: 4, IntervalSeconds: 5, BackoffRate: 2, MaxDelaySeconds: 20 });
    // The first retrier that matches decides: the wildcard must come after the refusal, or it would retry it.
    expect(refused).toBeLessThan(crashed);
  });
});
