import { catalog } from '#core/catalog/catalog.ts';
import type { TurnContext } from '#core/conversation/context.ts';
import type { InboundMessage } from '#core/conversation/messages.ts';
import type { Session } from '#core/conversation/session.ts';
import { ApplicationQueries } from './application-queries.ts';
import { BookedTickets } from './booking-cancellation.ts';
import { BookingInventory } from './booking-inventory.ts';
import { conversationSettings } from './conversation-settings.ts';
import { HttpApsrtc } from './departments/apsrtc.ts';
import { HttpBillers } from './departments/billers.ts';
import { HttpStatusRegisters } from './departments/status-registers.ts';
import { optionalEnv, requireEnv } from './env.ts';
import { HttpIdentityService } from './identity.ts';
import { OfficerRegistry } from './officers.ts';
import { loadTurnContext } from './turn-context.ts';

const identityEndpoint = optionalEnv('IDENTITY_ENDPOINT');
/** Set only where the stage configures `understandingModelId`: then a language model reads free text first. */
const understandingModelId = optionalEnv('UNDERSTANDING_MODEL_ID');
const registersEndpoint = optionalEnv('STATUS_REGISTERS_ENDPOINT');
const billersEndpoint = optionalEnv('BILLERS_ENDPOINT');
const reservationsEndpoint = optionalEnv('RESERVATIONS_ENDPOINT');
const apsrtc =
  reservationsEndpoint && reservationsEndpoint !== 'unconfigured' ? new HttpApsrtc(reservationsEndpoint) : undefined;
const sources = {
  ...(apsrtc ? { apsrtc } : {}),
  tickets: new BookedTickets({ tableName: requireEnv('TABLE_NAME'), ...(apsrtc ? { apsrtc } : {}) }),
  ...(billersEndpoint && billersEndpoint !== 'unconfigured' ? { billers: new HttpBillers(billersEndpoint) } : {}),
  settings: await conversationSettings(),
  catalog: catalog(),
  ...(registersEndpoint && registersEndpoint !== 'unconfigured'
    ? { statusRegisters: new HttpStatusRegisters(registersEndpoint) }
    : {}),
  applications: new ApplicationQueries(requireEnv('TABLE_NAME')),
  inventory: new BookingInventory(requireEnv('TABLE_NAME')),
  officers: new OfficerRegistry(requireEnv('TABLE_NAME')),
  ...(identityEndpoint && identityEndpoint !== 'unconfigured'
    ? { identity: new HttpIdentityService(identityEndpoint) }
    : {}),
  ...(understandingModelId ? { understanding: await modelUnderstanding(understandingModelId) } : {}),
};

/** Loaded only where a model is configured, so no other deployment pays for the Bedrock client at cold start. */
async function modelUnderstanding(modelId: string) {
  const [{ BedrockUnderstanding }, { bedrock }] = await Promise.all([
    import('./model-understanding.ts'),
    import('./bedrock-client.ts'),
  ]);
  return new BedrockUnderstanding(bedrock, modelId, catalog());
}

/** The deployment's key for hashes of personal data (Aadhaar numbers, the folders of citizens' media). */
export function personalDataKey(): string {
  return sources.settings.aadhaarHashKey;
}

/** The webhook's turn context, from the sources configured for this function (created once per cold start). */
export function turnContext(session: Session, message: InboundMessage, now: Date): Promise<TurnContext> {
  return loadTurnContext(sources, session, message, now);
}
