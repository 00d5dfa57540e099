import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reply } from '#core/conversation/messages.ts';
import { fitReply, LIMITS, type OutboundReply, violations } from '#core/whatsapp/limits.ts';
import { graphPayload } from '#core/whatsapp/outbound.ts';
import { ELLIPSIS, fitText, isGraphemePrefix } from '#core/whatsapp/text-units.ts';

// Telugu conjuncts (consonant + virama + consonant), emoji with skin tones and ZWJ families, flags, combining
// marks: the graphemes a careless cut breaks.
const pieces = ['క్ష', 'శ్రీ', 'న', 'మ', 'స్తే', '👍🏽', '👨‍👩‍👧', '🇮🇳', 'é', 'a', ' ', '\n', '1', 'ñ', '😀'];
const awkwardText = (maxPieces = 400) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: maxPieces }).map((parts) => parts.join(''));
const anyText = fc.oneof(awkwardText(), fc.string({ unit: 'grapheme', maxLength: 300 }));

describe('fitText', () => {
  it('never exceeds the limit in UTF-16 code units, and cuts only between graphemes', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 120 }), (text, max) => {
        const fitted = fitText(text, max);
        expect(fitted.length).toBeLessThanOrEqual(max);
        if (text.length <= max) {
          expect(fitted).toBe(text);
        } else {
          expect(fitted.endsWith(ELLIPSIS)).toBe(true);
          const kept = fitted.slice(0, -ELLIPSIS.length);
          expect(text.startsWith(kept)).toBe(true);
          expect(isGraphemePrefix(text, kept.length)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('counts an emoji as two units, as the stricter count does', () => {
    expect(fitText('😀😀😀', 5)).toBe('😀😀…');
    expect(fitText('😀😀', 4)).toBe('😀😀');
  });

  it('keeps a Telugu conjunct whole rather than cutting after its virama', () => {
    const fitted = fitText('శ్రీనివాస', 5);
    expect(['శ్రీ…', '…']).toContain(fitted);
    expect(fitted).not.toMatch(/్…$/);
  });
});

const row = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
    title: anyText.filter((s) => s.trim() !== ''),
    description: anyText,
  },
  { requiredKeys: ['id', 'title'] },
);
const nonEmpty = anyText.filter((s) => s.trim() !== '');
const reply: fc.Arbitrary<Reply> = fc.oneof(
  fc.record({ type: fc.constant('text' as const), text: fc.oneof(nonEmpty, fc.constant('న'.repeat(5000))) }),
  fc.record({
    type: fc.constant('list' as const),
    body: nonEmpty,
    button: nonEmpty,
    header: nonEmpty,
    footer: nonEmpty,
    sections: fc.array(fc.record({ title: nonEmpty, rows: fc.array(row, { minLength: 1, maxLength: 4 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({
    type: fc.constant('buttons' as const),
    body: nonEmpty,
    buttons: fc.uniqueArray(fc.record({ id: fc.uuid(), title: nonEmpty }), {
      minLength: 1,
      maxLength: 4,
      selector: (b) => b.id,
    }),
  }),
  fc.record({
    type: fc.constant('document' as const),
    archiveKey: fc.constant('certificates/2026/11/28/x.pdf'),
    filename: fc.string({ minLength: 1, maxLength: 300 }).map((s) => `${s.replace(/\./g, '')}x.pdf`),
    caption: anyText,
  }),
);

describe('fitReply', () => {
  it('either fits a reply entirely within Meta limits or names a problem; nothing over a limit passes', () => {
    fc.assert(
      fc.property(reply, (r) => {
        const { reply: fitted, problems } = fitReply(r);
        if (problems.length === 0) {
          expect(violations(fitted)).toEqual([]);
          checkPayloadIndependently(
            graphPayload('919876543210', fitted as Exclude<Reply, { type: 'document' | 'media' }>),
          );
        } else {
          expect(problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('names the structural problems that cutting cannot fix', () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
    expect(
      fitReply({ type: 'list', body: 'b', button: 'Choose', sections: [{ title: 's', rows }] }).problems,
    ).toContain('list needs 1 to 10 rows');
    expect(
      fitReply({
        type: 'buttons',
        body: 'b',
        buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })),
      }).problems,
    ).toContain('reply buttons need 1 to 3 buttons');
    expect(fitReply({ type: 'text', text: '   ' }).problems).toContain('text body is empty');
    expect(
      fitReply({ type: 'buttons', body: 'b', buttons: [{ id: 'x'.repeat(257), title: 'ok' }] }).problems,
    ).toContain('button id longer than 256');
  });

  it('cleans template parameters of new lines and long runs of spaces, which Meta refuses', () => {
    const template: OutboundReply = {
      type: 'template',
      name: 'mitra_update',
      language: 'te',
      parameters: ['line one\nline two\t      end'],
    };
    const { reply: fitted, problems } = fitReply(template);
    expect(problems).toEqual([]);
    expect((fitted as { parameters: string[] }).parameters[0]).toBe('line one · line two · end');
  });
});

/** A second reading of the limits straight off the Graph payload, so the fitter is not checked only by itself. */
function checkPayloadIndependently(payload: Record<string, unknown>): void {
  const p = payload as {
    type?: string;
    text?: { body: string };
    interactive?: {
      type: string;
      body: { text: string };
      header?: { text: string };
      footer?: { text: string };
      action: {
        button?: string;
        sections?: { title: string; rows: { id: string; title: string; description?: string }[] }[];
        buttons?: { reply: { id: string; title: string } }[];
      };
    };
    document?: { caption?: string };
  };
  if (p.type === 'text') expect(p.text!.body.length).toBeLessThanOrEqual(LIMITS.textBody);
  if (p.type === 'document') expect((p.document!.caption ?? '').length).toBeLessThanOrEqual(1024);
  if (p.type === 'interactive') {
    const i = p.interactive!;
    expect(i.body.text.length).toBeLessThanOrEqual(1024);
    expect((i.header?.text ?? '').length).toBeLessThanOrEqual(60);
    expect((i.footer?.text ?? '').length).toBeLessThanOrEqual(60);
    if (i.type === 'list') {
      expect(i.action.button!.length).toBeLessThanOrEqual(20);
      const rows = i.action.sections!.flatMap((s) => s.rows);
      expect(rows.length).toBeLessThanOrEqual(10);
      for (const s of i.action.sections!) expect(s.title.length).toBeLessThanOrEqual(24);
      for (const r of rows) {
        expect(r.title.length).toBeLessThanOrEqual(24);
        expect((r.description ?? '').length).toBeLessThanOrEqual(72);
        expect(r.id.length).toBeLessThanOrEqual(200);
      }
    } else {
      expect(i.action.buttons!.length).toBeLessThanOrEqual(3);
      for (const b of i.action.buttons!) expect(b.reply.title.length).toBeLessThanOrEqual(20);
    }
  }
}
