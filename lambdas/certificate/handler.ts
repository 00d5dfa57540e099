import { randomBytes } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { retryableWhenBusy } from '#adapters/aws-errors.ts';
import { CertificateStore } from '#adapters/certificate-store.ts';
import { now } from '#adapters/clock.ts';
import { dynamodb } from '#adapters/dynamodb-client.ts';
import { requireEnv } from '#adapters/env.ts';
import { kms } from '#adapters/kms-client.ts';
import { logger } from '#adapters/powertools.ts';
import { s3 } from '#adapters/s3-client.ts';
import { createKmsSigner } from '#adapters/signer.ts';
import { TransparencyLog } from '#adapters/transparency-log.ts';
import { type IssueResult, issueCertificate } from '#core/certificate/issue.ts';
import { CERT_ID_BYTES, certIdFromBytes } from '#core/certificate/model.ts';
import { normalizePublicBaseUrl } from '#core/certificate/qr-payload.ts';
import { CertificateRequestSchema } from '#core/certificate/request.ts';
import { maskHolderName } from '#core/certificate/verification.ts';
import { ValidationError } from '#core/errors.ts';
import { loadCertificateFonts } from '#core/pdf/font-files.ts';
import { renderCertificatePdf } from '#core/pdf/render-certificate.ts';

const config = { tableName: requireEnv('TABLE_NAME'), bucket: requireEnv('ARCHIVE_BUCKET') };
const store = new CertificateStore({ dynamodb, s3 }, config);
const signer = createKmsSigner(kms, requireEnv('SIGNING_KEY_ID'));
const log = new TransparencyLog(
  { dynamodb, s3 },
  {
    ...config,
    now,
    signer: createKmsSigner(kms, requireEnv('CHECKPOINT_SIGNING_KEY_ID')),
    publishKey: (key, validFrom) => store.archivePublicKey(key, validFrom, 'checkpoint-signing'),
  },
);
const publicBaseUrl = normalizePublicBaseUrl(requireEnv('PUBLIC_BASE_URL'));
// Read at cold start, so a bundle without its fonts fails before the first certificate.
const fonts = loadCertificateFonts();

/** What the workflow's state receives: the issue result, without whether this attempt or an earlier one issued it. */
type CertificateOutput = Omit<IssueResult, 'outcome'>;

/** The workflow's issue step: one certificate per application, however often Step Functions runs this. */
async function issue(event: unknown): Promise<CertificateOutput> {
  const parsed = CertificateRequestSchema.safeParse(event);
  if (!parsed.success) throw new ValidationError(`certificate input: ${z.prettifyError(parsed.error)}`);
  const request = parsed.data;
  const started = performance.now();
  const result = await issueCertificate(request, {
    store,
    signer,
    log: {
      logKey: (key) => log.logKey(key, 'certificate-signing'),
      append: async (entry) => {
        const { index, leafHash, checkpoint, proof } = await log.append(entry);
        return { index, leafHash, checkpoint, proof };
      },
    },
    publicBaseUrl,
    newCertId: () => certIdFromBytes(randomBytes(CERT_ID_BYTES)),
    now,
    render: async (input) => {
      const { bytes, notes } = await renderCertificatePdf(input, fonts);
      if (notes.length > 0)
        logger.warn('certificate printed with omissions', { certId: input.signed.record.certId, notes });
      return bytes;
    },
  });
  logger.info('certificate issued', {
    certId: result.certId,
    applicationId: request.applicationId,
    serviceId: request.serviceId,
    holder: maskHolderName(request.applicant.name),
    outcome: result.outcome,
    logIndex: result.logIndex,
    ms: Math.round(performance.now() - started),
  });
  // The outcome stays in the log: a retried step answers exactly as the first attempt did.
  const { outcome: _outcome, ...output } = result;
  return output;
}

// A busy S3, DynamoDB or KMS fails the attempt with ServiceBusyError, which the workflow retries.
export const handler = middy((event: unknown) => retryableWhenBusy(() => issue(event))).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
