import { createHash } from 'node:crypto';
import type { Catalog, Language, Service } from '../catalog/schema.ts';
import { t } from '../i18n/strings.ts';
import type { InboundMessage, Reply } from './messages.ts';
import type { Session } from './session.ts';

/** A new application, to be stored with the turn and then started as a workflow. */
export interface ApplicationDraft {
  applicationId: string;
  serviceId: string;
  serviceKind: Service['kind'];
  waId: string;
  language: Language;
  values: Record<string, string>;
  submittedAt: string;
  slaDays: number;
}

export type Effect = { type: 'start-application'; application: ApplicationDraft };

export interface Turn {
  session: Session;
  replies: Reply[];
  effects: Effect[];
}

const GREETINGS = new Set(['hi', 'hello', 'hey', 'menu', 'start', 'namaste', 'నమస్తే', 'నమస్కారం', 'హాయ్']);

/**
 * One turn of the conversation: the citizen's message applied to their session. Pure: the same session, message,
 * catalog and time always give the same turn, so the webhook can re-apply it after losing a write race.
 */
export function converse(session: Session, inbound: InboundMessage, catalog: Catalog, now: Date): Turn {
  const turn = decide(session, inbound, catalog);
  return {
    ...turn,
    session: { ...turn.session, waId: session.waId, version: session.version + 1, lastActiveAt: now.toISOString() },
    replies: [{ type: 'read-receipt', messageId: inbound.messageId }, ...turn.replies],
    effects: turn.effects.map((effect) => ({
      ...effect,
      application: { ...effect.application, submittedAt: now.toISOString() },
    })),
  };
}

function decide(session: Session, inbound: InboundMessage, catalog: Catalog): Turn {
  const language: Language = session.language ?? 'en';
  const { content } = inbound;
  if (content.type !== 'text' && content.type !== 'choice') {
    return say(session, [{ type: 'text', text: t('textOnly', language) }]);
  }
  const typed = content.type === 'text' ? content.text.trim() : '';
  const picked = content.type === 'choice' ? content.id : pickByNumber(session, typed);

  if (content.type === 'text' && GREETINGS.has(typed.toLowerCase())) {
    return session.language ? mainMenu(session, session.language, catalog) : chooseLanguage(session);
  }
  if (picked?.startsWith('lang:')) {
    const chosen: Language = picked === 'lang:te' ? 'te' : 'en';
    return mainMenu({ ...session, language: chosen }, chosen, catalog);
  }
  if (picked?.startsWith('svc:')) {
    const service = catalog.services.find((s) => s.id === picked.slice(4));
    if (service)
      return askField(
        { ...session, step: { name: 'form', serviceId: service.id, fieldIndex: 0, values: {} } },
        service,
        language,
      );
  }

  const { step } = session;
  if (step.name === 'new') return chooseLanguage(session);
  if (step.name === 'form' && content.type === 'text') {
    const service = catalog.services.find((s) => s.id === step.serviceId);
    if (service) return answerField(session, step, service, typed, language);
  }
  if (step.name === 'confirm' && picked === 'confirm') {
    const service = catalog.services.find((s) => s.id === step.serviceId);
    if (service) return submit(session, service, step.values, inbound, language);
  }
  if (step.name === 'confirm' && picked === 'cancel') {
    return say({ ...session, step: { name: 'menu' } }, [{ type: 'text', text: t('cancelled', language) }]);
  }
  return say(session, [{ type: 'text', text: t('notUnderstood', language) }]);
}

function say(session: Session, replies: Reply[], effects: Effect[] = []): Turn {
  return { session, replies, effects };
}

function pickByNumber(session: Session, typed: string): string | undefined {
  if (!/^\d{1,3}$/.test(typed)) return undefined;
  return session.options[Number(typed) - 1];
}

function chooseLanguage(session: Session): Turn {
  const options = ['lang:en', 'lang:te'];
  return say({ ...session, step: { name: 'choose-language' }, options }, [
    {
      type: 'buttons',
      body: `${t('greeting', 'en')}\n\n${t('greeting', 'te')}\n\n1. English\n2. తెలుగు`,
      buttons: [
        { id: 'lang:en', title: t('languageEnglish', 'en') },
        { id: 'lang:te', title: t('languageTelugu', 'te') },
      ],
    },
  ]);
}

function mainMenu(session: Session, language: Language, catalog: Catalog): Turn {
  const services = catalog.services.slice(0, 10);
  const options = services.map((s) => `svc:${s.id}`);
  const numbered = services.map((s, i) => `${i + 1}. ${s.name[language]}`).join('\n');
  return say({ ...session, language, step: { name: 'menu' }, options }, [
    {
      type: 'list',
      body: `${t('mainMenu', language)}\n\n${numbered}`,
      button: t('menuButton', language),
      sections: [
        {
          title: t('menuSection', language),
          rows: services.map((s) => ({
            id: `svc:${s.id}`,
            title: s.name[language],
            description: s.description[language],
          })),
        },
      ],
    },
  ]);
}

function askField(session: Session, service: Service, language: Language): Turn {
  const step = session.step;
  if (step.name !== 'form') return say(session, []);
  const field = service.fields[step.fieldIndex]!;
  return say({ ...session, options: [] }, [{ type: 'text', text: field.prompt[language] }]);
}

function answerField(
  session: Session,
  step: Extract<Session['step'], { name: 'form' }>,
  service: Service,
  typed: string,
  language: Language,
): Turn {
  const field = service.fields[step.fieldIndex]!;
  const value = typed.replace(/\s+/g, ' ');
  if (field.type === 'name' && !/^[\p{L}\p{M}][\p{L}\p{M} .'-]{1,99}$/u.test(value)) {
    return say(session, [{ type: 'text', text: `${t('invalidName', language)}\n${field.prompt[language]}` }]);
  }
  const values = { ...step.values, [field.id]: value };
  if (step.fieldIndex + 1 < service.fields.length) {
    return askField({ ...session, step: { ...step, fieldIndex: step.fieldIndex + 1, values } }, service, language);
  }
  const summary = service.fields.map((f) => `${f.prompt[language].split(/[.?]/)[0]}: ${values[f.id]}`).join('\n');
  return say({ ...session, step: { name: 'confirm', serviceId: service.id, values }, options: ['confirm', 'cancel'] }, [
    {
      type: 'buttons',
      body: t('confirmSummary', language, { service: service.name[language], fields: summary, fee: service.fee }),
      buttons: [
        { id: 'confirm', title: t('confirmButton', language) },
        { id: 'cancel', title: t('cancelButton', language) },
      ],
    },
  ]);
}

function submit(
  session: Session,
  service: Service,
  values: Record<string, string>,
  inbound: InboundMessage,
  language: Language,
): Turn {
  const applicationId = applicationIdFor(inbound.messageId);
  const application: ApplicationDraft = {
    applicationId,
    serviceId: service.id,
    serviceKind: service.kind,
    waId: session.waId,
    language,
    values,
    submittedAt: '',
    slaDays: service.slaDays,
  };
  return say(
    { ...session, step: { name: 'menu' }, options: [] },
    [
      {
        type: 'text',
        text: t('submitted', language, { applicationId, service: service.name[language], sla: service.slaDays }),
      },
    ],
    [{ type: 'start-application', application }],
  );
}

/**
 * The application id is derived from the message that confirmed it, so a re-applied or redelivered turn names the
 * same application (and so the same workflow execution). Crockford base32, 12 characters, 60 bits.
 */
export function applicationIdFor(messageId: string): string {
  const digest = createHash('sha256').update(messageId).digest();
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let i = 0; i < 12; i++) id += alphabet[Number((bits >> BigInt(59 - i * 5)) & 31n)];
  return `AP-${id}`;
}
