import { describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '#core/conversation/context.ts';
import { turnNeeds } from '#core/conversation/converse.ts';
import { Citizen } from './citizen.ts';

const GRIEVANCE = 'AP-0000000000GR';

/** A power-supply grievance resolved `minutes` after the citizen's last message (negative: before it). */
function resolved(citizen: Citizen, minutes: number, state = 'resolved'): ApplicationSummary[] {
  const last = Date.parse(citizen.session.lastActiveAt ?? citizen.now.toISOString());
  return [
    {
      applicationId: GRIEVANCE,
      serviceId: 'energy.power-complaint',
      state,
      submittedAt: '2026-11-27T10:00:00.000Z',
      slaDays: 3,
      resolvedAt: new Date(last + minutes * 60_000).toISOString(),
    },
  ];
}

/** A citizen who registered a grievance in the chat a day ago. */
function filer(): Citizen {
  const citizen = new Citizen().ready();
  citizen.session = {
    ...citizen.session,
    grievanceFiledAt: new Date(citizen.now.getTime() - 86_400_000).toISOString(),
  };
  return citizen;
}

describe('rating a resolved grievance by typing', () => {
  it('reads a bare 1 to 5, Telugu digits too, as the rating of the grievance resolved since the citizen last wrote', () => {
    for (const [typed, rating] of [
      ['4', 4],
      ['౫', 5],
      [' 1 ', 1],
    ] as const) {
      const citizen = filer();
      const applications = resolved(citizen, 30);
      citizen.advance(60);
      const needs = turnNeeds(
        citizen.session,
        { messageId: 'wamid.x', waId: citizen.waId, sentAt: citizen.now, content: { type: 'text', text: typed } },
        citizen.now,
      );
      expect(needs.applications).toBe(true);
      citizen.text(typed, { applications });
      expect(citizen.turn.effects).toEqual([
        {
          type: 'grievance-task',
          waId: citizen.waId,
          applicationId: GRIEVANCE,
          action: 'rate',
          rating,
          language: 'en',
        },
      ]);
    }
  });

  it('leaves a digit meaning what it meant when no grievance waits for its rating', () => {
    for (const applications of [
      (c: Citizen) => resolved(c, -30),
      (c: Citizen) => resolved(c, 30, 'closed'),
      () => [],
    ]) {
      const citizen = filer();
      const listed = applications(citizen);
      citizen.advance(60);
      citizen.text('6', { applications: listed });
      expect(citizen.turn.effects).toEqual([]);
      citizen.text('1', { applications: listed });
      expect(citizen.turn.effects.some((e) => e.type === 'grievance-task')).toBe(false);
    }
  });

  it('never looks up the applications of a citizen who has filed no grievance for a typed menu number', () => {
    const citizen = new Citizen().ready();
    const typed = {
      messageId: 'wamid.y',
      waId: citizen.waId,
      sentAt: citizen.now,
      content: { type: 'text', text: '1' },
    };
    expect(turnNeeds(citizen.session, typed as Parameters<typeof turnNeeds>[1], citizen.now).applications).toBe(false);
    citizen.text('1', { applications: resolved(citizen, 30) });
    expect(citizen.turn.effects.some((e) => e.type === 'grievance-task')).toBe(false);
  });

  it('never reads a rating out of a form’s answer', () => {
    const citizen = filer();
    const applications = resolved(citizen, 30);
    citizen.tap('svc:energy.power-complaint');
    citizen.advance(1);
    citizen.text('3', { applications });
    expect(citizen.turn.effects).toEqual([]);
  });
});
