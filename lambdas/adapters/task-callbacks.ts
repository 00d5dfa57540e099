import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { sfn } from './sfn-client.ts';

/** What Step Functions answers for a token whose task is no longer waiting (settled, timed out, or never issued). */
const CLOSED_TASK = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * Resumes the workflow task waiting on `taskToken` with `output` (SendTaskSuccess). Answers false when the task no
 * longer waits: a repeated callback, a decision that came second, or a wait that already timed out.
 */
export async function resumeTask(taskToken: string, output: unknown): Promise<boolean> {
  try {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return true;
  } catch (error) {
    if (error instanceof Error && CLOSED_TASK.has(error.name)) return false;
    throw error;
  }
}
