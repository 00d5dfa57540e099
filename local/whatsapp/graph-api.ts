import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphAnswer, WhatsAppEngine } from './engine.ts';
import { BodyTooLarge, parseJson, readBody, sendJson } from './http-io.ts';
import { metaError, unsupportedRequest } from './meta-errors.ts';
import { boundaryOf, type FormPart, parseMultipart } from './multipart.ts';

// Meta's upload limits per media kind (Cloud API "Supported media types").
const MB = 1024 * 1024;
const UPLOAD_TYPES: Record<string, number> = {
  'application/pdf': 100 * MB,
  'text/plain': 100 * MB,
  'application/msword': 100 * MB,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
  'application/vnd.ms-excel': 100 * MB,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
  'application/vnd.ms-powerpoint': 100 * MB,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
  'image/jpeg': 5 * MB,
  'image/png': 5 * MB,
  'image/webp': 500 * 1024,
  'audio/aac': 16 * MB,
  'audio/amr': 16 * MB,
  'audio/mpeg': 16 * MB,
  'audio/mp4': 16 * MB,
  'audio/ogg': 16 * MB,
  'video/mp4': 16 * MB,
  'video/3gpp': 16 * MB,
};
const MESSAGE_BODY_LIMIT = 4 * MB;
// The largest document plus room for the multipart envelope and the other fields.
const UPLOAD_BODY_LIMIT = 100 * MB + 64 * 1024;

// Graph accepts unversioned paths too (they get the oldest supported version), so the version is optional.
const VERSION = '(?:v\\d+(?:\\.\\d+)?/)?';
const MESSAGES = new RegExp(`^/graph/${VERSION}([^/]+)/messages$`);
const MEDIA_UPLOAD = new RegExp(`^/graph/${VERSION}([^/]+)/media$`);
const OBJECT = new RegExp(`^/graph/${VERSION}([^/]+)$`);
const MEDIA_BYTES = /^\/graph\/media-bytes\/(\d+)$/;

function answer(res: ServerResponse, result: GraphAnswer): void {
  sendJson(res, result.status, result.body, result.headers);
}

function metaAnswer(res: ServerResponse, code: number, details?: string): void {
  const error = metaError(code, details);
  sendJson(res, error.status, error.body, error.headers);
}

function authorised(req: IncomingMessage, accessToken: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(accessToken);
  // timingSafeEqual throws on unequal lengths, so compare lengths first.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The local Graph API under /graph. Returns false for paths it does not serve. */
export async function handleGraph(
  engine: WhatsAppEngine,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname;
  if (!path.startsWith('/graph/')) return false;
  const messages = MESSAGES.exec(path);
  const upload = MEDIA_UPLOAD.exec(path);
  const bytes = MEDIA_BYTES.exec(path);
  const object = messages || upload || bytes ? null : OBJECT.exec(path);
  if (!messages && !upload && !bytes && !object) return false;

  // Meta checks the token before anything else, including whether the object exists.
  if (!authorised(req, engine.options.accessToken)) {
    req.resume();
    metaAnswer(res, 190);
    return true;
  }

  if (bytes) {
    if (req.method !== 'GET') return methodNotAllowed(req, res, 'GET');
    const media = engine.media.get(bytes[1]!, engine.now());
    if (!media || !engine.mediaUrlValid(media.id, url.searchParams.get('ext'), url.searchParams.get('hash'))) {
      sendJson(res, 404, { error: 'media URL unknown or expired; ask GET /{media-id} for a fresh one' });
      return true;
    }
    const data = engine.media.bytes(media);
    res.writeHead(200, {
      'content-type': media.mime_type,
      'content-length': String(data.length),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(data);
    return true;
  }

  const objectId = (messages ?? upload ?? object)![1]!;
  if (messages) {
    if (req.method !== 'POST') return methodNotAllowed(req, res, 'POST');
    if (objectId !== engine.options.phoneNumberId) return unknownObject(req, res, 'post', objectId);
    await handleMessages(engine, req, res);
    return true;
  }
  if (upload) {
    if (req.method !== 'POST') return methodNotAllowed(req, res, 'POST');
    if (objectId !== engine.options.phoneNumberId) return unknownObject(req, res, 'post', objectId);
    await handleUpload(engine, req, res);
    return true;
  }
  return handleObject(engine, req, res, objectId);
}

async function handleMessages(engine: WhatsAppEngine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let raw: Buffer;
  try {
    raw = await readBody(req, MESSAGE_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return metaAnswer(res, 100, `The request body is larger than ${MESSAGE_BODY_LIMIT} bytes.`);
    throw error;
  }
  const parsed = parseJson(raw);
  if (!parsed.ok) return metaAnswer(res, 100, `The request body is not valid JSON: ${parsed.error}`);
  answer(res, engine.acceptOutbound(parsed.value));
}

async function handleUpload(engine: WhatsAppEngine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) {
    req.resume();
    return metaAnswer(res, 100, 'Media upload needs a multipart/form-data body with messaging_product, type and file.');
  }
  let parts: FormPart[];
  try {
    parts = parseMultipart(await readBody(req, UPLOAD_BODY_LIMIT), boundary);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return metaAnswer(res, 131053, 'The file is larger than 100 MB, the largest media Meta accepts.');
    return metaAnswer(res, 100, `The multipart body could not be read: ${(error as Error).message}`);
  }
  const field = (name: string) => parts.find((part) => part.name === name);
  if (field('messaging_product')?.data.toString('utf8') !== 'whatsapp') {
    return metaAnswer(res, 100, "The parameter messaging_product is required and must be 'whatsapp'.");
  }
  const file = field('file');
  if (!file || file.filename === undefined) return metaAnswer(res, 100, 'The parameter file is required.');
  const mimeType = (field('type')?.data.toString('utf8') ?? file.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const limit = UPLOAD_TYPES[mimeType];
  if (limit === undefined) {
    return metaAnswer(
      res,
      131053,
      `Param file must be a file with one of the supported types; '${mimeType || 'none'}' is not.`,
    );
  }
  if (file.data.length === 0) return metaAnswer(res, 131053, 'The uploaded file is empty.');
  if (file.data.length > limit) {
    return metaAnswer(
      res,
      131053,
      `A ${mimeType} file may be at most ${limit} bytes; this one is ${file.data.length}.`,
    );
  }
  const media = engine.media.put({
    bytes: Buffer.from(file.data),
    mimeType,
    ...(file.filename ? { filename: file.filename } : {}),
    origin: 'upload',
    now: engine.now(),
  });
  sendJson(res, 200, { id: media.id });
}

function handleObject(engine: WhatsAppEngine, req: IncomingMessage, res: ServerResponse, id: string): boolean {
  req.resume();
  if (id === engine.options.phoneNumberId && req.method === 'GET') {
    sendJson(res, 200, {
      verified_name: 'Mitra (local)',
      display_phone_number: engine.business.displayPhoneNumber,
      id,
      quality_rating: 'GREEN',
    });
    return true;
  }
  const media = engine.media.get(id, engine.now());
  if (req.method === 'GET') {
    if (!media) return unknownObject(req, res, 'get', id);
    sendJson(res, 200, {
      messaging_product: 'whatsapp',
      url: engine.mediaUrl(media.id),
      mime_type: media.mime_type,
      sha256: media.sha256,
      file_size: media.file_size,
      id: media.id,
    });
    return true;
  }
  if (req.method === 'DELETE') {
    if (!media) return unknownObject(req, res, 'delete', id);
    engine.media.delete(id);
    sendJson(res, 200, { success: true });
    return true;
  }
  return methodNotAllowed(req, res, 'GET, DELETE');
}

function unknownObject(req: IncomingMessage, res: ServerResponse, method: 'get' | 'post' | 'delete', id: string): true {
  req.resume();
  const error = unsupportedRequest(method, id);
  sendJson(res, error.status, error.body);
  return true;
}

function methodNotAllowed(req: IncomingMessage, res: ServerResponse, allow: string): true {
  req.resume();
  sendJson(res, 405, { error: `method not allowed; use ${allow}` }, { allow });
  return true;
}
