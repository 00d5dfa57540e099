import { describe, expect, it } from 'vitest';
import { type CheckContext, checkOutbound, LIMITS } from '../../local/whatsapp/limits.ts';

const ctx: CheckContext = { mediaExists: (id) => id === '1234567890123456' };
const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '919876543210' };

/** A string of exactly `units` UTF-16 code units made of the given one- or two-unit character. */
function units(count: number, char = 'a'): string {
  if (char.length === 2) return char.repeat(Math.floor(count / 2)) + (count % 2 ? 'a' : '');
  return char.repeat(count);
}

function list(overrides: {
  body?: string;
  header?: string;
  footer?: string;
  button?: string;
  sections?: unknown[];
}): Record<string, unknown> {
  return {
    ...base,
    type: 'interactive',
    interactive: {
      type: 'list',
      ...(overrides.header !== undefined ? { header: { type: 'text', text: overrides.header } } : {}),
      body: { text: overrides.body ?? 'Choose a department' },
      ...(overrides.footer !== undefined ? { footer: { text: overrides.footer } } : {}),
      action: {
        button: overrides.button ?? 'Departments',
        sections: overrides.sections ?? [{ title: 'Revenue', rows: [{ id: 'rev', title: 'Revenue' }] }],
      },
    },
  };
}

function listRow(row: Record<string, unknown>): Record<string, unknown> {
  return list({ sections: [{ title: 'Section', rows: [row] }] });
}

function buttons(items: Array<{ id: string; title: string }>): Record<string, unknown> {
  return {
    ...base,
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: 'Confirm?' },
      action: { buttons: items.map((reply) => ({ type: 'reply', reply })) },
    },
  };
}

const rows = (count: number, prefix = 'r') =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));

interface LimitCase {
  name: string;
  limit: number;
  build: (value: string) => unknown;
}

const LENGTH_CASES: LimitCase[] = [
  { name: 'text body', limit: LIMITS.textBody, build: (v) => ({ ...base, type: 'text', text: { body: v } }) },
  { name: 'list body', limit: LIMITS.interactiveBody, build: (v) => list({ body: v }) },
  { name: 'list header', limit: LIMITS.headerText, build: (v) => list({ header: v }) },
  { name: 'list footer', limit: LIMITS.footerText, build: (v) => list({ footer: v }) },
  { name: 'list button', limit: LIMITS.listButton, build: (v) => list({ button: v }) },
  {
    name: 'section title',
    limit: LIMITS.sectionTitle,
    build: (v) => list({ sections: [{ title: v, rows: [{ id: 'a', title: 'A' }] }] }),
  },
  { name: 'row title', limit: LIMITS.rowTitle, build: (v) => listRow({ id: 'a', title: v }) },
  {
    name: 'row description',
    limit: LIMITS.rowDescription,
    build: (v) => listRow({ id: 'a', title: 'A', description: v }),
  },
  { name: 'row id', limit: LIMITS.rowId, build: (v) => listRow({ id: v, title: 'A' }) },
  { name: 'reply button title', limit: LIMITS.replyButtonTitle, build: (v) => buttons([{ id: 'yes', title: v }]) },
  { name: 'reply button id', limit: LIMITS.replyButtonId, build: (v) => buttons([{ id: v, title: 'Yes' }]) },
  {
    name: 'reply button body',
    limit: LIMITS.interactiveBody,
    build: (v) => {
      const message = buttons([{ id: 'yes', title: 'Yes' }]) as { interactive: { body: { text: string } } };
      message.interactive.body.text = v;
      return message;
    },
  },
  {
    name: 'document caption',
    limit: LIMITS.caption,
    build: (v) => ({ ...base, type: 'document', document: { id: '1234567890123456', filename: 'c.pdf', caption: v } }),
  },
  {
    name: 'image caption',
    limit: LIMITS.caption,
    build: (v) => ({ ...base, type: 'image', image: { link: 'https://example.org/a.jpg', caption: v } }),
  },
];

describe('local Graph API limits', () => {
  describe.each(LENGTH_CASES)('$name (limit $limit)', ({ limit, build }) => {
    it('accepts exactly the limit in ASCII, Telugu and emoji', () => {
      for (const char of ['a', 'త', '😀']) {
        const value = units(limit, char);
        expect(value.length).toBe(limit);
        expect(checkOutbound(build(value), ctx)).toMatchObject({ ok: true });
      }
    });

    it('rejects one UTF-16 unit over the limit with 131009', () => {
      for (const char of ['a', 'త', '😀']) {
        const result = checkOutbound(build(units(limit + 1, char)), ctx);
        expect(result).toMatchObject({ ok: false, code: 131009 });
        expect(result.ok ? '' : result.details).toContain(`maximum is ${limit}`);
      }
    });
  });

  it('counts an emoji as two units, so half the limit in emoji plus one is over', () => {
    const elevenEmoji = '😀'.repeat(11); // 11 characters a person would count, 22 UTF-16 units
    expect(checkOutbound(buttons([{ id: 'x', title: elevenEmoji }]), ctx)).toMatchObject({ ok: false, code: 131009 });
    const twentyFourTelugu = 'మీసేవ'.repeat(5).slice(0, 24); // Telugu letters and signs are one unit each
    expect(checkOutbound(listRow({ id: 'a', title: twentyFourTelugu }), ctx)).toMatchObject({ ok: true });
  });

  it('allows 10 sections and 10 rows in total, not 11', () => {
    const tenSections = Array.from({ length: 10 }, (_, i) => ({
      title: `S${i}`,
      rows: [{ id: `r${i}`, title: 'Row' }],
    }));
    expect(checkOutbound(list({ sections: tenSections }), ctx)).toMatchObject({ ok: true });
    const elevenSections = [...tenSections, { title: 'S10', rows: [{ id: 'r10', title: 'Row' }] }];
    expect(checkOutbound(list({ sections: elevenSections }), ctx)).toMatchObject({ ok: false, code: 131009 });

    expect(checkOutbound(list({ sections: [{ title: 'A', rows: rows(10) }] }), ctx)).toMatchObject({ ok: true });
    const split = [
      { title: 'A', rows: rows(6, 'a') },
      { title: 'B', rows: rows(5, 'b') },
    ];
    const over = checkOutbound(list({ sections: split }), ctx);
    expect(over).toMatchObject({ ok: false, code: 131009 });
    expect(over.ok ? '' : over.details).toContain('more than 10 rows');
  });

  it('rejects duplicate row ids across sections and duplicate button ids', () => {
    const duplicateRows = [
      { title: 'A', rows: [{ id: 'same', title: 'One' }] },
      { title: 'B', rows: [{ id: 'same', title: 'Two' }] },
    ];
    expect(checkOutbound(list({ sections: duplicateRows }), ctx)).toMatchObject({ ok: false, code: 131009 });
    const duplicateButtons = buttons([
      { id: 'yes', title: 'Yes' },
      { id: 'yes', title: 'Sure' },
    ]);
    expect(checkOutbound(duplicateButtons, ctx)).toMatchObject({ ok: false, code: 131009 });
  });

  it('allows three reply buttons, not four', () => {
    const three = [1, 2, 3].map((i) => ({ id: `b${i}`, title: `B${i}` }));
    expect(checkOutbound(buttons(three), ctx)).toMatchObject({ ok: true });
    expect(checkOutbound(buttons([...three, { id: 'b4', title: 'B4' }]), ctx)).toMatchObject({
      ok: false,
      code: 131009,
    });
  });

  it('needs a title on every section once there are several', () => {
    const untitled = [{ rows: [{ id: 'a', title: 'A' }] }, { title: 'B', rows: [{ id: 'b', title: 'B' }] }];
    expect(checkOutbound(list({ sections: untitled }), ctx)).toMatchObject({ ok: false, code: 131008 });
    expect(checkOutbound(list({ sections: [{ rows: [{ id: 'a', title: 'A' }] }] }), ctx)).toMatchObject({ ok: true });
  });

  it('checks documents: a known media id or a link, never both, never an unknown id', () => {
    const doc = (document: Record<string, unknown>) => ({ ...base, type: 'document', document });
    expect(checkOutbound(doc({ id: '1234567890123456', filename: 'c.pdf' }), ctx)).toMatchObject({ ok: true });
    expect(checkOutbound(doc({ link: 'https://example.org/c.pdf' }), ctx)).toMatchObject({ ok: true });
    expect(checkOutbound(doc({ id: '999', filename: 'c.pdf' }), ctx)).toMatchObject({ ok: false, code: 131009 });
    expect(checkOutbound(doc({ id: '1234567890123456', link: 'https://example.org/c.pdf' }), ctx)).toMatchObject({
      ok: false,
      code: 131008,
    });
  });

  it('reports missing pieces with Meta codes: 100 for the envelope, 131008 for a required parameter', () => {
    expect(checkOutbound({ to: '919876543210', type: 'text', text: { body: 'hi' } }, ctx)).toMatchObject({
      ok: false,
      code: 100,
    });
    expect(checkOutbound({ ...base, type: 'text' }, ctx)).toMatchObject({ ok: false, code: 131008 });
    expect(checkOutbound({ ...base, type: 'text', text: { body: '' } }, ctx)).toMatchObject({
      ok: false,
      code: 131009,
    });
    expect(checkOutbound({ ...base, type: 'carousel' }, ctx)).toMatchObject({ ok: false, code: 100 });
    expect(checkOutbound({ ...base, to: 'abc', type: 'text', text: { body: 'hi' } }, ctx)).toMatchObject({
      ok: false,
      code: 100,
    });
  });

  it('treats a message without type as text, as Meta does', () => {
    expect(checkOutbound({ ...base, text: { body: 'hi' } }, ctx)).toMatchObject({
      ok: true,
      type: 'text',
      waId: '919876543210',
    });
  });

  it('recognises templates and the mark-as-read call', () => {
    const template = { ...base, type: 'template', template: { name: 'status_update', language: { code: 'te' } } };
    expect(checkOutbound(template, ctx)).toMatchObject({
      ok: true,
      template: { name: 'status_update', language: 'te' },
    });
    const read = {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.X',
      typing_indicator: { type: 'text' },
    };
    expect(checkOutbound(read, ctx)).toEqual({ ok: true, kind: 'read', messageId: 'wamid.X', typing: true });
  });
});
