import { randomBytes } from 'node:crypto';

/**
 * Meta's Graph API error envelope, as the Cloud API answers it (developers.facebook.com → WhatsApp → Support →
 * Error codes, "Error response syntax"): `{ error: { message: "(#<code>) <title>", type, code, error_data:
 * { messaging_product, details }, fbtrace_id } }`. The title lives only inside `message`; senders must key on
 * `code`, so the simulator always fills `code` and `details` exactly and keeps titles close to Meta's.
 */
interface MetaErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    is_transient?: boolean;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

export interface MetaErrorResponse {
  status: number;
  body: MetaErrorBody;
  headers?: Record<string, string>;
}

interface CodeInfo {
  status: number;
  title: string;
  details: string;
  /** Graph platform errors (1, 2, 4, 190…) carry no "(#code)" prefix and no error_data. */
  platform?: boolean;
  transient?: boolean;
}

// HTTP statuses follow Meta's error-code table: WhatsApp business errors (13xxxx) come back as 400 even when they
// are rate limits (partners such as 360dialog forward 130429 with Meta's 400), 190 is 401, 131000 is 500 and the
// Graph "service unavailable" code 2 is 503.
const CODES: Record<number, CodeInfo> = {
  1: { status: 500, title: 'An unknown error occurred', details: '', platform: true, transient: true },
  2: { status: 503, title: 'Service temporarily unavailable', details: '', platform: true, transient: true },
  4: { status: 400, title: 'Application request limit reached', details: '', platform: true, transient: true },
  100: { status: 400, title: 'Invalid parameter', details: 'Invalid parameter' },
  190: {
    status: 401,
    title: 'Invalid OAuth access token - Cannot parse access token',
    details: '',
    platform: true,
  },
  80007: {
    status: 400,
    title: 'There have been too many calls to this WhatsApp Business account',
    details: 'Rate limit issues for the WhatsApp Business Account.',
  },
  130429: {
    status: 400,
    title: 'Rate limit hit',
    details: 'Cloud API message throughput has been reached.',
  },
  131000: { status: 500, title: 'Something went wrong', details: 'Message failed to send due to an unknown error.' },
  131008: { status: 400, title: 'Required parameter is missing', details: 'A required parameter is missing.' },
  131009: { status: 400, title: 'Parameter value is not valid', details: 'One or more parameter values are invalid.' },
  131026: {
    status: 400,
    title: 'Message Undeliverable',
    details:
      'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; ' +
      'the recipient has not accepted the new Terms of Service; the recipient is using an old WhatsApp version.',
  },
  131047: {
    status: 400,
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131048: {
    status: 400,
    title: 'Spam rate limit hit',
    details:
      'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
  },
  131049: {
    status: 400,
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
  131053: { status: 400, title: 'Media upload error', details: 'Unable to upload the media used in the message.' },
  131056: {
    status: 400,
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Message failed to send because there were too many messages sent from this phone number to the same phone ' +
      'number in a short period of time.',
  },
  131062: {
    status: 400,
    title: 'Business-scoped User ID recipients are not supported for this message',
    details: 'This message cannot be sent to a business-scoped user id; send it to the phone number instead.',
  },
  132000: {
    status: 400,
    title: 'Number of parameters does not match the expected number of params',
    details: 'The number of variable parameter values does not match the number of variables defined in the template.',
  },
  132001: {
    status: 404,
    title: 'Template name does not exist in the translation',
    details: 'The template does not exist in the specified language or has not been approved.',
  },
  132012: {
    status: 400,
    title: 'Parameter format does not match format in the created template',
    details: 'The variable parameter values are not formatted as the template defines them.',
  },
};

/** The alias tests use for "the Graph API had an internal error": Meta answers it as code 1 with HTTP 500. */
const INTERNAL_ERROR_ALIAS = 500;

function fbtraceId(): string {
  return randomBytes(9).toString('base64').replace(/[+/=]/g, 'A');
}

export function metaError(code: number, details?: string, extra?: { subcode?: number }): MetaErrorResponse {
  const effective = code === INTERNAL_ERROR_ALIAS ? 1 : code;
  const info = CODES[effective] ?? { status: 400, title: 'Error', details: `Error ${effective}` };
  // Key order as Meta writes it: message, type, code, error_subcode, is_transient, error_data, fbtrace_id.
  const error: MetaErrorBody['error'] = {
    message: info.platform ? info.title : `(#${effective}) ${info.title}`,
    type: 'OAuthException',
    code: effective,
    ...(extra?.subcode !== undefined ? { error_subcode: extra.subcode } : {}),
    ...(info.transient ? { is_transient: true } : {}),
    ...(info.platform
      ? {}
      : { error_data: { messaging_product: 'whatsapp' as const, details: details ?? info.details } }),
    fbtrace_id: fbtraceId(),
  };
  const response: MetaErrorResponse = { status: info.status, body: { error } };
  if (effective === 190) {
    // Graph answers token failures with an OAuth challenge header as well as the JSON body.
    response.headers = { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"' };
  }
  return response;
}

/** Graph's answer for an object id it does not know (a wrong phone number id, an expired media id). */
export function unsupportedRequest(method: 'get' | 'post' | 'delete', objectId: string): MetaErrorResponse {
  const response = metaError(100, undefined, { subcode: 33 });
  response.body.error.message =
    `Unsupported ${method} request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing ` +
    'permissions, or does not support this operation. Please read the Graph API documentation at ' +
    'https://developers.facebook.com/docs/graph-api';
  delete response.body.error.error_data;
  return response;
}
