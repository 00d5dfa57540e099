import type { SigningKey } from '../certificate/signed-certificate.ts';
import { anchorEntryOf, type TrustAnchor } from './key-chain.ts';

/** The stack outputs of the trust anchor: the whole anchor as JSON, and each key's id for a quick look. */
export function trustAnchorOf(keys: { certificate: SigningKey; checkpoint: SigningKey }): {
  TrustAnchor: string;
  CertificateKeyId: string;
  CheckpointKeyId: string;
} {
  const anchor: TrustAnchor = {
    format: 'mitra.trust-anchor.v1',
    keys: [
      anchorEntryOf(keys.certificate, 'certificate-signing'),
      anchorEntryOf(keys.checkpoint, 'checkpoint-signing'),
    ],
  };
  return {
    TrustAnchor: JSON.stringify(anchor),
    CertificateKeyId: keys.certificate.keyId,
    CheckpointKeyId: keys.checkpoint.keyId,
  };
}
