import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { dashboardFigures, daysEnding, namesFrom, RANKING_ROWS } from '#core/dashboard/figures.ts';

const names = namesFrom(catalog());
const NOW = new Date('2026-12-05T06:30:00Z');

describe("the dashboard's figures from the live counters", () => {
  const today = {
    day: '2026-12-05',
    counters: {
      'messages-in': 120,
      'messages-out': 118,
      'messages-failed': 2,
      applications: 9,
      issued: 4,
      'seconds-to-issue': 4 * 150,
      'sla-breaches': 1,
      'paid-paise': 12_345_00,
      payments: 3,
      'service#revenue.income-certificate': 5,
      'service#revenue.caste-certificate': 3,
      'service#no-such.service': 1,
      'district#guntur': 6,
      'district#krishna': 3,
      'department#revenue': 8,
      'breach-office#revenue': 1,
      'hour#09': 70,
      'hour#11': 50,
    },
  };
  const yesterday = { day: '2026-12-04', counters: { applications: 20, issued: 18, 'messages-in': 300 } };
  const figures = dashboardFigures([yesterday, today], names, NOW);

  it('gives today’s totals, with rupees from paise and the mean minutes to a document', () => {
    expect(figures.day).toBe('2026-12-05');
    expect(figures.totals).toEqual({
      messagesIn: 120,
      messagesOut: 118,
      messagesFailed: 2,
      applications: 9,
      issued: 4,
      rejected: 0,
      slaBreaches: 1,
      payments: 3,
      paidRupees: 12_345,
      revoked: 0,
      averageMinutesToIssue: 2.5,
    });
  });

  it('ranks services and districts by today’s count, named in English and Telugu from the catalog', () => {
    expect(figures.services.map((s) => [s.id, s.count])).toEqual([
      ['revenue.income-certificate', 5],
      ['revenue.caste-certificate', 3],
      ['no-such.service', 1],
    ]);
    expect(figures.services[0]!.name.en).toMatch(/Income/);
    expect(figures.services[0]!.name.te).toMatch(/[\u0C00-\u0C7F]/);
    // An id the catalog no longer has is shown as it is, not dropped.
    expect(figures.services[2]!.name).toEqual({ en: 'no-such.service', te: 'no-such.service' });
    expect(figures.districts.map((d) => [d.name.en, d.name.te, d.count])).toEqual([
      ['Guntur', 'గుంటూరు', 6],
      ['Krishna', 'కృష్ణా', 3],
    ]);
    expect(figures.breachOffices).toEqual([{ id: 'revenue', name: names.department('revenue'), count: 1 }]);
  });

  it('keeps at most a screen’s worth of rows in a ranking', () => {
    const many = Object.fromEntries(
      catalog()
        .services.slice(0, 20)
        .map((s, i) => [`service#${s.id}`, i + 1]),
    );
    const ranked = dashboardFigures([{ day: '2026-12-05', counters: many }], names, NOW).services;
    expect(ranked).toHaveLength(RANKING_ROWS);
    expect(ranked[0]!.count).toBe(20);
  });

  it('counts messages by hour of the India day and gives the trend oldest first', () => {
    expect(figures.hours).toHaveLength(24);
    expect(figures.hours[9]).toBe(70);
    expect(figures.hours[11]).toBe(50);
    expect(figures.hours.reduce((a, b) => a + b)).toBe(120);
    expect(figures.trend).toEqual([
      { day: '2026-12-04', applications: 20, issued: 18, messagesIn: 300 },
      { day: '2026-12-05', applications: 9, issued: 4, messagesIn: 120 },
    ]);
  });

  it('says there is no mean time before the first document of the day', () => {
    const quiet = dashboardFigures([{ day: '2026-12-05', counters: { applications: 2 } }], names, NOW);
    expect(quiet.totals.averageMinutesToIssue).toBeNull();
    expect(quiet.services).toEqual([]);
  });
});

describe('the days of a trend', () => {
  it('ends on the given day and crosses month ends', () => {
    expect(daysEnding('2026-03-02', 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
