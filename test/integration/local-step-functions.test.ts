import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalStepFunctionsOptions,
  resolveDefinitionFromTemplate,
  startLocalStepFunctions,
} from '../../local/step-functions/index.ts';

const ACCOUNT_ARN = 'arn:aws:states:local:000000000000';
const HOUR = 3_600_000;

class FlakyError extends Error {
  override name = 'FlakyError';
}

/**
 * The workflows under test, written with the same CDK constructs as lib/ and synthesized, so the local runtime
 * runs the ASL that would deploy. Function ARNs resolve to `...:function:<logical id>`.
 */
function synthesizeWorkflows() {
  const app = new App();
  const stack = new Stack(app, 'LocalStepFunctionsTest');
  const fn = (id: string) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({});'),
    });
  const validateFn = fn('ValidateFn');
  const lookupFn = fn('LookupFn');
  const approvalFn = fn('ApprovalFn');
  const issueFn = fn('IssueFn');
  const noRetry = { retryOnServiceExceptions: false };
  const callback = (id: string, heartbeat: Duration | string, taskTimeout?: Duration | string) =>
    new tasks.LambdaInvoke(stack, id, {
      ...noRetry,
      lambdaFunction: approvalFn,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        token: sfn.JsonPath.taskToken,
        applicationId: sfn.JsonPath.stringAt('$.applicationId'),
        executionId: sfn.JsonPath.executionId,
      }),
      heartbeatTimeout: typeof heartbeat === 'string' ? sfn.Timeout.at(heartbeat) : sfn.Timeout.duration(heartbeat),
      ...(taskTimeout
        ? {
            taskTimeout:
              typeof taskTimeout === 'string' ? sfn.Timeout.at(taskTimeout) : sfn.Timeout.duration(taskTimeout),
          }
        : {}),
      resultPath: '$.approval',
    });

  // validate → look up records → officer approval (callback) → issue
  const validate = new tasks.LambdaInvoke(stack, 'Validate', {
    ...noRetry,
    lambdaFunction: validateFn,
    outputPath: '$.Payload',
  });
  validate.addRetry({ errors: ['FlakyError'], interval: Duration.seconds(1), maxAttempts: 2, backoffRate: 1 });
  validate.addCatch(
    new sfn.Pass(stack, 'NotifyInvalid', {
      parameters: { outcome: 'invalid', 'error.$': '$.failure.Error', 'cause.$': '$.failure.Cause' },
    }),
    { errors: ['States.ALL'], resultPath: '$.failure' },
  );
  const lookUp = new tasks.LambdaInvoke(stack, 'LookUpRecords', {
    ...noRetry,
    lambdaFunction: lookupFn,
    payload: sfn.TaskInput.fromObject({ applicationId: sfn.JsonPath.stringAt('$.applicationId') }),
    resultSelector: { 'record.$': '$.Payload', 'statusCode.$': '$.StatusCode', 'version.$': '$.ExecutedVersion' },
    resultPath: '$.lookup',
  });
  const approval = callback('AwaitOfficerApproval', Duration.hours(1));
  approval.addCatch(
    new sfn.Pass(stack, 'NotifyRejection', {
      parameters: { outcome: 'rejected', 'applicationId.$': '$.applicationId', 'reason.$': '$.rejection' },
    }),
    { errors: ['Rejected'], resultPath: '$.rejection' },
  );
  const issue = new tasks.LambdaInvoke(stack, 'Issue', {
    ...noRetry,
    lambdaFunction: issueFn,
    outputPath: '$.Payload',
  });
  const application = new sfn.StateMachine(stack, 'ApplicationWorkflow', {
    definitionBody: sfn.DefinitionBody.fromChainable(validate.next(lookUp).next(approval).next(issue)),
  });

  const quick = new sfn.StateMachine(stack, 'QuickCallback', {
    definitionBody: sfn.DefinitionBody.fromChainable(callback('AwaitQuickly', Duration.seconds(1))),
  });

  const coolingOff = new sfn.StateMachine(stack, 'CoolingOff', {
    definitionBody: sfn.DefinitionBody.fromChainable(
      new sfn.Wait(stack, 'WaitADay', { time: sfn.WaitTime.duration(Duration.days(1)) }).next(
        callback('AwaitWithinTwoHours', Duration.days(2), Duration.hours(2)),
      ),
    ),
  });

  // An officer's SLA comes with the application: TimeoutSecondsPath / HeartbeatSecondsPath.
  const dueFromInput = new sfn.StateMachine(stack, 'DueFromInput', {
    definitionBody: sfn.DefinitionBody.fromChainable(
      callback('AwaitWithinSla', '$.heartbeatSeconds', '$.slaSeconds').addCatch(
        new sfn.Pass(stack, 'Escalate', { parameters: { outcome: 'escalated', 'applicationId.$': '$.applicationId' } }),
        { errors: ['States.Timeout'], resultPath: '$.timeout' },
      ),
    ),
  });

  const perDocument = new sfn.StateMachine(stack, 'PerDocument', {
    definitionBody: sfn.DefinitionBody.fromChainable(
      new sfn.Map(stack, 'EachDocument', {
        itemsPath: '$.documents',
        itemSelector: { 'applicationId.$': '$$.Map.Item.Value' },
      }).itemProcessor(callback('AwaitDocumentCheck', Duration.days(2))),
    ),
    timeout: Duration.days(1),
  });

  const unsupported = new sfn.StateMachine(stack, 'Unsupported', {
    definitionBody: sfn.DefinitionBody.fromChainable(
      new sfn.CustomState(stack, 'PutItem', {
        stateJson: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: 'applications', Item: { pk: { 'S.$': '$.applicationId' } } },
        },
      }),
    ),
  });

  const template = Template.fromStack(stack).toJSON();
  const logicalId = (construct: lambda.Function | sfn.StateMachine) =>
    stack.getLogicalId(construct.node.defaultChild as lambda.CfnFunction | sfn.CfnStateMachine);
  const functionArn = (id: string) => `arn:aws:lambda:local:000000000000:function:${id}`;
  const resolveRef = (id: string, attribute?: string) => (attribute === 'Arn' ? functionArn(id) : id);
  const machine = (name: string, construct: sfn.StateMachine) => ({
    name,
    arn: `${ACCOUNT_ARN}:stateMachine:${name}`,
    definition: resolveDefinitionFromTemplate(template, logicalId(construct), resolveRef),
  });
  return {
    stateMachines: [
      machine('application', application),
      machine('quick', quick),
      machine('cooling-off', coolingOff),
      machine('per-document', perDocument),
      machine('due-from-input', dueFromInput),
      machine('unsupported', unsupported),
    ],
    functions: {
      validate: functionArn(logicalId(validateFn)),
      lookup: functionArn(logicalId(lookupFn)),
      approval: functionArn(logicalId(approvalFn)),
      issue: functionArn(logicalId(issueFn)),
    },
  };
}

const workflows = synthesizeWorkflows();
const arnOf = (name: string) => `${ACCOUNT_ARN}:stateMachine:${name}`;

interface Invocation {
  functionArn: string;
  payload: Record<string, unknown>;
}

/** Stand-ins for the workflow Lambdas; every call is recorded. */
function fakeLambdas() {
  const invocations: Invocation[] = [];
  const hooks: { approval?: (payload: Record<string, unknown>) => Promise<void> } = {};
  const invokeLambda = async (functionArn: string, payload: unknown) => {
    const input = payload as Record<string, unknown>;
    invocations.push({ functionArn, payload: input });
    const callsSoFar = invocations.filter(
      (call) => call.functionArn === functionArn && call.payload.applicationId === input.applicationId,
    );
    switch (functionArn) {
      case workflows.functions.validate:
        if (input.mode === 'always-flaky' || (input.mode === 'flaky-once' && callsSoFar.length === 1)) {
          throw new FlakyError('records service unavailable');
        }
        return { ...input, validated: true };
      case workflows.functions.lookup:
        return { applicantName: 'Ravi Kumar', applicationId: input.applicationId };
      case workflows.functions.approval:
        await hooks.approval?.(input);
        return 'ignored, as AWS ignores it';
      case workflows.functions.issue:
        return { certificateId: `cert-${input.applicationId}`, approval: input.approval, lookup: input.lookup };
      default:
        throw new Error(`no fake Lambda ${functionArn}`);
    }
  };
  return { invocations, hooks, invokeLambda };
}

/** One running local API with its own data folder, clock and fake Lambdas. */
async function startServer(dataDir: string) {
  let clockOffsetMs = 0;
  const lambdas = fakeLambdas();
  const options: LocalStepFunctionsOptions = {
    dataDir,
    stateMachines: workflows.stateMachines,
    invokeLambda: lambdas.invokeLambda,
    now: () => new Date(Date.now() + clockOffsetMs),
    log: () => {},
  };
  const local = await startLocalStepFunctions(options);
  const client = new SFNClient({
    endpoint: local.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const advanceClock = (ms: number) => {
    clockOffsetMs += ms;
    local.clockAdvanced();
  };

  const start = async (stateMachine: string, name: string, input: Record<string, unknown>) => {
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: arnOf(stateMachine), name, input: JSON.stringify(input) }),
    );
    return executionArn!;
  };
  /** The token of the latest callback task of an application, once every execution waits. */
  const waitingToken = async (applicationId: string) => {
    await local.idle();
    const call = lambdas.invocations.findLast(
      (invocation) =>
        invocation.functionArn === workflows.functions.approval && invocation.payload.applicationId === applicationId,
    );
    if (!call) throw new Error(`no callback task for ${applicationId}`);
    return String(call.payload.token);
  };
  const settled = async (executionArn: string): Promise<DescribeExecutionCommandOutput> => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const execution = await client.send(new DescribeExecutionCommand({ executionArn }));
      if (execution.status !== 'RUNNING') return execution;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${executionArn} is still RUNNING`);
  };
  const status = async (executionArn: string) =>
    (await client.send(new DescribeExecutionCommand({ executionArn }))).status;
  const close = async () => {
    client.destroy();
    await local.close();
  };
  return { local, client, lambdas, advanceClock, start, waitingToken, settled, status, close };
}

type Server = Awaited<ReturnType<typeof startServer>>;

describe('local Step Functions API', () => {
  let dataDir: string;
  let server: Server;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mitra-sfn-'));
    server = await startServer(dataDir);
  });

  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('resumes a callback task at SendTaskSuccess and carries its output to the end', async () => {
    const arn = await server.start('application', 'app-success', { applicationId: 'app-success' });
    const token = await server.waitingToken('app-success');
    expect(await server.status(arn)).toBe('RUNNING');

    await server.client.send(
      new SendTaskSuccessCommand({
        taskToken: token,
        output: JSON.stringify({ officer: 'o-17', decision: 'approved' }),
      }),
    );
    const execution = await server.settled(arn);

    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.startDate).toBeInstanceOf(Date);
    expect(execution.stopDate!.getTime()).toBeGreaterThanOrEqual(execution.startDate!.getTime());
    expect(JSON.parse(execution.output!)).toEqual({
      certificateId: 'cert-app-success',
      approval: { officer: 'o-17', decision: 'approved' },
      // ResultSelector read the lambda:invoke result in AWS's wrapped shape.
      lookup: {
        record: { applicantName: 'Ravi Kumar', applicationId: 'app-success' },
        statusCode: 200,
        version: '$LATEST',
      },
    });
    const approvalCall = server.lambdas.invocations.find((call) => call.functionArn === workflows.functions.approval);
    expect(approvalCall?.payload).toEqual({ token, applicationId: 'app-success', executionId: arn });
  });

  it('accepts the callback while the integration that received the token is still running', async () => {
    server.lambdas.hooks.approval = async ({ token, applicationId }) => {
      if (applicationId !== 'app-instant') return;
      await server.client.send(new SendTaskSuccessCommand({ taskToken: String(token), output: '{"officer":"auto"}' }));
    };
    const arn = await server.start('application', 'app-instant', { applicationId: 'app-instant' });

    const execution = await server.settled(arn);

    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!).approval).toEqual({ officer: 'auto' });
  });

  it('routes a SendTaskFailure to the Catch that names its error', async () => {
    const arn = await server.start('application', 'app-rejected', { applicationId: 'app-rejected' });
    const token = await server.waitingToken('app-rejected');

    await server.client.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: 'photo unreadable' }),
    );

    const execution = await server.settled(arn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!)).toEqual({
      outcome: 'rejected',
      applicationId: 'app-rejected',
      reason: { Error: 'Rejected', Cause: 'photo unreadable' },
    });
  });

  it('fails the execution with the error and cause of an uncaught SendTaskFailure', async () => {
    const arn = await server.start('application', 'app-declined', { applicationId: 'app-declined' });
    const token = await server.waitingToken('app-declined');

    await server.client.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'PaymentDeclined', cause: 'card expired' }),
    );

    const execution = await server.settled(arn);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'PaymentDeclined', cause: 'card expired' });
    await expect(
      server.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('times out a callback task whose heartbeat does not come, on the wall clock', async () => {
    const arn = await server.start('quick', 'app-silent', { applicationId: 'app-silent' });

    const execution = await server.settled(arn);

    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
  });

  it('keeps a callback task alive while heartbeats come, and times it out on the advanced clock when they stop', async () => {
    const arn = await server.start('application', 'app-heartbeat', { applicationId: 'app-heartbeat' });
    const token = await server.waitingToken('app-heartbeat');

    server.advanceClock(0.7 * HOUR);
    await server.client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    server.advanceClock(0.7 * HOUR);
    await server.client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    server.advanceClock(0.7 * HOUR);
    expect(await server.status(arn)).toBe('RUNNING');

    server.advanceClock(2 * HOUR);
    const execution = await server.settled(arn);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
  });

  it('retries a thrown Lambda error and, when retries run out, catches it by its error name', async () => {
    const [once, always] = await Promise.all([
      server.start('application', 'app-flaky-once', { applicationId: 'app-flaky-once', mode: 'flaky-once' }),
      server.start('application', 'app-always-flaky', { applicationId: 'app-always-flaky', mode: 'always-flaky' }),
    ]);

    // The first recovers on its retry and goes on to wait for the officer.
    const token = await server.waitingToken('app-flaky-once');
    expect(token).toMatch(/\S{40,}/);
    await server.client.send(new StopExecutionCommand({ executionArn: once, error: 'Withdrawn' }));

    const execution = await server.settled(always);
    const validateCalls = server.lambdas.invocations.filter(
      (call) => call.functionArn === workflows.functions.validate && call.payload.applicationId === 'app-always-flaky',
    );
    expect(validateCalls).toHaveLength(3);
    expect(execution.status).toBe('SUCCEEDED');
    const output = JSON.parse(execution.output!);
    expect(output).toMatchObject({ outcome: 'invalid', error: 'FlakyError' });
    expect(JSON.parse(output.cause)).toMatchObject({
      errorType: 'FlakyError',
      errorMessage: 'records service unavailable',
    });
    expect(JSON.parse(output.cause).trace[0]).toContain('FlakyError: records service unavailable');
  });

  it('answers a repeated StartExecution with the same execution, and refuses a reused name otherwise', async () => {
    const input = { applicationId: 'app-twice' };
    const first = await server.client.send(
      new StartExecutionCommand({
        stateMachineArn: arnOf('application'),
        name: 'app-twice',
        input: JSON.stringify(input),
      }),
    );
    const second = await server.client.send(
      new StartExecutionCommand({
        stateMachineArn: arnOf('application'),
        name: 'app-twice',
        input: JSON.stringify(input),
      }),
    );
    expect(second).toMatchObject({ executionArn: first.executionArn, startDate: first.startDate });

    const different = new StartExecutionCommand({
      stateMachineArn: arnOf('application'),
      name: 'app-twice',
      input: JSON.stringify({ applicationId: 'app-other' }),
    });
    await expect(server.client.send(different)).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    const { executions } = await server.client.send(
      new ListExecutionsCommand({ stateMachineArn: arnOf('application'), statusFilter: 'RUNNING' }),
    );
    expect(executions?.map((execution) => execution.name)).toEqual(['app-twice']);

    // As in AWS Standard: once closed, the name is taken even for the same input.
    const { stopDate } = await server.client.send(new StopExecutionCommand({ executionArn: first.executionArn }));
    expect(stopDate).toBeInstanceOf(Date);
    expect(await server.status(first.executionArn!)).toBe('ABORTED');
    const again = new StartExecutionCommand({
      stateMachineArn: arnOf('application'),
      name: 'app-twice',
      input: JSON.stringify(input),
    });
    await expect(server.client.send(again)).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('rejects task tokens it never issued as AWS does', async () => {
    await expect(
      server.client.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })),
    ).rejects.toBeInstanceOf(InvalidToken);
    const wellFormed = `mitra-local-1.${'A'.repeat(43)}`;
    await expect(server.client.send(new SendTaskHeartbeatCommand({ taskToken: wellFormed }))).rejects.toBeInstanceOf(
      TaskDoesNotExist,
    );
    await expect(
      server.client.send(new SendTaskFailureCommand({ taskToken: wellFormed, error: 'Rejected' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
  });

  it('runs Wait states and task timeouts on the advanced clock', async () => {
    const arn = await server.start('cooling-off', 'app-cooling', { applicationId: 'app-cooling' });
    await server.local.idle();
    expect(server.lambdas.invocations.some((call) => call.payload.applicationId === 'app-cooling')).toBe(false);

    server.advanceClock(24 * HOUR);
    await server.waitingToken('app-cooling');
    server.advanceClock(2 * HOUR);

    const execution = await server.settled(arn);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it("takes a callback task's timeout and heartbeat from its input, and catches the timeout", async () => {
    const arn = await server.start('due-from-input', 'app-sla', {
      applicationId: 'app-sla',
      slaSeconds: 3 * 24 * 3600,
      heartbeatSeconds: 30 * 24 * 3600,
    });
    // The integration received exactly the Parameters CDK wrote, not the local runtime's wrapping.
    await server.waitingToken('app-sla');
    const call = server.lambdas.invocations.findLast((c) => c.payload.applicationId === 'app-sla');
    expect(Object.keys(call!.payload).sort()).toEqual(['applicationId', 'executionId', 'token']);

    server.advanceClock(2 * 24 * HOUR);
    expect(await server.status(arn)).toBe('RUNNING');
    server.advanceClock(24 * HOUR + 1000);
    const execution = await server.settled(arn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!)).toEqual({ outcome: 'escalated', applicationId: 'app-sla' });
  });

  it('fails a task whose timeout path gives no positive whole number of seconds, as AWS does', async () => {
    const arn = await server.start('due-from-input', 'app-sla-bad', {
      applicationId: 'app-sla-bad',
      slaSeconds: 0,
      heartbeatSeconds: 60,
    });
    const execution = await server.settled(arn);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(execution.cause).toMatch(/TimeoutSecondsPath gave 0/);
    expect(server.lambdas.invocations.some((c) => c.payload.applicationId === 'app-sla-bad')).toBe(false);
  });

  it('gives each Map iteration its own token, and times the execution out on the advanced clock', async () => {
    const arn = await server.start('per-document', 'app-documents', { documents: ['doc-a', 'doc-b'] });
    const [tokenA, tokenB] = await Promise.all([server.waitingToken('doc-a'), server.waitingToken('doc-b')]);
    expect(tokenA).not.toBe(tokenB);
    await server.client.send(new SendTaskSuccessCommand({ taskToken: tokenA, output: '{"checked":true}' }));
    await server.local.idle();
    expect(await server.status(arn)).toBe('RUNNING');

    server.advanceClock(25 * HOUR);

    const execution = await server.settled(arn);
    expect(execution.status).toBe('TIMED_OUT');
    await expect(
      server.client.send(new SendTaskSuccessCommand({ taskToken: tokenB, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('fails a Task whose resource is not Lambda, clearly and without calling anything', async () => {
    const before = server.lambdas.invocations.length;
    const arn = await server.start('unsupported', 'app-unsupported', { applicationId: 'app-unsupported' });

    const execution = await server.settled(arn);

    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(execution.cause).toContain("resource 'arn:aws:states:::dynamodb:putItem'");
    expect(server.lambdas.invocations).toHaveLength(before);
  });

  it('describes a state machine with the definition it runs', async () => {
    const described = await server.client.send(new DescribeStateMachineCommand({ stateMachineArn: arnOf('quick') }));
    expect(described).toMatchObject({ name: 'quick', status: 'ACTIVE', type: 'STANDARD' });
    expect(JSON.parse(described.definition!).States.AwaitQuickly.Resource).toBe(
      'arn:aws:states:::lambda:invoke.waitForTaskToken',
    );
  });
});

describe('local Step Functions API across a restart', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mitra-sfn-restart-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('re-drives an execution left RUNNING from its start, with the same input', async () => {
    const before = await startServer(dataDir);
    const input = { applicationId: 'app-restart' };
    const arn = await before.start('application', 'app-restart', input);
    const oldToken = await before.waitingToken('app-restart');
    const { startDate } = await before.client.send(new DescribeExecutionCommand({ executionArn: arn }));
    await before.close();

    const onDisk = JSON.parse(await readFile(join(dataDir, 'executions', 'application', 'app-restart.json'), 'utf8'));
    expect(onDisk).toMatchObject({ executionArn: arn, status: 'RUNNING', input: JSON.stringify(input) });

    const after = await startServer(dataDir);
    try {
      const newToken = await after.waitingToken('app-restart');
      expect(newToken).not.toBe(oldToken);
      const validated = after.lambdas.invocations.find((call) => call.functionArn === workflows.functions.validate);
      expect(validated?.payload).toEqual(input);
      await expect(
        after.client.send(new SendTaskSuccessCommand({ taskToken: oldToken, output: '{}' })),
      ).rejects.toBeInstanceOf(TaskDoesNotExist);

      await after.client.send(new SendTaskSuccessCommand({ taskToken: newToken, output: '{"officer":"o-2"}' }));

      const execution = await after.settled(arn);
      expect(execution).toMatchObject({ status: 'SUCCEEDED', startDate });
      expect(JSON.parse(execution.output!)).toMatchObject({
        certificateId: 'cert-app-restart',
        approval: { officer: 'o-2' },
      });
      const record = JSON.parse(await readFile(join(dataDir, 'executions', 'application', 'app-restart.json'), 'utf8'));
      expect(record).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    } finally {
      await after.close();
    }
  });
});
