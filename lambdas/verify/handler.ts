import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamodb, s3 } from '#adapters/aws-clients.ts';
import { CertificateStore } from '#adapters/certificate-store.ts';
import { requireEnv } from '#adapters/env.ts';
import { errorResponse, type HttpResult, header, json } from '#adapters/http.ts';
import { logger } from '#adapters/powertools.ts';
import { isCertId } from '#core/certificate/model.ts';
import { CLAIMS_PARAMETER, decodeClaimsParameter } from '#core/certificate/qr-payload.ts';
import { assessCertificate, verificationView } from '#core/certificate/verification.ts';
import { renderVerificationPage, VERIFICATION_PAGE_HEADERS } from '#core/certificate/verification-page.ts';

const store = new CertificateStore(
  { dynamodb, s3 },
  { tableName: requireEnv('TABLE_NAME'), bucket: requireEnv('ARCHIVE_BUCKET') },
);

/** Looked up in place of a malformed id, so a bad id costs the same work as an unknown one. */
const PLACEHOLDER_CERT_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const NO_STORE = { 'cache-control': 'no-store' };

/** GET /v/{certId}, GET /keys and, until the transparency log lands, a 404 for /log/*. */
async function route(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const method = event.requestContext?.http?.method ?? 'GET';
  const path = event.rawPath ?? '/';
  if (method === 'GET') {
    const certificate = /^\/v\/([^/]*)$/.exec(path);
    if (certificate) return verify(certificate[1]!, event);
    if (path === '/keys') {
      return json(200, { keys: await store.listPublicKeys() }, { 'cache-control': 'public, max-age=300' });
    }
    if (path === '/log' || path.startsWith('/log/')) {
      return json(404, { message: 'transparency log not yet available' }, NO_STORE);
    }
  }
  return json(404, { message: 'not found' }, NO_STORE);
}

async function verify(pathId: string, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const wellFormed = isCertId(pathId);
  const summary = await store.getCertificate(wellFormed ? pathId : PLACEHOLDER_CERT_ID);
  const found = wellFormed ? summary : undefined;
  const parameter = new URLSearchParams(event.rawQueryString ?? '').get(CLAIMS_PARAMETER);
  const presented = parameter === null ? undefined : (decodeClaimsParameter(pathId, parameter) ?? 'malformed');
  const publicKey = found && presented && presented !== 'malformed' ? await store.publicKeyPem(found.keyId) : undefined;
  const status = assessCertificate(found, presented, publicKey);
  const view = verificationView(status, found, presented !== undefined);
  logger.info('certificate checked', {
    status,
    claimsChecked: presented !== undefined,
    ...(found ? { certId: found.certId } : {}),
  });

  const statusCode = status === 'unknown' ? 404 : 200;
  if (wantsJson(event)) return json(statusCode, view, { ...NO_STORE, vary: 'accept' });
  return {
    statusCode,
    headers: { ...VERIFICATION_PAGE_HEADERS, ...NO_STORE, vary: 'accept' },
    body: renderVerificationPage(view),
  };
}

function wantsJson(event: APIGatewayProxyEventV2): boolean {
  return /\bapplication\/json\b/i.test(header(event, 'accept') ?? '');
}

export const handler = middy(async (event: APIGatewayProxyEventV2): Promise<HttpResult> => {
  try {
    return await route(event);
  } catch (error) {
    return errorResponse(error);
  }
}).use(injectLambdaContext(logger, { resetKeys: true }));
