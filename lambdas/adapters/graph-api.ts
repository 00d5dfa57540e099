import { MitraError } from '#core/errors.ts';
import { type ErrorAction, errorAction } from '#core/whatsapp/meta-errors.ts';
import type { WhatsAppConfig } from './whatsapp-config.ts';

/** An error answered by the Graph API; `code` is Meta's error code, on which all handling is keyed. */
export class GraphApiError extends MitraError {
  constructor(
    readonly httpStatus: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }

  /** What to do about it (core/whatsapp/meta-errors.ts). */
  get action(): ErrorAction {
    return errorAction(this.httpStatus, this.code);
  }
}

/** Inbound media as Meta serves it: the bytes and their type. */
export interface DownloadedMedia {
  bytes: Uint8Array;
  mimeType: string;
}

const TIMEOUT_MS = 10_000;

export class GraphApi {
  /** `timeoutMs` per request: the webhook, which must answer Meta fast, passes less than the sender. */
  constructor(
    private readonly config: WhatsAppConfig,
    private readonly timeoutMs = TIMEOUT_MS,
  ) {}

  /** POST /{phone_number_id}/messages; answers the new message's wamid (none for a read receipt). */
  async sendMessage(payload: Record<string, unknown>): Promise<string | undefined> {
    const response = await this.request(`/${this.config.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const body = (await response.json()) as { messages?: { id: string }[] };
    return body.messages?.[0]?.id;
  }

  /** POST /{phone_number_id}/media as multipart form data; answers the media id. */
  async uploadMedia(bytes: Uint8Array, mimeType: string, filename: string): Promise<string> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', mimeType);
    form.set('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), filename);
    const response = await this.request(`/${this.config.phoneNumberId}/media`, { method: 'POST', body: form });
    const body = (await response.json()) as { id?: string };
    if (!body.id) throw new GraphApiError(response.status, undefined, 'media upload answered no id');
    return body.id;
  }

  /**
   * A citizen's media: `GET /{media-id}` answers a download URL that expires in minutes, and the download itself also
   * needs the bearer token.
   */
  async downloadMedia(mediaId: string): Promise<DownloadedMedia> {
    const described = await this.request(`/${encodeURIComponent(mediaId)}`, { method: 'GET' });
    const { url, mime_type } = (await described.json()) as { url?: string; mime_type?: string };
    if (!url) throw new GraphApiError(described.status, undefined, `media ${mediaId} answered no url`);
    const download = await this.request(url, { method: 'GET' });
    const bytes = new Uint8Array(await download.arrayBuffer());
    return { bytes, mimeType: mime_type ?? download.headers.get('content-type') ?? 'application/octet-stream' };
  }

  private async request(pathOrUrl: string, init: RequestInit): Promise<Response> {
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.config.graphApiBase}${pathOrUrl}`;
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${this.config.accessToken}` },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // No answer at all (refused, reset, timed out): as good as a 5xx, worth retrying.
      throw new GraphApiError(0, undefined, `Graph API unreachable: ${(error as Error).message}`);
    }
    if (response.ok) return response;
    let code: number | undefined;
    let message = `Graph API answered ${response.status}`;
    try {
      const body = (await response.json()) as { error?: { code?: number; message?: string } };
      code = body.error?.code;
      if (body.error?.message) message = `${message}: (${code}) ${body.error.message}`;
    } catch {
      // Not Meta's error JSON (a proxy or gateway error page): the HTTP status is all there is.
    }
    throw new GraphApiError(response.status, code, message);
  }
}
