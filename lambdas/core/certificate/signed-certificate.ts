import * as z from 'zod';
import { ConflictError, MitraError } from '../errors.ts';
import { type Claims, ClaimsSchema, claimsDigest, claimsOf, expectedClaimsOf } from './claims.ts';
import { canonicalJson, fromBase64Url, sha256, toBase64Url } from './encoding.ts';
import { type CertificateRecord, CertificateRecordSchema, KeyIdSchema, RawSignatureSchema } from './model.ts';
import { verifyClaims } from './qr-payload.ts';
import { CANONICALIZATION, keyIdOf, type PublicKeyInput, SIGNATURE_ALGORITHM, verifyCanonical } from './signature.ts';

/**
 * The signed certificate record, as archived next to the PDF (`{certId}.json`) and attached inside it. `signature`
 * covers the canonical record; `qr.signature` covers the claims the QR code carries. Both are base64url r‖s made by
 * the key `keyId`. Closed, like every format of ours.
 */
export const SignedCertificateSchema = z.strictObject({
  record: CertificateRecordSchema,
  signature: RawSignatureSchema,
  keyId: KeyIdSchema,
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  canonicalization: z.literal(CANONICALIZATION),
  qr: z.strictObject({ claims: ClaimsSchema, signature: RawSignatureSchema }),
  /**
   * The certificate's leaf in the transparency log, in the archived copy only (the PDF is rendered before the leaf
   * exists). Not signed: it points into the log, where the leaf itself names this certificate and its hashes.
   */
  log: z
    .strictObject({ index: z.number().int().nonnegative(), leafHash: z.string().regex(/^[0-9a-f]{64}$/) })
    .optional(),
});
export type SignedCertificate = z.infer<typeof SignedCertificateSchema>;

export interface SigningKey {
  /** The short key id (`keyIdOf`), as claims and records carry it. */
  keyId: string;
  publicKeyPem: string;
}

/** The signing port: KMS in AWS, the local KMS API in the embedded runtime, a node:crypto key in unit tests. */
export interface CertificateSigner {
  currentKey(): Promise<SigningKey>;
  /** ECDSA P-256 over a SHA-256 digest (not hashed again); raw r‖s and the id of the key that signed. */
  signDigest(digest: Uint8Array): Promise<{ keyId: string; signature: Uint8Array }>;
}

function recordDigest(record: CertificateRecord): Uint8Array {
  return sha256(canonicalJson(record));
}

/**
 * Signs the record and its QR claims. The claims name the key, so the key is read first; when the signing key
 * rotates between that read and the signatures, the claims would name the wrong key, so it starts over once.
 */
export async function signCertificate(
  record: CertificateRecord,
  signer: CertificateSigner,
): Promise<SignedCertificate> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const { keyId, publicKeyPem } = await signer.currentKey();
    const claims = claimsOf(record, keyId);
    const [recordSignature, claimsSignature] = await Promise.all([
      signer.signDigest(recordDigest(record)),
      signer.signDigest(claimsDigest(claims)),
    ]);
    if (recordSignature.keyId !== keyId || claimsSignature.keyId !== keyId) continue;
    const signed = assembleSignedCertificate(record, keyId, recordSignature.signature, claimsSignature.signature);
    // The archive keeps whatever is signed here forever: check it against the published key before it gets there.
    if (!verifySignedCertificate(signed, publicKeyPem)) {
      throw new MitraError(`key ${keyId} returned a signature its public key does not verify`);
    }
    return signed;
  }
  throw new ConflictError('the signing key changed twice while signing one certificate');
}

/** The signed certificate from its parts; `claims` defaults to the claims issued now (a retry passes its own). */
export function assembleSignedCertificate(
  record: CertificateRecord,
  keyId: string,
  recordSignature: Uint8Array,
  claimsSignature: Uint8Array,
  claims: Claims = claimsOf(record, keyId),
): SignedCertificate {
  return {
    record,
    signature: toBase64Url(recordSignature),
    keyId,
    algorithm: SIGNATURE_ALGORITHM,
    canonicalization: CANONICALIZATION,
    qr: { claims, signature: toBase64Url(claimsSignature) },
  };
}

export function qrSignatureOf(signed: SignedCertificate): Uint8Array {
  return fromBase64Url(signed.qr.signature)!;
}

/**
 * Checks a signed record completely: its shape, that `publicKey` is the key it names, both signatures, and that the
 * claims are the ones the record implies. What an auditor runs over the archive or a PDF's attachment.
 */
export function verifySignedCertificate(document: unknown, publicKey: PublicKeyInput): boolean {
  const parsed = SignedCertificateSchema.safeParse(document);
  if (!parsed.success) return false;
  const signed = parsed.data;
  let keyId: string;
  try {
    keyId = keyIdOf(publicKey);
  } catch {
    return false;
  }
  // Either form of claims: the ones issued now (compact) or the first certificates' (JSON), as the record has them.
  const expectedClaims = expectedClaimsOf(signed.record, signed.keyId, signed.qr.claims);
  return (
    keyId === signed.keyId &&
    canonicalJson(expectedClaims) === canonicalJson(signed.qr.claims) &&
    verifyCanonical(signed.record, fromBase64Url(signed.signature)!, publicKey) &&
    verifyClaims(signed.qr.claims, fromBase64Url(signed.qr.signature)!, publicKey)
  );
}
