import { catalog } from '../catalog/catalog.ts';
import type { Catalog } from '../catalog/schema.ts';
import { t } from '../i18n/strings.ts';
import { applicationIdFor } from './applications.ts';
import { type ConversationSettings, DEFAULT_SETTINGS, type TurnContext, type TurnNeeds } from './context.ts';
import { alertTurns } from './intents/alerts.ts';
import { busTurns } from './intents/bus.ts';
import { citizenTurns } from './intents/citizen.ts';
import { classify } from './intents/classify.ts';
import { formTurns } from './intents/form.ts';
import { freeTextTurns } from './intents/free-text.ts';
import { grievanceTurns, ratableGrievance } from './intents/grievance.ts';
import { grievanceFormTurns } from './intents/grievance-form.ts';
import { heldCertificateTurns } from './intents/held-certificate.ts';
import { identityTurns } from './intents/identity.ts';
import { type Intent, isOfficerCommand } from './intents/intent.ts';
import { myBillTurns } from './intents/my-bills.ts';
import { needsOf } from './intents/needs.ts';
import { officerTurns } from './intents/officer.ts';
import { onboardingTurns } from './intents/onboarding.ts';
import { slotTurns } from './intents/slot.ts';
import { ticketCancelTurns } from './intents/ticket-cancel.ts';
import type { Turn, TurnEnv } from './intents/turn.ts';
import type { InboundMessage } from './messages.ts';
import { text } from './screens.ts';
import type { Session } from './session.ts';

export type { ApplicationDraft, Effect, Turn } from './intents/turn.ts';
export { applicationIdFor };

type Handler = (session: Session, intent: Intent, env: TurnEnv) => Turn;

const HANDLERS = {
  ...officerTurns,
  ...grievanceTurns,
  ...identityTurns,
  ...formTurns,
  ...grievanceFormTurns,
  ...busTurns,
  ...slotTurns,
  ...heldCertificateTurns,
  ...ticketCancelTurns,
  ...alertTurns,
  ...myBillTurns,
  ...onboardingTurns,
  ...citizenTurns,
  ...freeTextTurns,
} satisfies Record<Intent['kind'], unknown>;

/**
 * One turn of the conversation: the citizen's message applied to their session. Pure: the same session, message,
 * catalog, time and context always give the same turn, so the webhook can re-apply it after losing a write race.
 */
export function converse(
  session: Session,
  inbound: InboundMessage,
  catalog: Catalog,
  now: Date,
  context: TurnContext = { settings: DEFAULT_SETTINGS },
): Turn {
  const heard = transcriptOf(inbound);
  const message = asHeard(inbound);
  const env: TurnEnv = { catalog, now, context, inbound: message, token: session.version + 1 };
  const intent = asSent(classify(session, message, { now, settings: context.settings }), session, context);
  // Each group's table types its own intents; the lookup by kind cannot say so to the compiler.
  const turn = (HANDLERS[intent.kind] as Handler)(session, intent, env);
  const silent = turn.replies.length === 0 && session.stopped && turn.session.stopped;
  return {
    session: { ...turn.session, waId: session.waId, version: session.version + 1, lastActiveAt: now.toISOString() },
    // Nothing at all goes to a citizen who sent STOP, not even a read receipt.
    replies: silent
      ? []
      : [
          { type: 'read-receipt', messageId: inbound.messageId },
          // What the speech service heard comes first, so the citizen can say it again or type it if it is wrong.
          ...(heard ? [text(t('heard', turn.session.language ?? 'en', { transcript: heard.slice(0, 1000) }))] : []),
          ...turn.replies,
        ],
    effects: turn.effects.map((effect) =>
      effect.type === 'start-application'
        ? { ...effect, application: { ...effect.application, submittedAt: now.toISOString() } }
        : effect,
    ),
  };
}

/** What the webhook must look up before calling `converse` for this message. */
export function turnNeeds(
  session: Session,
  inbound: InboundMessage,
  now: Date,
  settings: ConversationSettings = DEFAULT_SETTINGS,
  services: Catalog = catalog(),
): TurnNeeds {
  return needsOf(classify(session, asHeard(inbound), { now, settings }), session, now, settings, services);
}

const transcriptOf = (inbound: InboundMessage): string | undefined =>
  inbound.content.type === 'voice' ? inbound.content.transcript?.trim() || undefined : undefined;

/** A voice note that was made out is what it said, typed: the same turn as the text would be. */
function asHeard(inbound: InboundMessage): InboundMessage {
  const transcript = transcriptOf(inbound);
  return transcript ? { ...inbound, content: { type: 'text', text: transcript } } : inbound;
}

/**
 * An officer's command from someone the webhook found no registered officer for means what it means from anyone; a
 * typed 1 to 5 with no grievance waiting for its rating means what it means in the step.
 */
function asSent(intent: Intent, session: Session, context: TurnContext): Intent {
  if (intent.kind === 'grievance-rating-typed')
    return ratableGrievance(context.applications, session) ? intent : asSent(intent.otherwise, session, context);
  if (!isOfficerCommand(intent)) return intent;
  const looked = context.officer && (intent.kind !== 'worklist' || context.officerQueue);
  return looked ? intent : asSent(intent.otherwise, session, context);
}
