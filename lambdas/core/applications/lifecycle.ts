/**
 * The one life of an application, whatever its kind: its states, and the transitions between them with who may make
 * each and whom it tells. Handlers and adapters move an application only by naming a transition here; the store
 * writes the state it leads to, conditionally on the application being in a state it leaves, and appends it to the
 * application's history. A transition applied twice writes nothing the second time.
 */

export const APPLICATION_STATES = [
  /** Written by the webhook with the turn that submitted it; its workflow has not yet taken it up. */
  'received',
  /** Its workflow has it: checks, records, the next step. */
  'processing',
  'awaiting-payment',
  'paid',
  'awaiting-approval',
  /** The document was issued and sent. */
  'issued',
  'rejected',
  'payment-expired',
  'failed',
  /** Paid, but the biller refused the payment posted against the bill: the money is owed back to the citizen. */
  'refund-due',
  /** The document issued for it was revoked. */
  'revoked',
  /** A booking the citizen cancelled: its places are on sale again, its refund recorded, its ticket revoked. */
  'cancelled',
  // A grievance's own states (lambdas/core/grievances/): in an officer's hands, then resolved, rated or reopened.
  /** An officer took the grievance up. */
  'accepted',
  /** An officer asked the citizen a question (relayed by Mitra); the answer puts it back in their hands. */
  'awaiting-citizen',
  /** Sent to another department with a reason; its officers take it up. */
  'transferred',
  /** An officer resolved it with a note; the citizen may rate it and, within 7 days, reopen it. */
  'resolved',
  /** The citizen reopened it after its resolution: it is with the senior officers. */
  'reopened',
  /** The citizen rated the resolution (they may still reopen it within 7 days of it). */
  'closed',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** Who moves an application. Officers and administrators are named by their id in the history; citizens are not. */
type ActorType = 'citizen' | 'workflow' | 'officer' | 'payment-gateway' | 'administrator';
export interface Actor {
  type: ActorType;
  /** An officer's or administrator's id; never a phone number. */
  id?: string;
}

/** Who hears of a transition (through the outbox, in the same write). */
type Audience = 'citizen' | 'officers';

interface TransitionRule {
  from: readonly ApplicationState[];
  to: ApplicationState;
  by: readonly ActorType[];
  tells: readonly Audience[];
}

/** States from which an application may still reach an outcome. */
export const OPEN_STATES = [
  'received',
  'processing',
  'awaiting-payment',
  'paid',
  'awaiting-approval',
  'accepted',
  'awaiting-citizen',
  'transferred',
  'reopened',
] as const satisfies readonly ApplicationState[];

/** A grievance still in an officer's hands: accepted, asked about, transferred, reopened, or waiting to be taken up. */
const GRIEVANCE_IN_HAND = [
  'awaiting-approval',
  'accepted',
  'awaiting-citizen',
  'transferred',
  'reopened',
] as const satisfies readonly ApplicationState[];

export const TRANSITIONS = {
  /** The citizen confirmed the form and proved who they are: the application exists. */
  submit: { from: [], to: 'received', by: ['citizen'], tells: ['citizen'] },
  /** Its workflow took it up. */
  'take-up': { from: ['received'], to: 'processing', by: ['workflow'], tells: [] },
  /** A fee is due: the payment link goes to the citizen. */
  'request-payment': {
    // From itself too: a retried or re-driven step replaces the link's task token.
    from: ['received', 'processing', 'awaiting-payment'],
    to: 'awaiting-payment',
    by: ['workflow'],
    tells: ['citizen'],
  },
  pay: { from: ['awaiting-payment'], to: 'paid', by: ['payment-gateway'], tells: ['citizen'] },
  'expire-payment': { from: ['awaiting-payment'], to: 'payment-expired', by: ['workflow'], tells: ['citizen'] },
  /** Into the officers' hands, or (from itself) escalated to senior officers past the SLA. */
  'await-decision': {
    // A grievance past its SLA is escalated from wherever it stands in the officers' hands.
    from: ['received', 'processing', 'paid', ...GRIEVANCE_IN_HAND],
    to: 'awaiting-approval',
    by: ['workflow'],
    tells: ['officers', 'citizen'],
  },
  /** The document is issued and sent to the citizen (after an officer's approval, or at once). */
  issue: { from: OPEN_STATES, to: 'issued', by: ['workflow'], tells: ['citizen'] },
  /** An officer rejected it; the citizen reads the reason. */
  reject: { from: ['awaiting-approval'], to: 'rejected', by: ['officer'], tells: ['citizen'] },
  fail: { from: OPEN_STATES, to: 'failed', by: ['workflow'], tells: ['citizen'] },
  /** The biller refused a paid bill's posting: recorded for a refund, and the citizen is told. */
  'refund-due': { from: ['paid'], to: 'refund-due', by: ['workflow'], tells: ['citizen'] },
  /** Its document was revoked by an officer or an administrator. */
  revoke: { from: ['issued'], to: 'revoked', by: ['officer', 'administrator'], tells: ['citizen'] },
  /** The citizen cancelled a booked ticket before it starts: the refund its rules give is recorded with it. */
  cancel: { from: ['issued'], to: 'cancelled', by: ['citizen'], tells: ['citizen'] },
  /** Grievances: an officer takes it up (a first notice, a transferred one, or a reopened one). */
  accept: {
    from: ['awaiting-approval', 'transferred', 'reopened'],
    to: 'accepted',
    by: ['officer'],
    tells: ['citizen'],
  },
  /** An officer's question, relayed to the citizen without either's number. */
  'ask-citizen': {
    from: ['awaiting-approval', 'accepted', 'reopened'],
    to: 'awaiting-citizen',
    by: ['officer'],
    tells: ['citizen'],
  },
  /** The citizen's answer, relayed to the officer who asked. */
  'answer-officer': { from: ['awaiting-citizen'], to: 'accepted', by: ['citizen'], tells: ['officers'] },
  /** To another department, with the reason the citizen reads. */
  transfer: {
    from: ['awaiting-approval', 'accepted', 'awaiting-citizen', 'reopened'],
    to: 'transferred',
    by: ['officer'],
    tells: ['citizen', 'officers'],
  },
  /**
   * Resolved with the officer's note: by the workflow once the acknowledgement is issued (naming the officer who
   * resolved it), or by the senior officer on a reopened grievance.
   */
  resolve: { from: GRIEVANCE_IN_HAND, to: 'resolved', by: ['officer'], tells: ['citizen'] },
  /** Within 7 days of its resolution the citizen reopens it; the senior officers take it up. */
  reopen: { from: ['resolved', 'closed'], to: 'reopened', by: ['citizen'], tells: ['citizen', 'officers'] },
  /** The citizen rated the resolution, or the time to reopen it passed. */
  close: { from: ['resolved'], to: 'closed', by: ['citizen', 'workflow'], tells: [] },
} as const satisfies Record<string, TransitionRule>;
export type TransitionName = keyof typeof TRANSITIONS;

/** One entry of an application's history: what happened, when, and by whom (the entry before it says from what). */
export interface HistoryEntry {
  transition: TransitionName;
  to: ApplicationState;
  at: string;
  actor: Actor;
}

export class LifecycleError extends Error {
  override name = 'LifecycleError';
}

/**
 * The rule of a transition made by this actor. Throws when that actor may not make it: a programming error, never
 * a citizen's or an officer's (their rights are checked before a transition is asked for).
 */
export function ruleOf(name: TransitionName, actor: Actor): TransitionRule {
  const rule: TransitionRule = TRANSITIONS[name];
  if (!rule.by.includes(actor.type)) throw new LifecycleError(`a ${actor.type} cannot ${name} an application`);
  if ((actor.type === 'officer' || actor.type === 'administrator') && !actor.id)
    throw new LifecycleError(`a ${actor.type}'s ${name} names them by id`);
  return rule;
}

/** Whether an application in `state` can go through this transition now. */
export function canTransition(state: ApplicationState, name: TransitionName): boolean {
  return (TRANSITIONS[name].from as readonly ApplicationState[]).includes(state);
}

export function isApplicationState(value: unknown): value is ApplicationState {
  return typeof value === 'string' && (APPLICATION_STATES as readonly string[]).includes(value);
}

/** The history entry a transition appends. */
export function historyEntry(name: TransitionName, actor: Actor, at: Date): HistoryEntry {
  return { transition: name, to: ruleOf(name, actor).to, at: at.toISOString(), actor };
}

/**
 * Whether the application has reached an outcome (nothing more will happen to it but a revocation or, for a resolved
 * grievance, its rating or reopening).
 */
export function isSettled(state: ApplicationState): boolean {
  return !(OPEN_STATES as readonly ApplicationState[]).includes(state);
}
