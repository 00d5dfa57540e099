import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Claims } from '#core/certificate/claims.ts';
import type { CertificateRecord } from '#core/certificate/model.ts';
import type { CertificateRequest } from '#core/certificate/request.ts';
import { derToRaw, keyIdOf, publicKeyPem } from '#core/certificate/signature.ts';
import type { CertificateSigner } from '#core/certificate/signed-certificate.ts';
import { signDigestP256 } from '../../local/kms-server.ts';

/** test/fixtures/certificate-vectors.json: a fixed test key, claims and record with signatures that verify. */
export interface CertificateVectors {
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
  claims: Claims;
  canonicalClaims: string;
  claimsDigestHex: string;
  claimsSignature: string;
  record: CertificateRecord;
  canonicalRecord: string;
  recordDigestHex: string;
  recordSignature: string;
  baseUrl: string;
  qrPayload: string;
}

export const vectors = JSON.parse(
  readFileSync(new URL('../fixtures/certificate-vectors.json', import.meta.url), 'utf8'),
) as CertificateVectors;

/** A signer over a node:crypto key that signs digests the way KMS does (the local KMS's prehash ECDSA). */
export function keySigner(
  privateKey: KeyObject = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
): CertificateSigner & {
  privateKey: KeyObject;
  publicKey: KeyObject;
  signatures: number;
} {
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  const signer = {
    privateKey,
    publicKey,
    signatures: 0,
    currentKey: async () => ({ keyId, publicKeyPem: publicKeyPem(publicKey) }),
    signDigest: async (digest: Uint8Array) => {
      signer.signatures++;
      return { keyId, signature: derToRaw(signDigestP256(digest, privateKey)) };
    },
  };
  return signer;
}

export function sampleRequest(overrides: Partial<CertificateRequest> = {}): CertificateRequest {
  return {
    applicationId: 'AP-0123456789AB',
    serviceId: 'revenue.income-certificate',
    applicant: { name: 'Ravi Kumar Reddy' },
    values: {
      'applicant-name': 'Ravi Kumar Reddy',
      relation: 'son-of',
      'father-name': 'Venkata Reddy',
      aadhaar: 'XXXX XXXX 0124',
      'annual-income': '120000',
      village: 'Kothapeta',
      mandal: 'Tenali',
      district: 'guntur',
      purpose: 'education',
    },
    plan: { recordCheck: { verified: true } },
    ...overrides,
  };
}

export const BASE_URL = 'https://verify.mitra.example.in';
