import { MitraError } from '#core/errors.ts';
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

  /** Worth retrying later: throttling and Meta's own failures. Everything else will fail the same way again. */
  get retryable(): boolean {
    return this.httpStatus >= 500 || this.code === 130429 || this.code === 131056 || this.code === 1 || this.code === 2;
  }
}

const TIMEOUT_MS = 10_000;

export class GraphApi {
  constructor(private readonly config: WhatsAppConfig) {}

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

  private async request(path: string, init: RequestInit): Promise<Response> {
    const response = await fetch(`${this.config.graphApiBase}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${this.config.accessToken}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
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
