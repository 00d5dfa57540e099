import { requireEnv } from '#adapters/env.ts';
import { kms } from '#adapters/kms-client.ts';
import { logger } from '#adapters/powertools.ts';
import { createKmsSigner } from '#adapters/signer.ts';
import { trustAnchorOf } from '#core/transparency-log/trust-anchor-output.ts';

const certificateKey = createKmsSigner(kms, requireEnv('SIGNING_KEY_ID'));
const checkpointKey = createKmsSigner(kms, requireEnv('CHECKPOINT_SIGNING_KEY_ID'));

/** The part of a CloudFormation custom resource request this function reads. */
interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  PhysicalResourceId?: string;
}

/**
 * A custom resource at deploy time: reads the public halves of the signing keys from KMS and answers the trust
 * anchor, which the stack outputs as `TrustAnchor` for auditors to keep outside the archive. It writes nothing.
 */
export async function handler(event: CustomResourceEvent): Promise<void> {
  const physicalId = event.PhysicalResourceId ?? `${event.LogicalResourceId}-trust-anchor`;
  let answer: Record<string, unknown>;
  try {
    const data =
      event.RequestType === 'Delete'
        ? {}
        : await trustAnchorOf({
            certificate: await certificateKey.currentKey(),
            checkpoint: await checkpointKey.currentKey(),
          });
    answer = { Status: 'SUCCESS', Data: data };
  } catch (error) {
    logger.error('the trust anchor could not be read', { error: error as Error });
    answer = { Status: 'FAILED', Reason: 'the signing keys could not be read; see the function log' };
  }
  const body = JSON.stringify({
    ...answer,
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  });
  // CloudFormation's presigned URL takes a PUT with no content type.
  const response = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' } });
  if (!response.ok) throw new Error(`CloudFormation answered ${response.status} to the trust anchor`);
}
