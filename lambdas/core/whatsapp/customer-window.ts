import type { TemplateKey } from '../conversation/messages.ts';
import { inert } from '../i18n/strings.ts';
import type { OutboundReply, TemplateReply } from './limits.ts';

/** Free-form messages may go only within 24 hours of the citizen's last message; after that, only templates. */
const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;

export function windowOpen(lastInboundAt: Date | undefined, now: Date): boolean {
  return lastInboundAt !== undefined && now.getTime() - lastInboundAt.getTime() < CUSTOMER_WINDOW_MS;
}

/**
 * The approved UTILITY templates by what they carry: `text`, a body `{{1}}` for any reply; `document`, the same with a
 * document header; and the ones a reply names (`TemplateKey`), each with its own body and quick replies.
 */
export type ReplyTemplates = Record<'text' | 'document' | TemplateKey, string>;

/** The grievance templates' names, each the prefix and what it carries (`mitra_grievance_question`…). */
export function grievanceTemplates(prefix: string): Pick<ReplyTemplates, Exclude<TemplateKey, 'decision'>> {
  return {
    grievanceQuestion: `${prefix}_question`,
    grievanceResolved: `${prefix}_resolved`,
    grievanceResolvedPhoto: `${prefix}_resolved_photo`,
    grievanceOfficer: `${prefix}_officer`,
    grievanceAnswer: `${prefix}_answer`,
  };
}

/** A reply another reply's template carries outside the window: nothing of it is sent there. */
export function carriedByAnother(reply: OutboundReply): boolean {
  return 'closedWindow' in reply && reply.closedWindow?.template === 'none';
}

/**
 * The approved UTILITY template that carries a reply when the window is closed: its one body parameter is the
 * reply's own text, so a late status notice still says what it said, and a document travels in the header.
 * Undefined for what has nothing to carry (a read receipt is pointless hours later).
 */
export function templateInstead(
  reply: OutboundReply,
  templates: ReplyTemplates,
  language: string,
): TemplateReply | undefined {
  const text = summary(reply);
  if (text === undefined) return undefined;
  if (reply.type === 'document') {
    return {
      type: 'template',
      name: templates.document,
      language,
      parameters: [text],
      document: { archiveKey: reply.archiveKey, filename: reply.filename },
    };
  }
  const named = 'closedWindow' in reply ? reply.closedWindow : undefined;
  if (named?.template === 'none') return undefined;
  if (named) {
    const quickReplies =
      reply.type === 'buttons'
        ? reply.buttons.map((b) => b.id)
        : reply.type === 'list'
          ? reply.sections.flatMap((s) => s.rows.map((r) => r.id))
          : [];
    return {
      type: 'template',
      name: templates[named.template],
      language,
      // Values are data: a masked number's stars must not turn the template's text bold.
      parameters: named.parameters?.map(inert) ?? [text],
      ...(quickReplies.length > 0 ? { quickReplies } : {}),
      ...(named.image ? { image: { key: named.image } } : {}),
    };
  }
  return { type: 'template', name: templates.text, language, parameters: [text] };
}

function summary(reply: OutboundReply): string | undefined {
  switch (reply.type) {
    case 'text':
      return reply.text;
    case 'list':
    case 'buttons':
    case 'location-request':
    case 'order-status':
      return reply.body;
    // An order is paid inside the window only: later, its request with the payment link.
    case 'order':
      return reply.fallback;
    case 'document':
      return reply.caption || reply.filename;
    // A photo cannot travel in the text template: the officer is told of it, and sees it from the worklist.
    case 'media':
      return reply.caption;
    case 'template':
    case 'read-receipt':
      return undefined;
  }
}
