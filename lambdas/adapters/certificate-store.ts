import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { certificateObjectKeys, publicKeyObjectKey } from '#core/certificate/archive-layout.ts';
import { canonicalJson, sha256Hex } from '#core/certificate/encoding.ts';
import type { CertificateStorePort, IssuedCertificate, LogPosition } from '#core/certificate/issue.ts';
import { CertIdSchema, KeyIdSchema } from '#core/certificate/model.ts';
import { SIGNATURE_ALGORITHM } from '#core/certificate/signature.ts';
import type { SignedCertificate, SigningKey } from '#core/certificate/signed-certificate.ts';
import { keys } from '#core/table-keys.ts';
import { ArchiveObjects } from './archive-objects.ts';

export interface PublishedKey {
  keyId: string;
  use: 'certificate-signing' | 'checkpoint-signing';
  algorithm: string;
  publicKeyPem: string;
  validFrom: string;
}

/** The certificate item as stored; revocation (and later the log) add keys of their own, which are kept. */
const IssuedItemSchema = z.looseObject({
  kind: z.literal('certificate'),
  certId: CertIdSchema,
  applicationId: z.string(),
  serviceId: z.string(),
  documentType: z.string(),
  title: z.string(),
  holderMasked: z.string(),
  issuer: z.object({ department: z.string(), authority: z.string() }),
  issuedAt: z.string(),
  status: z.enum(['valid', 'revoked']),
  revokedAt: z.string().optional(),
  revocationReason: z.string().optional(),
  revokedBy: z.string().optional(),
  revocationNote: z.string().optional(),
  keyId: KeyIdSchema,
  recordKey: z.string(),
  pdfKey: z.string(),
  recordSha256: z.string(),
  claimsSha256: z.string(),
  pdfSha256: z.string(),
  signature: z.string(),
  claimsSignature: z.string(),
});

const KEY_CACHE_MS = 5 * 60 * 1000;

/**
 * The certificate archive: DynamoDB decides (one certificate per application, by a conditional write), S3 keeps
 * (the WORM bucket: signed record, PDF, public keys). Nothing here overwrites: DynamoDB items are written with
 * `attribute_not_exists`, objects only when a HEAD finds none (s3rver ignores If-None-Match, so the HEAD is the
 * check locally; in AWS `IfNoneMatch: '*'` closes the race as well). Object Lock is the bucket's, set in CDK.
 */
export class CertificateStore implements CertificateStorePort {
  private readonly archivedKeys = new Set<string>();
  private readonly publicKeys = new Map<string, string>();
  private published: { at: number; keys: Promise<PublishedKey[]> } | undefined;
  private readonly objects: ArchiveObjects;

  constructor(
    private readonly clients: { dynamodb: DynamoDBDocumentClient; s3: S3Client },
    private readonly config: { tableName: string; bucket: string; now?: () => number },
  ) {
    this.objects = new ArchiveObjects(clients.s3, config.bucket);
  }

  async findByApplication(applicationId: string): Promise<IssuedCertificate | undefined> {
    const claim = await this.clients.dynamodb.send(
      new GetCommand({
        TableName: this.config.tableName,
        Key: keys.certificateOfApplication(applicationId),
        ConsistentRead: true,
      }),
    );
    if (!claim.Item) return undefined;
    const certId = CertIdSchema.parse(claim.Item.certId);
    const issued = await this.getCertificate(certId, { consistent: true });
    if (!issued) throw new Error(`application ${applicationId} names certificate ${certId}, which has no item`);
    return issued;
  }

  async getCertificate(certId: string, options: { consistent?: boolean } = {}): Promise<IssuedCertificate | undefined> {
    const { Item } = await this.clients.dynamodb.send(
      new GetCommand({
        TableName: this.config.tableName,
        Key: keys.certificate(certId),
        ConsistentRead: options.consistent,
      }),
    );
    if (!Item) return undefined;
    // The officer's note is the department's: nothing that answers the public carries it.
    const { kind: _kind, pk: _pk, sk: _sk, revocationNote: _note, ...issued } = IssuedItemSchema.parse(Item);
    return issued as IssuedCertificate;
  }

  async record(issued: IssuedCertificate): Promise<'recorded' | 'taken'> {
    const condition = 'attribute_not_exists(pk)';
    try {
      await this.clients.dynamodb.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.config.tableName,
                Item: {
                  ...keys.certificateOfApplication(issued.applicationId),
                  kind: 'certificate',
                  certId: issued.certId,
                  applicationId: issued.applicationId,
                  serviceId: issued.serviceId,
                  issuedAt: issued.issuedAt,
                },
                ConditionExpression: condition,
              },
            },
            {
              Put: {
                TableName: this.config.tableName,
                Item: { ...keys.certificate(issued.certId), kind: 'certificate', ...issued },
                ConditionExpression: condition,
              },
            },
          ],
        }),
      );
      return 'recorded';
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) return 'taken';
      throw error;
    }
  }

  /**
   * Marks a valid certificate revoked, once: the first revocation's time, reason and revoker stay, and a repeated
   * call answers with them ('already-revoked').
   */
  async revoke(
    certId: string,
    /** `reason` is a public reason code (revocation.ts); `note`, the officer's own words, stays in this item. */
    revocation: { revokedAt: string; reason: string; note?: string; revokedBy: string },
  ): Promise<
    | {
        outcome: 'revoked' | 'already-revoked';
        revokedAt: string;
        reason: string;
        revokedBy: string;
        /** The application the certificate was issued for. */
        applicationId: string;
      }
    | { outcome: 'unknown' }
  > {
    try {
      const { Attributes } = await this.clients.dynamodb.send(
        new UpdateCommand({
          TableName: this.config.tableName,
          Key: keys.certificate(certId),
          UpdateExpression: `SET #status = :revoked, revokedAt = :at, revocationReason = :reason, revokedBy = :by${
            revocation.note ? ', revocationNote = :note' : ''
          }`,
          ConditionExpression: 'attribute_exists(pk) AND #status = :valid',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':revoked': 'revoked',
            ':valid': 'valid',
            ':at': revocation.revokedAt,
            ':reason': revocation.reason,
            ':by': revocation.revokedBy,
            ...(revocation.note ? { ':note': revocation.note } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const { note: _note, ...published } = revocation;
      return { outcome: 'revoked', ...published, applicationId: String(Attributes?.applicationId ?? '') };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await this.clients.dynamodb.send(
      new GetCommand({ TableName: this.config.tableName, Key: keys.certificate(certId), ConsistentRead: true }),
    );
    if (!Item) return { outcome: 'unknown' };
    return {
      outcome: 'already-revoked',
      revokedAt: String(Item.revokedAt),
      reason: String(Item.revocationReason ?? ''),
      revokedBy: String(Item.revokedBy ?? ''),
      applicationId: String(Item.applicationId ?? ''),
    };
  }

  async isArchived(issued: IssuedCertificate): Promise<boolean> {
    const [record, pdf] = await Promise.all([
      this.objects.exists(issued.recordKey),
      this.objects.exists(issued.pdfKey),
    ]);
    return record && pdf;
  }

  async archive(
    signed: SignedCertificate,
    pdf: Uint8Array,
    issued: IssuedCertificate,
    logged: LogPosition,
  ): Promise<void> {
    const json = new TextEncoder().encode(
      canonicalJson({ ...signed, log: { index: logged.index, leafHash: logged.leafHash } }),
    );
    const metadata = {
      'cert-id': issued.certId,
      'service-id': issued.serviceId,
      'issued-at': issued.issuedAt,
      'log-index': String(logged.index),
    };
    const expected = certificateObjectKeys(issued.certId, issued.issuedAt);
    if (expected.pdfKey !== issued.pdfKey || expected.recordKey !== issued.recordKey) {
      throw new Error(`certificate ${issued.certId} has keys outside the archive layout`);
    }
    // The record first: a PDF in the archive always has its signed record next to it.
    await this.objects.putIfAbsent(issued.recordKey, json, 'application/json', {
      ...metadata,
      sha256: sha256Hex(json),
    });
    // The object's own hash; the log's is of the PDF with its log-proof bytes blank (docs/archive-format.md).
    await this.objects.putIfAbsent(issued.pdfKey, pdf, 'application/pdf', { ...metadata, sha256: sha256Hex(pdf) });
  }

  async archivePublicKey(
    key: SigningKey,
    validFrom: string,
    use: PublishedKey['use'] = 'certificate-signing',
  ): Promise<void> {
    if (this.archivedKeys.has(key.keyId)) return;
    await this.objects.putIfAbsent(
      publicKeyObjectKey(key.keyId),
      new TextEncoder().encode(key.publicKeyPem),
      'application/x-pem-file',
      {
        'key-id': key.keyId,
        use,
        algorithm: SIGNATURE_ALGORITHM,
        'valid-from': validFrom,
      },
    );
    this.archivedKeys.add(key.keyId);
    this.publicKeys.set(key.keyId, key.publicKeyPem);
  }

  /** The archived public key with this id; kept for the life of the container (archived keys never change). */
  async publicKeyPem(keyId: string): Promise<string | undefined> {
    const known = this.publicKeys.get(keyId);
    if (known) return known;
    const object = await this.objects.get(publicKeyObjectKey(keyId));
    if (!object) return undefined;
    this.publicKeys.set(keyId, object.text);
    return object.text;
  }

  /** Every archived public key, for GET /keys; re-read every few minutes so a new key appears. */
  async listPublicKeys(): Promise<PublishedKey[]> {
    const now = (this.config.now ?? Date.now)();
    if (!this.published || now - this.published.at > KEY_CACHE_MS) {
      const keys = this.readPublishedKeys();
      this.published = { at: now, keys };
      keys.catch(() => {
        this.published = undefined;
      });
    }
    return this.published.keys;
  }

  private async readPublishedKeys(): Promise<PublishedKey[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.clients.s3.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: 'keys/', ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key?.endsWith('.pem')) names.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    const published = await Promise.all(
      names.map(async (name): Promise<PublishedKey | undefined> => {
        const object = await this.objects.get(name);
        if (!object) return undefined;
        const keyId = name.slice('keys/'.length, -'.pem'.length);
        return {
          keyId,
          use: object.metadata.use === 'checkpoint-signing' ? 'checkpoint-signing' : 'certificate-signing',
          algorithm: object.metadata.algorithm ?? SIGNATURE_ALGORITHM,
          publicKeyPem: object.text,
          validFrom: object.metadata['valid-from'] ?? object.lastModified,
        };
      }),
    );
    return published.filter((key) => key !== undefined).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  }
}
