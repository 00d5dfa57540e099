import type { AlertPair } from '../../alerts/topics.ts';
import type { Catalog, Language, Service } from '../../catalog/schema.ts';
import type { WorkflowKind } from '../../fulfilment/registry.ts';
import type { Reminder } from '../../reminders/reminder.ts';
import { applicationIdFor } from '../applications.ts';
import type { TurnContext } from '../context.ts';
import type { InboundMessage, Reply } from '../messages.ts';
import { type Screen, text } from '../screens.ts';
import type { Session, SessionStep } from '../session.ts';
import type { Intent, IntentOf } from './intent.ts';

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
  /** Keyed hash of the Aadhaar number the citizen verified by OTP: only they see it under "status". */
  citizenHash: string;
  /** The citizen's UID token from that verification, for the records check; absent when none was returned. */
  citizenToken?: string;
  /** The name the citizen's WhatsApp profile shows: a document whose form asks no name is issued to it. */
  profileName?: string;
  /**
   * The workflow that takes it up when it is not its kind's own: a status lookup's signed extract is issued through
   * the certificate workflow (lambdas/core/fulfilment/registry.ts `extractWorkflow`).
   */
  workflow?: WorkflowKind;
}

/**
 * The application a confirmed turn starts. Its id is derived from the confirming message, so a redelivered message
 * names the same application (and so the same workflow execution).
 */
export function draftApplication(
  session: Session,
  service: Service,
  values: Record<string, string>,
  citizenHash: string,
  env: TurnEnv,
): ApplicationDraft {
  return {
    applicationId: applicationIdFor(env.inbound.messageId),
    serviceId: service.id,
    serviceKind: service.kind,
    waId: session.waId,
    language: languageOf(session),
    values,
    submittedAt: '',
    slaDays: service.slaDays,
    citizenHash,
    ...(citizenHash && session.identity.uidToken ? { citizenToken: session.identity.uidToken } : {}),
    ...(env.inbound.profileName ? { profileName: env.inbound.profileName } : {}),
  };
}

export type Effect =
  | { type: 'start-application'; application: ApplicationDraft }
  /** The citizen's alert subscriptions changed: the items to write and delete with the turn (one per topic and district). */
  | { type: 'alert-subscriptions'; waId: string; add: AlertPair[]; remove: AlertPair[] }
  /** A photo the citizen sent, possibly of a certificate's QR code: checked off the webhook's path, answered later. */
  | { type: 'scan-certificate'; waId: string; mediaKey: string; language: Language }
  /** A registered officer's decision on an application; their right to decide it is checked where it is done. */
  | {
      type: 'decide-application';
      waId: string;
      applicationId: string;
      decision: 'approved' | 'rejected';
      reason?: string;
      language: Language;
    }
  /**
   * An officer's action on a grievance, or the citizen's answer, rating or reopening: carried out off the webhook's
   * path, where the officer's jurisdiction (or that the grievance is the citizen's) is checked.
   */
  | {
      type: 'grievance-task';
      waId: string;
      applicationId: string;
      action: 'accept' | 'ask' | 'resolve' | 'transfer' | 'answer' | 'reopen' | 'rate';
      text?: string;
      rating?: number;
      /** Resolving: the officer's photo of the work done, where the webhook kept it (a media bucket key). */
      photo?: string;
      language: Language;
    }
  /**
   * The citizen confirmed cancelling a ticket: carried out off the webhook's path (places back on sale, the refund,
   * the ticket revoked), where it is checked again that the ticket is theirs and still cancellable.
   */
  | { type: 'cancel-booking'; waId: string; applicationId: string; language: Language }
  /**
   * Reminders before remembered bills' due dates, scheduled after the turn is written (once each, however often
   * asked); whether each still goes is decided when it fires.
   */
  | { type: 'schedule-reminders'; reminders: Reminder[] }
  /** A registered officer's revocation; whether their role and department allow it is checked where it is done. */
  | { type: 'revoke-certificate'; waId: string; certId: string; reason: string; language: Language }
  /** A certificate the citizen already holds, sent again: the webhook queues its archived PDF with the turn's replies. */
  | {
      type: 'resend-document';
      waId: string;
      applicationId: string;
      certId: string;
      archiveKey: string;
      caption: string;
      /** The document's English title, for the file's name. */
      title?: string;
    };

export interface Turn {
  session: Session;
  replies: Reply[];
  effects: Effect[];
}

/** Everything a turn is decided with besides the session and the intent. */
export interface TurnEnv {
  catalog: Catalog;
  now: Date;
  context: TurnContext;
  inbound: InboundMessage;
  /** The menu token of this turn: the version the session gets when this turn is written. */
  token: number;
}

export const languageOf = (session: Session): Language => session.language ?? 'en';

/** Replies without moving: the menu shown before stays the one typed numbers are read against. */
export function say(session: Session, replies: Reply[], effects: Effect[] = []): Turn {
  return { session, replies, effects };
}

/** Moves to a step and shows it; the options shown become the menu that typed numbers and taps are read against. */
export function show(session: Session, step: SessionStep, screen: Screen, env: TurnEnv, effects: Effect[] = []): Turn {
  return {
    session: { ...session, step, menu: { token: env.token, options: screen.options } },
    replies: screen.replies,
    effects,
  };
}

/** Text replies first, then a screen. */
export const withText = (lines: string[], screen: Screen): Screen => ({
  replies: [...lines.map(text), ...screen.replies],
  options: screen.options,
});

/** Text replies only: nothing left open for a typed number to pick. */
export const textScreen = (lines: string[]): Screen => ({ replies: lines.map(text), options: [] });

export function findService(catalog: Catalog, serviceId: string): Service | undefined {
  return catalog.services.find((s) => s.id === serviceId);
}

/** How each intent of a group is answered; the dispatcher joins the groups, and the compiler checks none is missing. */
export type IntentHandlers<K extends Intent['kind']> = {
  [P in K]: (session: Session, intent: IntentOf<P>, env: TurnEnv) => Turn;
};
