import { isCertId } from '../certificate/model.ts';

/** Words that start a revocation: English, and Telugu "withdraw" (not "రద్దు", which already cancels a form). */
const REVOKE_WORDS = ['revoke', 'ఉపసంహరించు', 'ఉపసంహరణ'];

/**
 * An officer's "revoke <certificate id> <reason…>", as typed. Only the shape is read here: whether the sender is an
 * officer, the reason's length and the officer's department are decided later. Anything else is not a revocation.
 */
export function parseRevokeCommand(text: string): { certId: string; reason: string } | undefined {
  const match = /^\s*(\S+)\s+([A-Za-z0-9_-]+)(?:\s+([\s\S]*))?$/.exec(text.normalize('NFC'));
  if (!match) return undefined;
  const [, word = '', certId = '', reason = ''] = match;
  if (!REVOKE_WORDS.includes(word.toLowerCase().replace(/[:.,]+$/, ''))) return undefined;
  if (!isCertId(certId)) return undefined;
  return { certId, reason: reason.trim() };
}
