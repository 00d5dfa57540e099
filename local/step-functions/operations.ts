import * as z from 'zod';
import { type ExecutionEngine, LOCAL_ROLE_ARN, type LoadedMachine } from './engine.ts';
import { SfnApiError } from './errors.ts';
import type { ExecutionRecord } from './execution-store.ts';
import type { Operation } from './protocol.ts';
import type { TaskTokens } from './task-tokens.ts';

// AWS's request shapes, parsed for the members we use. The protocol is AWS's, not ours: members this emulator
// does not know (traceHeader, includedData, ...) are ignored rather than rejected.
const arn = z.string().min(1);
const startExecution = z.object({ stateMachineArn: arn, name: z.string().optional(), input: z.string().optional() });
const executionArn = z.object({ executionArn: arn });
const stopExecution = z.object({ executionArn: arn, error: z.string().optional(), cause: z.string().optional() });
const listExecutions = z.object({
  stateMachineArn: arn,
  statusFilter: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']).optional(),
  maxResults: z.number().int().min(0).max(1000).optional(),
  nextToken: z.string().optional(),
});
const stateMachineArn = z.object({ stateMachineArn: arn });
const taskToken = z.object({ taskToken: z.string() });
const sendTaskSuccess = z.object({ taskToken: z.string(), output: z.string() });
const sendTaskFailure = z.object({ taskToken: z.string(), error: z.string().optional(), cause: z.string().optional() });

const DEFAULT_PAGE_SIZE = 100;

/** The Step Functions operations the embedded runtime needs, by the name `X-Amz-Target` carries. */
export function sfnOperations(engine: ExecutionEngine, tokens: TaskTokens): Record<string, Operation> {
  return {
    StartExecution: async (input) => {
      const record = await engine.start(startExecution.parse(input));
      return { executionArn: record.executionArn, startDate: epochSeconds(record.startDate) };
    },
    DescribeExecution: (input) => describeExecution(engine.describe(executionArn.parse(input).executionArn)),
    ListExecutions: (input) => {
      const request = listExecutions.parse(input);
      const all = engine.list(request.stateMachineArn, request.statusFilter);
      const offset = request.nextToken === undefined ? 0 : pageOffset(request.nextToken);
      const size = request.maxResults || DEFAULT_PAGE_SIZE;
      const page = all.slice(offset, offset + size);
      const next = offset + size < all.length ? Buffer.from(String(offset + size)).toString('base64url') : undefined;
      return { executions: page.map(executionSummary), ...(next ? { nextToken: next } : {}) };
    },
    StopExecution: async (input) => {
      const request = stopExecution.parse(input);
      const record = await engine.stop(request.executionArn, request.error, request.cause);
      return { stopDate: epochSeconds(record.stopDate!) };
    },
    SendTaskSuccess: (input) => {
      const request = sendTaskSuccess.parse(input);
      tokens.succeed(request.taskToken, request.output);
      return {};
    },
    SendTaskFailure: (input) => {
      const request = sendTaskFailure.parse(input);
      tokens.fail(request.taskToken, request.error, request.cause);
      return {};
    },
    SendTaskHeartbeat: (input) => {
      tokens.heartbeat(taskToken.parse(input).taskToken);
      return {};
    },
    DescribeStateMachine: (input) => describeStateMachine(engine.machine(stateMachineArn.parse(input).stateMachineArn)),
    ListStateMachines: () => ({
      stateMachines: engine.listMachines().map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: 'STANDARD',
        creationDate: machine.creationDate.getTime() / 1000,
      })),
    }),
  };
}

function describeExecution(record: ExecutionRecord) {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startDate),
    ...(record.stopDate ? { stopDate: epochSeconds(record.stopDate) } : {}),
    input: record.input,
    inputDetails: { included: true },
    ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
    ...(record.error !== undefined ? { error: record.error } : {}),
    ...(record.cause !== undefined ? { cause: record.cause } : {}),
  };
}

function executionSummary(record: ExecutionRecord) {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startDate),
    ...(record.stopDate ? { stopDate: epochSeconds(record.stopDate) } : {}),
  };
}

function describeStateMachine(machine: LoadedMachine) {
  return {
    stateMachineArn: machine.arn,
    name: machine.name,
    status: 'ACTIVE',
    definition: JSON.stringify(machine.definition),
    roleArn: LOCAL_ROLE_ARN,
    type: 'STANDARD',
    creationDate: machine.creationDate.getTime() / 1000,
  };
}

/** The JSON protocol carries timestamps as epoch seconds (with a fraction), which the SDK turns into Dates. */
function epochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

function pageOffset(nextToken: string): number {
  const offset = Number(Buffer.from(nextToken, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw new SfnApiError('InvalidToken', 'Invalid nextToken');
  return offset;
}
