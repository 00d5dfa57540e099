import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimSendInput } from './citizen-input.ts';
import { type EngineOptions, type StatusRequest, WhatsAppEngine } from './engine.ts';
import type { FaultInjector, InjectedFault } from './faults.ts';
import { handleGraph } from './graph-api.ts';
import { sendJson } from './http-io.ts';
import type { SentMessage } from './message-log.ts';
import { metaError } from './meta-errors.ts';
import { type SampleOfficer, samplePeople } from './sample-people.ts';
import { handleSim } from './sim-api.ts';
import { simulatorPage } from './simulator-page.ts';
import type { LocalTemplate } from './templates.ts';
import { userKey } from './user-ids.ts';
import type { PostWebhook } from './webhook-transport.ts';

export type { LocalTemplate } from './templates.ts';

export interface LocalWhatsAppOptions {
  /** Where /webhook, /graph and /sim live, e.g. http://127.0.0.1:3000. */
  publicBaseUrl: string;
  /** Signs webhooks as Meta does ('local-app-secret' in the embedded runtime). */
  appSecret: string;
  /** The bearer token the Graph API accepts ('local-access-token'). */
  accessToken: string;
  phoneNumberId: string;
  displayPhoneNumber?: string;
  businessAccountId?: string;
  /** Sent messages and media are kept here and survive restarts. */
  dataDir: string;
  /** The runtime's advanceable clock: message timestamps, the 24-hour window, media expiry. */
  now: () => Date;
  /** Defaults to an HTTP POST of the exact bytes to `${publicBaseUrl}/webhook`. */
  postWebhook?: PostWebhook;
  clock: { get(): Date; advance(seconds: number): void };
  /** The local department records' sample citizens, as the records hold them (read defensively). */
  citizens: () => unknown[];
  /** The officers the runtime registers; the simulator can chat as any of them. */
  officers?: () => readonly SampleOfficer[];
  lastOtp: (aadhaar: string) => string | undefined;
  faults?: FaultInjector;
  /** Approved templates: unknown names (132001) and wrong parameter counts (132000) are refused; the chat shows the text. */
  templates?: readonly LocalTemplate[];
  /**
   * Payments in India: the payment configurations set up in WhatsApp Manager (name → gateway type), and the gateway
   * they are linked to, which takes the payment when the citizen pays an order_details message.
   */
  payments?: { configurations: ReadonlyMap<string, string>; checkout: EngineOptions['checkout'] };
  /** Deliver sent and delivered status webhooks after each accepted send (default true; tests may switch it off). */
  statusWebhooks?: boolean;
  log?: (message: string, detail?: unknown) => void;
}

export interface LocalWhatsApp {
  /** Serves /graph/… and /sim/…; false for any other path (or unknown /sim route) so the runtime can 404. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /**
   * Everything sent to that user (a wa_id, or the business-scoped user id of a username user) through the Graph API,
   * oldest first: request bodies with id and sent_at.
   */
  sentMessages(waId: string): SentMessage[];
  /**
   * Calls `listener` after each message sent to a user through the Graph API, with the user's key (as `sentMessages`
   * takes it), so a client waiting for a reply wakes when one comes instead of asking again and again. Answers the
   * function that stops it.
   */
  onSent(listener: (waId: string) => void): () => void;
  /** Build, escape and sign a Meta webhook payload exactly like Meta and POST it to /webhook. */
  send(input: SimSendInput): Promise<{ wamid: string; status: number; error?: string }>;
  /** Deliver a status webhook (sent/delivered/read/failed) for an outbound message id. */
  deliverStatus(request: StatusRequest): Promise<void>;
  /** The next sends answer Meta's error JSON for that code (130429, 131056, 131047, 131026, 190, 500…). */
  injectFault(fault: { code: number; times?: number; waId?: string }): void;
  /** Drops the faults not yet used: Meta works again. */
  clearFaults(): void;
  /** Resolves when every queued status webhook and in-flight delivery has finished. */
  idle(): Promise<void>;
}

const DEFAULT_WA_ID = '919876543210';

export function createLocalWhatsApp(options: LocalWhatsAppOptions): LocalWhatsApp {
  const log =
    options.log ?? ((message: string, detail?: unknown) => console.error(`[whatsapp] ${message}`, detail ?? ''));
  const templates = options.templates ?? [];
  const publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, '');
  const officers = options.officers ?? (() => []);
  const people = () => samplePeople(options.citizens(), officers());
  const engine = new WhatsAppEngine({
    publicBaseUrl,
    appSecret: options.appSecret,
    accessToken: options.accessToken,
    phoneNumberId: options.phoneNumberId,
    displayPhoneNumber: options.displayPhoneNumber ?? '15550000001',
    businessAccountId: options.businessAccountId ?? '100000000000002',
    dataDir: options.dataDir,
    now: options.now,
    ...(options.postWebhook ? { postWebhook: options.postWebhook } : {}),
    people,
    ...(options.faults ? { faults: options.faults } : {}),
    templates,
    statusWebhooks: options.statusWebhooks ?? true,
    paymentConfigurations: options.payments?.configurations ?? new Map(),
    ...(options.payments?.checkout ? { checkout: options.payments.checkout } : {}),
    log,
  });

  const page = () => {
    const nonce = randomBytes(16).toString('base64');
    const everyone = people();
    const first = everyone[0];
    return {
      nonce,
      html: simulatorPage({
        nonce,
        defaultWaId: first?.waId ?? DEFAULT_WA_ID,
        defaultName: first?.name ?? 'Citizen',
        people: everyone,
        businessNumber: engine.business.displayPhoneNumber,
      }),
    };
  };
  const simContext = {
    engine,
    clock: options.clock,
    citizens: options.citizens,
    officers,
    lastOtp: options.lastOtp,
    templates,
    page,
  };

  return {
    async handle(req, res, url) {
      try {
        if (url.pathname.startsWith('/graph/')) return await handleGraph(engine, req, res, url);
        if (url.pathname === '/sim' || url.pathname.startsWith('/sim/'))
          return await handleSim(simContext, req, res, url);
        return false;
      } catch (error) {
        log(`${req.method} ${url.pathname} failed`, error);
        if (!res.headersSent) {
          if (url.pathname.startsWith('/graph/')) {
            const failure = metaError(1);
            sendJson(res, failure.status, failure.body);
          } else {
            sendJson(res, 500, { error: 'internal error in the WhatsApp simulator; see the runtime log' });
          }
        } else {
          res.destroy();
        }
        return true;
      }
    },
    sentMessages: (waId) => engine.log.sent(userKey(waId) ?? waId.replace(/\D/g, '')),
    onSent: (listener) => engine.log.onSent(listener),
    async send(input) {
      const result = await engine.sendInbound(input);
      return { wamid: result.wamid, status: result.status ?? 0, ...(result.error ? { error: result.error } : {}) };
    },
    deliverStatus: (request) => engine.deliverStatus(request),
    injectFault: (fault: InjectedFault) => engine.faults.inject(fault),
    clearFaults: () => engine.faults.clear(),
    idle: () => engine.idle(),
  };
}
