import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '#core/catalog/rules.ts';
import type { InboundContent, Reply } from '#core/conversation/messages.ts';
import { type Session, SessionSchema } from '#core/conversation/session.ts';
import { Citizen, services } from './citizen.ts';

const TELUGU_DIGITS = '౦౧౨౩౪౫౬౭౮౯';
const telugu = (n: number) => [...String(n)].map((d) => TELUGU_DIGITS[Number(d)]).join('');

/** Every Graph API limit a reply must keep, checked independently of the code that builds replies. */
function withinLimits(reply: Reply): boolean {
  switch (reply.type) {
    case 'text':
      return reply.text.length <= LIMITS.text;
    case 'buttons':
      return (
        reply.body.length <= LIMITS.body &&
        reply.buttons.length <= 3 &&
        reply.buttons.every((b) => b.title.length <= LIMITS.button && b.id.length <= LIMITS.buttonId)
      );
    case 'list': {
      const rows = reply.sections.flatMap((s) => s.rows);
      return (
        reply.body.length <= LIMITS.body &&
        reply.button.length <= LIMITS.button &&
        rows.length >= 1 &&
        rows.length <= 10 &&
        new Set(rows.map((r) => r.id)).size === rows.length &&
        reply.sections.every((s) => s.title.length <= LIMITS.sectionTitle) &&
        rows.every(
          (r) =>
            r.title.length <= LIMITS.rowTitle &&
            (r.description ?? '').length <= LIMITS.rowDescription &&
            r.id.length <= LIMITS.rowId,
        )
      );
    }
    default:
      return true;
  }
}

const anyInput: fc.Arbitrary<{ content: InboundContent; advance: number } | { tapShown: number }> = fc.oneof(
  fc.record({
    content: fc.oneof(
      fc.string({ maxLength: 40 }).map((text) => ({ type: 'text', text }) as InboundContent),
      fc
        .constantFrom(
          'Hi',
          'menu',
          'STOP',
          'START',
          'help',
          'language',
          'status',
          'back',
          'cancel',
          '1',
          '2',
          '3',
          '9',
          '10',
          '11',
          '౨',
          'నమస్తే',
          'ఆదాయ',
          'bus',
          '234567890124',
          '123456',
          'Ravi Kumar',
          '15-08-1990',
          '9876543210',
        )
        .map((text) => ({ type: 'text', text }) as InboundContent),
      fc
        .constantFrom('lang:en~1', 'confirm', 'more~3', 'svc:nope~2', 'dept:revenue~0', 'consent:yes~2', 'opt:x~9')
        .map((id) => ({ type: 'choice', id, title: id }) as InboundContent),
      fc.constant({ type: 'media', mediaType: 'image', mediaId: 'm' } as InboundContent),
    ),
    advance: fc.constantFrom(0, 0, 0, 5, 45),
  }),
  fc.record({ tapShown: fc.nat(12) }),
);

describe('conversation invariants', () => {
  it('leaves a valid session, and only replies within the Graph API limits, after any sequence of inputs', () => {
    fc.assert(
      fc.property(fc.array(anyInput, { maxLength: 25 }), (inputs) => {
        const citizen = new Citizen();
        for (const input of inputs) {
          if ('tapShown' in input) {
            const action =
              citizen.session.menu.options[input.tapShown % Math.max(1, citizen.session.menu.options.length)];
            if (action)
              citizen.tap(action, { otpRequest: { ok: true, txnId: 't' }, otpCheck: { ok: true, valid: false } });
          } else {
            citizen.advance(input.advance);
            citizen.send(input.content, { otpRequest: { ok: true, txnId: 't' }, otpCheck: { ok: true, valid: true } });
          }
          expect(() => SessionSchema.parse(citizen.session)).not.toThrow();
          for (const reply of citizen.replies) expect(withinLimits(reply), JSON.stringify(reply)).toBe(true);
          expect(JSON.stringify(withoutNumberFields(citizen.session))).not.toContain('234567890124');
        }
        expect(citizen.session.version).toBe(citizen.turn.session.version);
      }),
      { numRuns: 300 },
    );
  });

  it('pages through every department, and every department through each of its services, exactly once', () => {
    for (const language of ['en', 'te'] as const) {
      const citizen = new Citizen().ready(language);
      const departments = collectPages(citizen, 'dept:');
      expect(departments).toEqual(services.departments.map((d) => `dept:${d.id}`));
      const seen: string[] = [];
      for (const department of services.departments) {
        citizen.text('menu');
        citizen.tap(`dept:${department.id}`);
        seen.push(...collectPages(citizen, 'svc:'));
      }
      expect(seen).toEqual(services.services.map((s) => `svc:${s.id}`));
      expect(new Set(seen).size).toBe(161);
    }
  });

  it('picks the same option for a number typed in Telugu digits as in Latin digits, on any page', () => {
    fc.assert(
      fc.property(fc.nat(3), fc.integer({ min: 1, max: 10 }), fc.constantFrom('en', 'te'), (pages, n, language) => {
        const latin = new Citizen().ready(language as 'en' | 'te');
        const teluguDigits = new Citizen().ready(language as 'en' | 'te');
        for (let i = 0; i < pages; i++) {
          latin.tap('more');
          teluguDigits.text(telugu(10));
        }
        latin.text(String(n));
        teluguDigits.text(telugu(n));
        expect(teluguDigits.session.step).toEqual(latin.session.step);
      }),
    );
  });
});

/** Follows "More" to the end of a paged list, collecting the options of the given kind. */
function collectPages(citizen: Citizen, prefix: string): string[] {
  const found: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    const options = citizen.session.menu.options;
    expect(options.length).toBeLessThanOrEqual(10);
    found.push(...options.filter((o) => o.startsWith(prefix)));
    if (!options.includes('more')) return found;
    citizen.tap('more');
  }
  throw new Error('paging never ended');
}

/**
 * The session without answers to `number` fields (consumer, assessment, reference numbers): a 12-digit number typed
 * there cannot be told apart from an Aadhaar number, so that is the one place the invariant does not reach.
 */
function withoutNumberFields(session: Session): Session {
  const strip = (serviceId: string, values: Record<string, string>) => {
    const service = services.services.find((s) => s.id === serviceId);
    const numbers = new Set(service?.fields.filter((f) => f.type === 'number').map((f) => f.id));
    return Object.fromEntries(Object.entries(values).filter(([id]) => !numbers.has(id)));
  };
  const { step } = session;
  if ('values' in step) return { ...session, step: { ...step, values: strip(step.serviceId, step.values) } };
  if ('purpose' in step && step.purpose.name === 'submit') {
    const purpose = { ...step.purpose, values: strip(step.purpose.serviceId, step.purpose.values) };
    return { ...session, step: { ...step, purpose } };
  }
  return session;
}
