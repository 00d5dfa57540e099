import { describe, expect, it } from 'vitest';
import type { Reply } from '#core/conversation/messages.ts';
import { grievanceTemplates, templateInstead } from '#core/whatsapp/customer-window.ts';
import { fitReply, violations } from '#core/whatsapp/limits.ts';
import { graphPayload } from '#core/whatsapp/outbound.ts';
import { checkOutbound } from '../../local/whatsapp/limits.ts';

const MEDIA_ID = '1234567890123456';
const ctx = { mediaExists: (id: string) => id === MEDIA_ID };
const ticket: Extract<Reply, { type: 'document' }> = {
  type: 'document',
  archiveKey: 'certificates/2026/12/06/abc.pdf',
  filename: 'abc.pdf',
  caption: 'Your Darshan ticket for application AP-7K2M9QX4B1TZ is issued.',
  buttons: [{ id: 'tcancel:AP-7K2M9QX4B1TZ', title: 'Cancel ticket' }],
};

describe('a document with reply buttons (a ticket with Cancel)', () => {
  it('goes as reply buttons with the document as header and the caption as body, which the Graph API accepts', () => {
    const payload = graphPayload('919876543210', fitReply(ticket).reply, MEDIA_ID);
    expect(payload).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'document', document: { id: MEDIA_ID, filename: 'abc.pdf' } },
        body: { text: ticket.caption },
        action: { buttons: [{ type: 'reply', reply: { id: 'tcancel:AP-7K2M9QX4B1TZ', title: 'Cancel ticket' } }] },
      },
    });
    expect(checkOutbound(payload, ctx)).toMatchObject({ ok: true });
  });

  it('stays a plain document without buttons', () => {
    const { buttons: _buttons, ...plain } = ticket;
    expect(graphPayload('919876543210', plain, MEDIA_ID)).toMatchObject({ type: 'document' });
  });

  it('is refused before sending with an empty caption, too many buttons or a title too long', () => {
    expect(violations({ ...ticket, caption: '' })).toContain('document caption is empty');
    const four = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id }));
    expect(violations({ ...ticket, buttons: four })).toContain('reply buttons need 1 to 3 buttons');
    expect(fitReply({ ...ticket, buttons: [{ id: 'x', title: 'టికెట్ రద్దు చేయండి ఇప్పుడే' }] }).problems).toEqual([]);
  });

  it('goes as the document template, without its buttons, outside the 24-hour window', () => {
    const templates = {
      text: 'mitra_update',
      document: 'mitra_document',
      decision: 'mitra_decision',
      ...grievanceTemplates('mitra_grievance'),
    };
    expect(templateInstead(ticket, templates, 'en')).toEqual({
      type: 'template',
      name: 'mitra_document',
      language: 'en',
      parameters: [ticket.caption],
      document: { archiveKey: ticket.archiveKey, filename: ticket.filename },
    });
  });
});
