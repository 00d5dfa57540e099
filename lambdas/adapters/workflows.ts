import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ApplicationDraft } from '#core/conversation/converse.ts';
import { sfn } from './sfn-client.ts';

/**
 * Starts the workflow of one application. The execution name is the application id and the input is a function of
 * the application alone, so a second start (a redelivered webhook finishing its effects) is a no-op in Step
 * Functions Standard.
 */
export async function startApplicationWorkflow(
  stateMachineArn: string,
  application: ApplicationDraft,
  /** The name its document is issued to (lambdas/core/fulfilment/registry.ts holderNameOf). */
  holderName: string,
): Promise<string> {
  const input = {
    applicationId: application.applicationId,
    serviceId: application.serviceId,
    waId: application.waId,
    language: application.language,
    applicant: { name: holderName },
    values: application.values,
    submittedAt: application.submittedAt,
    ...(application.citizenToken ? { citizenToken: application.citizenToken } : {}),
  };
  try {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: application.applicationId, input: JSON.stringify(input) }),
    );
    return executionArn!;
  } catch (error) {
    // Same name with a different input: an earlier start already exists under this application id.
    if (error instanceof ExecutionAlreadyExists)
      return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${application.applicationId}`;
    throw error;
  }
}
