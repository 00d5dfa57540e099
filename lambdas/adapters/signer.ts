import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { derToRaw, keyIdOf, publicKeyPem } from '#core/certificate/signature.ts';
import type { CertificateSigner, SigningKey } from '#core/certificate/signed-certificate.ts';

interface KmsKey extends SigningKey {
  /** The key ARN KMS names in its answers; an alias that moves to a new key shows up as a new ARN. */
  arn: string;
}

/**
 * Certificate signing with a KMS ECC_NIST_P256 key: KMS gets the SHA-256 digest (`MessageType: DIGEST`) and answers
 * DER, kept as raw r‖s. `signingKeyId` may be a key id, an ARN or an alias; the public key is read once per cold
 * start, and again when a signature comes back from a different key (the alias was moved to a rotated key).
 */
export function createKmsSigner(kms: KMSClient, signingKeyId: string): CertificateSigner {
  let current: Promise<KmsKey> | undefined;

  const load = async (): Promise<KmsKey> => {
    const answer = await kms.send(new GetPublicKeyCommand({ KeyId: signingKeyId }));
    if (!answer.PublicKey || !answer.KeyId) throw new Error(`KMS returned no public key for ${signingKeyId}`);
    return { arn: answer.KeyId, keyId: keyIdOf(answer.PublicKey), publicKeyPem: publicKeyPem(answer.PublicKey) };
  };
  const currentKey = (): Promise<KmsKey> => {
    current ??= load().catch((error: unknown) => {
      current = undefined;
      throw error;
    });
    return current;
  };

  return {
    async currentKey() {
      const { keyId, publicKeyPem } = await currentKey();
      return { keyId, publicKeyPem };
    },
    async signDigest(digest) {
      const answer = await kms.send(
        new SignCommand({
          KeyId: signingKeyId,
          Message: digest,
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      if (!answer.Signature) throw new Error(`KMS returned no signature for ${signingKeyId}`);
      let key = await currentKey();
      if (answer.KeyId && answer.KeyId !== key.arn) {
        current = undefined;
        key = await currentKey();
      }
      return { keyId: key.keyId, signature: derToRaw(answer.Signature) };
    },
  };
}
