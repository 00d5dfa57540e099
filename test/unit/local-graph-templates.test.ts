import { describe, expect, it } from 'vitest';
import { LOCAL_TEMPLATES } from '../../local/reply-templates.ts';
import { replyContent } from '../../local/whatsapp/citizen-input.ts';
import type { OutboundEntry } from '../../local/whatsapp/message-log.ts';
import { checkTemplate, type LocalTemplate, renderTemplate } from '../../local/whatsapp/templates.ts';

const templates: LocalTemplate[] = [
  {
    name: 'certificate_ready',
    language: 'te',
    category: 'UTILITY',
    body: 'మీ ధృవీకరణ పత్రం {{1}} సిద్ధంగా ఉంది. {{2}}',
    quickReplies: ['డౌన్‌లోడ్'],
  },
];

const body = (...texts: string[]) => [{ type: 'body', parameters: texts.map((text) => ({ type: 'text', text })) }];

describe('declared templates', () => {
  it('are all ones Meta would approve: fixed words at both ends of the body, and Telugu in Telugu', () => {
    expect(LOCAL_TEMPLATES.length).toBeGreaterThanOrEqual(20);
    for (const template of LOCAL_TEMPLATES) {
      const where = `${template.name} (${template.language})`;
      expect(template.body.trim(), where).not.toMatch(/^\{\{\d+\}\}|\{\{\d+\}\}[.!?]?$/);
      if (template.language === 'te') expect(template.body, where).toMatch(/[\u0C00-\u0C7F]/);
    }
  });

  it('refuses an unknown name or language with 132001 and a wrong parameter count with 132000', () => {
    expect(checkTemplate(templates, 'certificate_ready', 'en', body('a', 'b'))).toMatchObject({ code: 132001 });
    expect(checkTemplate(templates, 'nope', 'te', [])).toMatchObject({ code: 132001 });
    expect(checkTemplate(templates, 'certificate_ready', 'te', body('a'))).toMatchObject({ code: 132000 });
    expect(checkTemplate(templates, 'certificate_ready', 'te', body('a', 'b'))).toBeUndefined();
  });

  it('refuses a quick-reply payload for a button the template does not have, or an empty one', () => {
    const button = (index: string, payload: string) => ({
      type: 'button',
      sub_type: 'quick_reply',
      index,
      parameters: [{ type: 'payload', payload }],
    });
    const message = (...buttons: object[]) => [...body('a', 'b'), ...buttons];
    expect(checkTemplate(templates, 'certificate_ready', 'te', message(button('0', 'get:MITRA-42')))).toBeUndefined();
    expect(checkTemplate(templates, 'certificate_ready', 'te', message(button('1', 'x')))).toMatchObject({
      code: 132000,
    });
    expect(checkTemplate(templates, 'certificate_ready', 'te', message(button('0', '')))).toMatchObject({
      code: 132000,
    });
  });

  it('renders the text the citizen reads, with the quick-reply labels', () => {
    const request = {
      type: 'template',
      template: { name: 'certificate_ready', language: { code: 'te' }, components: body('MITRA-42', '🙏') },
    };
    expect(renderTemplate(templates, request)).toEqual({
      text: 'మీ ధృవీకరణ పత్రం MITRA-42 సిద్ధంగా ఉంది. 🙏',
      quickReplies: ['డౌన్‌లోడ్'],
    });
    expect(renderTemplate([], request)).toBeUndefined();
  });
});

describe('tapped replies', () => {
  const offer = (id: string, request: Record<string, unknown>): OutboundEntry => ({
    kind: 'outbound',
    wa_id: '919876543210',
    id,
    sent_at: '2026-01-15T04:30:00.000Z',
    request,
    category: 'service',
  });
  const template = offer('wamid.T', {
    type: 'template',
    template: {
      name: 'certificate_ready',
      language: { code: 'te' },
      components: [
        { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'download' }] },
      ],
    },
  });

  it('turns a template quick reply into a "button" message, not an interactive one', () => {
    expect(replyContent([template], 'download', 'డౌన్‌లోడ్')).toEqual({
      content: { type: 'button', button: { payload: 'download', text: 'డౌన్‌లోడ్' } },
      contextId: 'wamid.T',
    });
  });

  it('sends an id no message offered as a list_reply without context', () => {
    expect(replyContent([template], 'stale-id', undefined)).toEqual({
      content: {
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'stale-id', title: 'stale-id' } },
      },
    });
  });
});
