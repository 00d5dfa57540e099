import { DISTRICTS } from '../catalog/districts.ts';
import type { Catalog } from '../catalog/schema.ts';
import type { CounterKey } from '../events/live-counters.ts';

/** A name in both languages, as the dashboard shows it. */
interface Bilingual {
  en: string;
  te: string;
}

/** One row of a ranking: a service, district, department or office, with today's count. */
interface Ranked {
  id: string;
  name: Bilingual;
  count: number;
}

/** What `/dashboard/api/figures` answers: today's live figures, and the days before for trends. */
export interface DashboardFigures {
  generatedAt: string;
  /** India date the figures are for. */
  day: string;
  totals: {
    messagesIn: number;
    messagesOut: number;
    messagesFailed: number;
    applications: number;
    issued: number;
    rejected: number;
    slaBreaches: number;
    payments: number;
    paidRupees: number;
    revoked: number;
    /** Mean minutes from submission to the document, over today's documents; null before the first. */
    averageMinutesToIssue: number | null;
  };
  /** Messages received in each hour of the day, India time (index 0 = 00:00–00:59). */
  hours: number[];
  services: Ranked[];
  departments: Ranked[];
  districts: Ranked[];
  breachOffices: Ranked[];
  /** Oldest first, ending today. */
  trend: { day: string; applications: number; issued: number; messagesIn: number }[];
}

/** How many rows each ranking keeps: what fits on a projector beside the charts. */
export const RANKING_ROWS = 8;

/** The catalog's and the forms' names for the ids counters are kept by. */
export interface FigureNames {
  service(id: string): Bilingual;
  department(id: string): Bilingual;
  district(id: string): Bilingual;
}

export function namesFrom(catalog: Catalog): FigureNames {
  const services = new Map(catalog.services.map((s) => [s.id, s.name]));
  const departments = new Map(catalog.departments.map((d) => [d.id, d.name]));
  const districts = new Map(DISTRICTS.map((o) => [o.id, o.label]));
  const same = (id: string): Bilingual => ({ en: id, te: id });
  return {
    service: (id) => services.get(id) ?? same(id),
    department: (id) => departments.get(id) ?? same(id),
    district: (id) => districts.get(id) ?? same(id),
  };
}

/**
 * The dashboard's figures from the live counters (lambdas/core/events/live-counters.ts): `days` holds each day's
 * counters by name, oldest first, the last being today.
 */
export function dashboardFigures(
  days: readonly { day: string; counters: Readonly<Record<CounterKey, number>> }[],
  names: FigureNames,
  now: Date,
): DashboardFigures {
  const today = days.at(-1) ?? { day: '', counters: {} };
  const c = (name: string) => today.counters[name] ?? 0;
  const issued = c('issued');
  const ranked = (prefix: string, name: (id: string) => Bilingual): Ranked[] =>
    Object.entries(today.counters)
      .filter(([key, count]) => key.startsWith(`${prefix}#`) && count > 0)
      .map(([key, count]) => {
        const id = key.slice(prefix.length + 1);
        return { id, name: name(id), count };
      })
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
      .slice(0, RANKING_ROWS);
  return {
    generatedAt: now.toISOString(),
    day: today.day,
    totals: {
      messagesIn: c('messages-in'),
      messagesOut: c('messages-out'),
      messagesFailed: c('messages-failed'),
      applications: c('applications'),
      issued,
      rejected: c('rejected'),
      slaBreaches: c('sla-breaches'),
      payments: c('payments'),
      paidRupees: c('paid-paise') / 100,
      revoked: c('revoked'),
      averageMinutesToIssue: issued > 0 ? Math.round(c('seconds-to-issue') / issued / 6) / 10 : null,
    },
    hours: Array.from({ length: 24 }, (_, hour) => c(`hour#${String(hour).padStart(2, '0')}`)),
    services: ranked('service', names.service),
    departments: ranked('department', names.department),
    districts: ranked('district', names.district),
    breachOffices: ranked('breach-office', (id) => names.department(id)),
    trend: days.map(({ day, counters }) => ({
      day,
      applications: counters.applications ?? 0,
      issued: counters.issued ?? 0,
      messagesIn: counters['messages-in'] ?? 0,
    })),
  };
}

/** The India dates of the `count` days ending with the one `now` falls on, oldest first. */
export function daysEnding(today: string, count: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}
