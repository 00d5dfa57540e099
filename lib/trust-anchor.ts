import { CfnOutput, CustomResource, Duration } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { MitraFunction } from './mitra-function.ts';
import type { OperationsKey } from './operations-key.ts';
import type { StageConfig } from './stage-config.ts';

export interface TrustAnchorProps {
  readonly config: StageConfig;
  readonly operationsKey: OperationsKey;
  readonly certificateKey: IKey;
  readonly checkpointKey: IKey;
}

/**
 * The auditor's trust anchor, outside the archive: at deploy time a function reads the public halves of the
 * certificate and checkpoint signing keys from KMS, and the stack outputs them (`TrustAnchor`, the JSON that
 * `npm run audit -- --trusted-keys` takes). Anyone who can write to the bucket but not to this stack cannot change
 * it; a rotated key is trusted through its endorsement in the log, so the anchor never needs to change.
 */
export class TrustAnchor extends Construct {
  readonly function: MitraFunction;

  constructor(scope: Construct, id: string, props: TrustAnchorProps) {
    super(scope, id);
    this.function = new MitraFunction(this, 'Reader', {
      config: props.config,
      operationsKey: props.operationsKey,
      name: 'trust-anchor',
      description: 'Deploy time: reads the signing keys’ public halves for the TrustAnchor stack output',
      memorySize: 256,
      timeout: Duration.seconds(30),
    })
      .useSigningKey(props.certificateKey, 'verify')
      .useSigningKey(props.checkpointKey, 'verify', 'CHECKPOINT_SIGNING_KEY_ID');
    // Read again whenever either key changes.
    const anchor = new CustomResource(this, 'Anchor', {
      serviceToken: this.function.function.functionArn,
      resourceType: 'Custom::MitraTrustAnchor',
      properties: { CertificateKey: props.certificateKey.keyArn, CheckpointKey: props.checkpointKey.keyArn },
    });
    const output = (name: string, description: string) =>
      new CfnOutput(scope, name, { value: anchor.getAttString(name), description });
    output('TrustAnchor', 'The trust anchor for auditors: save it as a file for npm run audit -- --trusted-keys');
    output('CertificateKeyId', 'Key id of the certificate signing key the trust anchor names');
    output('CheckpointKeyId', 'Key id of the checkpoint signing key the trust anchor names');
  }
}
