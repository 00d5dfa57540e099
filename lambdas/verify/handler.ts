import { gzipSync } from 'node:zlib';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ArchiveObjects } from '#adapters/archive-objects.ts';
import { readBundledFile } from '#adapters/bundled-file.ts';
import { CertificateStore } from '#adapters/certificate-store.ts';
import { now } from '#adapters/clock.ts';
import { dynamodb } from '#adapters/dynamodb-client.ts';
import { requireEnv } from '#adapters/env.ts';
import { errorResponse, type HttpResult, header, json, rawBody } from '#adapters/http.ts';
import { logger } from '#adapters/powertools.ts';
import { s3 } from '#adapters/s3-client.ts';
import { TransparencyLog } from '#adapters/transparency-log.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { CHECK_PAGE_HEADERS, CHECK_PATHS, checkAssets } from '#core/certificate/check-page.ts';
import { issueDateOf } from '#core/certificate/issue-date.ts';
import { isCertId } from '#core/certificate/model.ts';
import {
  CLAIMS_PARAMETER,
  decodeClaimsFragment,
  decodeClaimsParameter,
  type PresentedClaims,
} from '#core/certificate/qr-payload.ts';
import { assessCertificate, type VerificationView, verificationView } from '#core/certificate/verification.ts';
import {
  type PageCheck,
  renderVerificationPage,
  VERIFICATION_PAGE_HEADERS,
} from '#core/certificate/verification-page.ts';
import { cosignatureObjectKey, type WitnessVerdict, witnessVerdict } from '#core/transparency-log/witness.ts';

const config = { tableName: requireEnv('TABLE_NAME'), bucket: requireEnv('ARCHIVE_BUCKET') };
const store = new CertificateStore({ dynamodb, s3 }, config);
// A reader: it serves checkpoints and proofs, and has no key to sign with.
const log = new TransparencyLog({ dynamodb, s3 }, { ...config, now });
const archive = new ArchiveObjects(s3, config.bucket);
/** The witness's public key (DER SPKI, base64), when the deployment has a witness: its co-signatures are checked. */
const witnessKey = process.env.WITNESS_PUBLIC_KEY ? Buffer.from(process.env.WITNESS_PUBLIC_KEY, 'base64') : undefined;

/** Looked up in place of a malformed id, so a bad id costs the same work as an unknown one. */
const PLACEHOLDER_CERT_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const NO_STORE = { 'cache-control': 'no-store' };

/** The /check page's QR decoder for browsers without BarcodeDetector: jsQR's browser build, copied beside the bundle. */
const decoder = readBundledFile(new URL('../../node_modules/jsqr/dist/jsQR.js', import.meta.url));
const check = checkAssets(catalog(), decoder.toString('utf8'));
const gzippedDecoder = gzipSync(decoder).toString('base64');

/**
 * GET /v/{certId}, POST /v/{certId} (a QR code's claims, answered as JSON), GET /keys, the transparency log:
 * /log/checkpoint, /log/proof/{certId}, /log/consistency, and the staff's offline check page, /check with its scripts.
 */
async function route(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const method = event.requestContext?.http?.method ?? 'GET';
  const path = event.rawPath ?? '/';
  const certificate = /^\/v\/([^/]*)$/.exec(path);
  if (method === 'POST' && certificate) return verifyPosted(certificate[1]!, event);
  if (method === 'GET') {
    if (certificate) return verify(certificate[1]!, event);
    if (path === '/keys') {
      return json(200, { keys: await store.listPublicKeys() }, { 'cache-control': 'public, max-age=300' });
    }
    if (path === '/log/checkpoint') return latestCheckpoint();
    const asset = checkAsset(path, event);
    if (asset) return asset;
    const proof = /^\/log\/proof\/([^/]*)$/.exec(path);
    if (proof) return inclusionProof(proof[1]!);
    if (path === '/log/consistency') return consistency(new URLSearchParams(event.rawQueryString ?? ''));
  }
  return json(404, { message: 'not found' }, NO_STORE);
}

const SHORT_CACHE = { 'cache-control': 'public, max-age=10' };

const SCRIPT_HEADERS = {
  'content-type': 'text/javascript; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/** The check page and its scripts; jsQR (250 kB) gzipped for browsers that take it, as they all do. */
function checkAsset(path: string, event: APIGatewayProxyEventV2): HttpResult | undefined {
  switch (path) {
    case CHECK_PATHS.page:
      return { statusCode: 200, headers: CHECK_PAGE_HEADERS, body: check.page };
    case CHECK_PATHS.script:
      return { statusCode: 200, headers: SCRIPT_HEADERS, body: check.script };
    case CHECK_PATHS.worker:
      // Its scope is the page, one level above the script.
      return {
        statusCode: 200,
        headers: { ...SCRIPT_HEADERS, 'service-worker-allowed': CHECK_PATHS.page },
        body: check.worker,
      };
    case CHECK_PATHS.decoder: {
      const headers = { ...SCRIPT_HEADERS, 'cache-control': 'public, max-age=86400', vary: 'accept-encoding' };
      return /\bgzip\b/.test(header(event, 'accept-encoding') ?? '')
        ? {
            statusCode: 200,
            headers: { ...headers, 'content-encoding': 'gzip' },
            body: gzippedDecoder,
            isBase64Encoded: true,
          }
        : { statusCode: 200, headers, body: decoder.toString('utf8') };
    }
    default:
      return undefined;
  }
}

async function latestCheckpoint(): Promise<HttpResult> {
  const checkpoint = await log.latestCheckpoint();
  if (!checkpoint) return json(404, { message: 'the log is empty' }, NO_STORE);
  return json(200, checkpoint, SHORT_CACHE);
}

/** Unknown and malformed ids get the same answer, so the route tells nothing about which ids exist. */
async function inclusionProof(certId: string): Promise<HttpResult> {
  const checkpoint = await log.latestCheckpoint();
  const notFound = json(404, { message: 'no such certificate in the log' }, NO_STORE);
  if (!checkpoint || !isCertId(certId)) return notFound;
  const [certificate, revocation] = await Promise.all([
    log.inclusion(`certificate:${certId}`, checkpoint),
    log.inclusion(`revocation:${certId}`, checkpoint),
  ]);
  if (!certificate) return notFound;
  return json(200, { certId, checkpoint, certificate, ...(revocation ? { revocation } : {}) }, SHORT_CACHE);
}

async function consistency(query: URLSearchParams): Promise<HttpResult> {
  const checkpoint = await log.latestCheckpoint();
  const size = (name: string) => {
    const text = query.get(name) ?? '';
    return /^\d{1,12}$/.test(text) ? Number(text) : Number.NaN;
  };
  const from = size('from');
  const to = size('to');
  const latest = checkpoint?.treeSize ?? 0;
  if (!(from >= 1 && from <= to && to <= latest)) {
    return json(400, { message: `from and to are tree sizes with 1 ≤ from ≤ to ≤ ${latest}` }, NO_STORE);
  }
  return json(200, { from, to, proof: await log.consistency(from, to) }, { 'cache-control': 'public, max-age=3600' });
}

/**
 * The verdict by id; a first certificate's QR code still brings its JSON claims in the query (`c`), which are checked
 * here. Claims in the fragment never reach the server: the page's script checks them, with the key the page carries.
 */
async function verify(pathId: string, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const parameter = new URLSearchParams(event.rawQueryString ?? '').get(CLAIMS_PARAMETER);
  const presented = parameter === null ? undefined : (decodeClaimsParameter(pathId, parameter) ?? 'malformed');
  const { status, found, view } = await assess(pathId, presented);
  if (wantsJson(event)) return json(status === 'unknown' ? 404 : 200, view, { ...NO_STORE, vary: 'accept' });
  const pem = found && status !== 'invalid-signature' ? await store.publicKeyPem(found.keyId) : undefined;
  const check: PageCheck | undefined =
    found && pem
      ? {
          keyId: found.keyId,
          publicKey: spkiOf(pem),
          documentType: found.documentType,
          issueDate: issueDateOf(found.issuedAt),
        }
      : undefined;
  return {
    statusCode: status === 'unknown' ? 404 : 200,
    headers: { ...VERIFICATION_PAGE_HEADERS, ...NO_STORE, vary: 'accept' },
    body: renderVerificationPage(view, check),
  };
}

/**
 * POST /v/{certId} with `{ "claims": "<the QR URL's fragment>" }`: the same verdict as the page, as JSON, for a
 * machine that read the QR code. Claims that do not decode are `invalid-signature`, like claims that do not verify.
 */
async function verifyPosted(pathId: string, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const body = rawBody(event);
  if (body.length > 2048) return json(413, { message: 'the body is at most 2048 bytes' }, NO_STORE);
  let claims: unknown;
  try {
    claims = (JSON.parse(body.toString('utf8')) as { claims?: unknown })?.claims;
  } catch {
    claims = undefined;
  }
  if (typeof claims !== 'string') {
    return json(400, { message: 'send {"claims": "<the text after # in the QR code>"}' }, NO_STORE);
  }
  const { status, view } = await assess(pathId, decodeClaimsFragment(pathId, claims) ?? 'malformed');
  return json(status === 'unknown' ? 404 : 200, view, NO_STORE);
}

async function assess(pathId: string, presented: PresentedClaims | 'malformed' | undefined) {
  const wellFormed = isCertId(pathId);
  const summary = await store.getCertificate(wellFormed ? pathId : PLACEHOLDER_CERT_ID);
  const found = wellFormed ? summary : undefined;
  const publicKey = found && presented && presented !== 'malformed' ? await store.publicKeyPem(found.keyId) : undefined;
  const status = assessCertificate(found, presented, publicKey);
  const logged = found && status !== 'invalid-signature' ? await log.indexOf(`certificate:${found.certId}`) : undefined;
  const view: VerificationView = verificationView(status, found, presented !== undefined, logged !== undefined);
  if (found && logged && witnessKey) {
    const witness = await witnessOf(logged, witnessKey);
    if (witness.status === 'failed') {
      logger.error('the witness does not vouch for a logged certificate', { certId: found.certId, ...witness });
    }
    // What went wrong is for the operators' log, not the public.
    view.witness =
      witness.status === 'cosigned'
        ? { status: 'cosigned', cosignedAt: witness.cosignedAt }
        : { status: witness.status };
  }
  logger.info('certificate checked', {
    status,
    claimsChecked: presented !== undefined,
    ...(found ? { certId: found.certId } : {}),
  });
  return { status, found, view };
}

/**
 * What the witness says about a logged certificate: the newest checkpoints that include its leaf are looked up (and
 * the first one, which its PDF carries); the newest with a co-signature decides.
 */
async function witnessOf(leaf: { index: number; leafHash: string }, key: Uint8Array): Promise<WitnessVerdict> {
  const checkpoints = await log.checkpointsIncluding(leaf.index);
  const cosignatures = await Promise.all(
    checkpoints.map((checkpoint) => archive.get(cosignatureObjectKey(checkpoint.treeSize))),
  );
  const at = cosignatures.findIndex((object) => object !== undefined);
  if (at < 0) return witnessVerdict(leaf, undefined, key);
  const checkpoint = checkpoints[at]!;
  let cosignature: unknown;
  try {
    cosignature = JSON.parse(cosignatures[at]!.text);
  } catch {
    cosignature = undefined;
  }
  const inclusionProof = await log.inclusionAt(leaf.index, checkpoint.treeSize);
  return witnessVerdict(leaf, { checkpoint, cosignature, inclusionProof }, key);
}

function spkiOf(pem: string): string {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64').toString('base64url');
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
