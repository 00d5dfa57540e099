import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageOf, positionOf } from '#core/conversation/paging.ts';
import { Citizen } from './citizen.ts';

describe('paged menus', () => {
  it('offers "Previous page" on every page after the first, besides "More", and goes back with it', () => {
    const citizen = new Citizen().ready();
    const first = citizen.list.sections[0]!.rows.map((r) => r.id.split('~')[0]);
    expect(first).not.toContain('previous');
    expect(first.at(-1)).toBe('more');
    citizen.tap('more');
    const second = citizen.list.sections[0]!.rows.map((r) => r.id.split('~')[0]);
    expect(second.slice(-2)).toEqual(['previous', 'more']);
    expect(citizen.said).toContain('9. Previous page\n10. More…');
    citizen.tap('previous');
    expect(citizen.session.step).toEqual({ name: 'menu', page: 0 });
    expect(citizen.list.sections[0]!.rows.map((r) => r.id.split('~')[0])).toEqual(first);
  });

  it('goes back a page of a choice question by typed number, in Telugu too', () => {
    const citizen = new Citizen().ready('te');
    citizen.tap('svc:revenue.family-member-certificate');
    citizen.text('Ravi Kumar');
    citizen.tap('opt:son-of');
    citizen.text('Rama Rao');
    citizen.text('234567890124');
    citizen.text('తెనాలి');
    citizen.text('తెనాలి');
    const first = citizen.list.sections[0]!.rows.map((r) => r.title);
    citizen.text('౧౦');
    expect(citizen.session.step).toMatchObject({ name: 'form', page: 1 });
    expect(citizen.said).toContain('మునుపటి పేజీ');
    citizen.text('౯');
    expect(citizen.session.step).toMatchObject({ name: 'form', page: 0 });
    expect(citizen.list.sections[0]!.rows.map((r) => r.title)).toEqual(first);
  });

  it('refuses a "Previous page" tapped on an earlier menu', () => {
    const citizen = new Citizen().ready();
    citizen.tap('more');
    const token = citizen.session.menu.token;
    citizen.tap('more');
    citizen.tapOld('previous', token);
    expect(citizen.said).toContain('earlier message');
    expect(citizen.session.step).toEqual({ name: 'menu', page: 2 });
  });

  it('shows every item exactly once, in order, within 10 rows a page, at the position it says', () => {
    fc.assert(
      fc.property(fc.nat(200), (count) => {
        const items = Array.from({ length: count }, (_, i) => i);
        const first = pageOf(items, 0);
        const seen: number[] = [];
        for (let page = 0; page < first.pages; page++) {
          const shown = pageOf(items, page);
          expect(shown.items.length + Number(shown.more) + Number(shown.previous)).toBeLessThanOrEqual(10);
          expect(shown.previous).toBe(page > 0);
          if (count > 0) expect(shown.items.length).toBeGreaterThan(0);
          shown.items.forEach((item, row) => {
            expect(positionOf(count, item)).toEqual({ page, row });
          });
          seen.push(...shown.items);
        }
        expect(seen).toEqual(items);
      }),
    );
  });
});
