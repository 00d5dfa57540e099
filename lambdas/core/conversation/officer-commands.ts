import { isCertId } from '../certificate/model.ts';
import { latinDigits } from '../forms/digits.ts';
import { parseApplicationNumber } from '../forms/validators.ts';
import type { InboundMessage } from './messages.ts';

/** Words that start a revocation: English, and Telugu "withdraw" (not "రద్దు", which already cancels a form). */
const REVOKE_WORDS = ['revoke', 'ఉపసంహరించు', 'ఉపసంహరణ'];

/**
 * An officer's "revoke <certificate id> <reason…>", as typed. Only the shape is read here: whether the sender is an
 * officer, the reason's length and the officer's department are decided later. Anything else is not a revocation.
 */
export function parseRevokeCommand(text: string): { certId: string; reason: string } | undefined {
  const match = /^\s*(\S+)\s+([A-Za-z0-9_\u0C66-\u0C6F\u0966-\u096F-]+)(?:\s+([\s\S]*))?$/.exec(text.normalize('NFC'));
  if (!match) return undefined;
  const [, word = '', typedId = '', reason = ''] = match;
  if (!REVOKE_WORDS.includes(word.toLowerCase().replace(/[:.,]+$/, ''))) return undefined;
  const certId = latinDigits(typedId);
  if (!isCertId(certId)) return undefined;
  return { certId, reason: reason.trim() };
}

const APPROVE_WORDS = ['approve', 'approved', 'ఆమోదించు', 'ఆమోదం'];
const REJECT_WORDS = ['reject', 'rejected', 'తిరస్కరించు', 'తిరస్కరణ'];
const DECISION_BUTTON = /^decide:(approve|reject):(AP-[0-9A-Z]{12})$/;

export interface DecisionCommand {
  decision: 'approved' | 'rejected';
  applicationId: string;
  /** Empty when none was typed (a rejection then asks for one). */
  reason: string;
}

/**
 * An officer's typed "approve <application id>" or "reject <application id> <reason…>"; anything else is not one.
 * The id is read as citizens type it (any case, Telugu digits, with or without `AP-`).
 */
export function parseDecisionCommand(text: string): DecisionCommand | undefined {
  const match = /^\s*(\S+)\s+((?:AP-?)?[0-9A-Z\u0C66-\u0C6F\u0966-\u096F]{12})(?:[\s:.,-]+([\s\S]*))?$/i.exec(
    text.normalize('NFC'),
  );
  if (!match) return undefined;
  const [, word = '', typedId = '', reason = ''] = match;
  const verb = word.toLowerCase().replace(/[:.,]+$/, '');
  const decision = APPROVE_WORDS.includes(verb) ? 'approved' : REJECT_WORDS.includes(verb) ? 'rejected' : undefined;
  const applicationId = parseApplicationNumber(typedId);
  if (!decision || !applicationId) return undefined;
  return { decision, applicationId, reason: reason.trim() };
}

/** The id of an Approve / Reject button on an officer's notice: it names the application, not a menu. */
export function decisionButtonId(decision: 'approve' | 'reject', applicationId: string): string {
  return `decide:${decision}:${applicationId}`;
}

function parseDecisionButton(id: string): DecisionCommand | undefined {
  const match = DECISION_BUTTON.exec(id);
  if (!match) return undefined;
  return { decision: match[1] === 'approve' ? 'approved' : 'rejected', applicationId: match[2]!, reason: '' };
}

/** Words an officer types for their worklist: the applications of their department waiting for a decision. */
const WORKLIST_WORDS = ['pending', 'worklist', 'waiting', 'పెండింగ్', 'పెండింగ్ దరఖాస్తులు', 'నిరీక్షణ'];

export function isWorklistCommand(text: string): boolean {
  return WORKLIST_WORDS.includes(text.normalize('NFC').trim().toLowerCase());
}

/** The row id of a worklist entry: it names the application, so it opens whichever list it came from. */
export function worklistRowId(applicationId: string): string {
  return `decide:open:${applicationId}`;
}

export function openedFromWorklist(id: string): string | undefined {
  return /^decide:open:(AP-[0-9A-Z]{12})$/.exec(id)?.[1];
}

/** A decision in this message: a tap on a notice's Approve / Reject button, or a typed command. */
export function officerDecisionOf(inbound: InboundMessage): DecisionCommand | undefined {
  const { content } = inbound;
  if (content.type === 'choice') return parseDecisionButton(content.id);
  if (content.type === 'text') return parseDecisionCommand(content.text);
  return undefined;
}
