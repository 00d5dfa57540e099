import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { messageHash, NO_RECENT_MESSAGES, packRing, remember } from '#core/conversation/recent-messages.ts';
import { eventsFromTableChange } from '#core/events/from-table-change.ts';
import { citizenToken, indiaDate, LakeEventSchema } from '#core/events/lake-event.ts';
import { countersOf } from '#core/events/live-counters.ts';
import { packReplies } from '#core/whatsapp/turn-replies.ts';

const context = { tokenKey: 'a-test-key-of-at-least-thirty-two-characters', catalog: catalog() };
const waId = '919876543210';
const application = {
  pk: 'APP#A1',
  sk: 'APP',
  kind: 'application',
  applicationId: 'A1',
  serviceId: 'revenue.income-certificate',
  serviceKind: 'certificate',
  waId,
  language: 'te',
  values: { 'applicant-name': 'Ravi Kumar Reddy', aadhaar: '234567890124', district: 'guntur', mandal: 'Tenali 1' },
  submittedAt: '2026-12-04T20:00:00.000Z',
  history: [{ transition: 'submit', to: 'received', at: '2026-12-04T20:00:00.000Z', actor: { type: 'citizen' } }],
};

describe('lake events from table changes', () => {
  it('tokenises the citizen and drops names, Aadhaar numbers and other answers', () => {
    const [event] = eventsFromTableChange({ eventName: 'INSERT', newImage: application }, context);
    expect(event).toMatchObject({
      type: 'application.submitted',
      event_id: 'application:A1:0',
      citizen: citizenToken(context.tokenKey, waId),
      department: 'revenue',
      district: 'guntur',
      mandal: 'tenali',
      office: 'revenue/guntur',
      // 01:30 in India on the 5th, though the 4th in UTC: the state's working day.
      dt: '2026-12-05',
    });
    const text = JSON.stringify(event);
    for (const personal of [waId, 'Ravi', '234567890124']) expect(text).not.toContain(personal);
  });

  it('gives each new history entry one event, with the same ids when the change is delivered again', () => {
    const later = {
      ...application,
      state: 'awaiting-approval',
      history: [
        ...application.history,
        {
          transition: 'await-decision',
          to: 'awaiting-approval',
          at: '2026-12-05T01:00:00.000Z',
          actor: { type: 'workflow' },
        },
        {
          transition: 'await-decision',
          to: 'awaiting-approval',
          at: '2026-12-06T01:00:00.000Z',
          actor: { type: 'workflow' },
        },
      ],
    };
    const change = { eventName: 'MODIFY' as const, oldImage: application, newImage: later };
    const events = eventsFromTableChange(change, context);
    expect(events.map((e) => [e.type, e.event_id])).toEqual([
      ['application.changed', 'application:A1:1'],
      ['application.changed', 'application:A1:2'],
      ['sla.breached', 'sla-breach:A1:2'],
    ]);
    expect(eventsFromTableChange(change, context)).toEqual(events);
    expect(events[2]!.seconds_since_submitted).toBe(29 * 3600);
  });

  it("gives a citizen's rating of a resolved grievance as its own event, and nothing for a grievance closed unrated", () => {
    const grievance = {
      ...application,
      serviceId: 'energy.power-complaint',
      serviceKind: 'grievance',
      history: [
        ...application.history,
        { transition: 'resolve', to: 'resolved', at: '2026-12-05T03:00:00.000Z', actor: { type: 'officer' } },
      ],
    };
    const rated = {
      ...grievance,
      grievance: { rating: 2, ratedAt: '2026-12-05T04:00:00.000Z' },
      history: [
        ...grievance.history,
        { transition: 'close', to: 'closed', at: '2026-12-05T04:00:00.000Z', actor: { type: 'citizen' } },
      ],
    };
    const events = eventsFromTableChange({ eventName: 'MODIFY', oldImage: grievance, newImage: rated }, context);
    expect(events.map((e) => [e.type, e.event_id, e.rating])).toEqual([
      ['application.changed', 'application:A1:2', undefined],
      ['grievance.rated', 'grievance-rating:A1:2', 2],
    ]);
    expect(events[1]).toMatchObject({ department: 'energy', district: 'guntur', service_kind: 'grievance' });
    const closedUnrated = {
      ...grievance,
      history: [
        ...grievance.history,
        { transition: 'close', to: 'closed', at: '2026-12-12T03:00:00.000Z', actor: { type: 'workflow' } },
      ],
    };
    const unrated = { eventName: 'MODIFY' as const, oldImage: grievance, newImage: closedUnrated };
    expect(eventsFromTableChange(unrated, context).map((e) => e.type)).toEqual(['application.changed']);
    expect(() => LakeEventSchema.parse({ ...events[1], rating: 6 })).toThrow();
  });

  it('keeps a revocation reason code but never the officer note', () => {
    const issued = {
      pk: 'CERT#c1',
      sk: 'CERT',
      kind: 'certificate',
      applicationId: 'A1',
      serviceId: 'revenue.income-certificate',
      documentType: 'income-certificate',
      issuedAt: '2026-12-05T01:00:00.000Z',
      status: 'valid',
    };
    const revoked = {
      ...issued,
      status: 'revoked',
      revokedAt: '2026-12-06T01:00:00.000Z',
      revocationReason: 'issued-in-error',
      revocationNote: 'Sri Ravi asked',
    };
    const [event] = eventsFromTableChange({ eventName: 'MODIFY', oldImage: issued, newImage: revoked }, context);
    expect(event).toMatchObject({ type: 'document.revoked', reason: 'issued-in-error', department: 'revenue' });
    expect(JSON.stringify(event)).not.toContain('Ravi');
  });

  it("names a reply's event by the citizen's token, never by the number its outbox key holds", () => {
    const queued = {
      pk: `OUTBOX#${waId}`,
      sk: 'wamid.IN1#00',
      kind: 'outbox',
      waId,
      status: 'pending',
      createdAt: '2026-12-05T06:00:00.000Z',
      reply: { type: 'text' },
    };
    const [event] = eventsFromTableChange(
      {
        eventName: 'MODIFY',
        oldImage: queued,
        newImage: { ...queued, status: 'sent', settledAt: '2026-12-05T06:00:01.000Z' },
      },
      context,
    );
    expect(event).toMatchObject({ type: 'message.sent', delivery_status: 'sent' });
    expect(event?.event_id).toBe(`message-out:${citizenToken(context.tokenKey, waId)}:wamid.IN1#00:sent`);
    expect(JSON.stringify(event)).not.toContain(waId);
  });

  it('counts a message received once, when the session write that applied it adds it to the recent ones', () => {
    const before = remember(NO_RECENT_MESSAGES, 'wamid.FIRST', new Date('2026-12-05T01:00:00Z'));
    const after = remember(before, 'wamid.SECOND', new Date('2026-12-05T01:00:07Z'));
    const image = (recent: typeof before) => ({
      pk: `CITIZEN#${waId}`,
      sk: 'SESSION',
      kind: 'session',
      waId,
      recent: packRing(recent.ring),
    });
    const events = eventsFromTableChange(
      { eventName: 'MODIFY', oldImage: image(before), newImage: image(after) },
      context,
    );
    expect(events).toMatchObject([
      {
        type: 'message.received',
        event_id: `message-in:${citizenToken(context.tokenKey, waId)}:${messageHash('wamid.SECOND')}`,
        occurred_at: '2026-12-05T01:00:07.000Z',
        citizen: citizenToken(context.tokenKey, waId),
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('SECOND');
    expect(
      eventsFromTableChange({ eventName: 'MODIFY', oldImage: image(after), newImage: image(after) }, context),
    ).toEqual([]);
    // A session item written before the ring was packed holds it as a list of texts: read the same.
    const listed = eventsFromTableChange(
      { eventName: 'MODIFY', oldImage: { ...image(before), recent: before.ring }, newImage: image(after) },
      context,
    );
    expect(listed.map((e) => e.event_id)).toEqual(events.map((e) => e.event_id));
  });

  it('counts a turn’s replies out as the session write hands them to the sender, and a failure as failed', () => {
    const session = {
      pk: `CITIZEN#${waId}`,
      sk: 'SESSION',
      kind: 'session',
      waId,
      repliesTo: 'abcdefgh',
      replies: packReplies([{ type: 'text' }, { type: 'list' }]),
      repliedAt: '2026-12-05T01:00:08.000Z',
    };
    const queued = eventsFromTableChange(
      { eventName: 'MODIFY', oldImage: { ...session, repliesTo: 'older' }, newImage: session },
      context,
    );
    expect(queued.map((e) => [e.type, e.delivery_status, e.message_type])).toEqual([
      ['message.sent', 'queued', 'text'],
      ['message.sent', 'queued', 'list'],
    ]);
    expect(queued.flatMap(countersOf).map((c) => c.name)).toEqual(['messages-out', 'messages-out']);
    const listed = { ...session, replies: [{ type: 'text' }, { type: 'list' }] };
    expect(
      eventsFromTableChange(
        { eventName: 'MODIFY', oldImage: { ...session, repliesTo: 'older' }, newImage: listed },
        context,
      ),
    ).toEqual(queued);
    expect(eventsFromTableChange({ eventName: 'MODIFY', oldImage: session, newImage: session }, context)).toEqual([]);
    const failure = {
      pk: `OUTBOX#${waId}`,
      sk: 'abcdefgh#01',
      kind: 'outbox',
      waId,
      reply: { type: 'list' },
      status: 'undeliverable',
      settledAt: '2026-12-05T01:00:09.000Z',
    };
    const [failed] = eventsFromTableChange({ eventName: 'INSERT', newImage: failure }, context);
    expect(countersOf(failed!).map((c) => c.name)).toEqual(['messages-failed']);
    expect(JSON.stringify([...queued, failed])).not.toContain(waId);
  });

  it('ignores items that are not domain events', () => {
    expect(
      eventsFromTableChange(
        { eventName: 'INSERT', newImage: { pk: 'CITIZEN#1', sk: 'SESSION', kind: 'session', waId } },
        context,
      ),
    ).toEqual([]);
  });
});

describe('the event schema', () => {
  it('refuses a phone number where a citizen token belongs, and fields it has no column for', () => {
    const base = {
      event_id: 'x',
      schema_version: 1,
      type: 'message.received',
      occurred_at: '2026-12-05T01:00:00.000Z',
      dt: '2026-12-05',
      department: 'channel',
    };
    expect(LakeEventSchema.safeParse(base).success).toBe(true);
    expect(LakeEventSchema.safeParse({ ...base, citizen: waId }).success).toBe(false);
    expect(LakeEventSchema.safeParse({ ...base, text: 'hello' }).success).toBe(false);
  });

  it('tokens differ by key, so the lake cannot be joined with another keyed hash of the same number', () => {
    expect(citizenToken('key-one', waId)).not.toBe(citizenToken('key-two', waId));
    expect(citizenToken('key-one', waId)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('dates events by the India day', () => {
    expect(indiaDate(new Date('2026-12-04T18:29:59Z'))).toBe('2026-12-04');
    expect(indiaDate(new Date('2026-12-04T18:30:00Z'))).toBe('2026-12-05');
  });
});

describe('live counters', () => {
  it('count a submitted application by service, department and district', () => {
    const [event] = eventsFromTableChange({ eventName: 'INSERT', newImage: application }, context);
    expect(countersOf(event!).map((c) => c.name)).toEqual([
      'applications',
      'service#revenue.income-certificate',
      'department#revenue',
      'district#guntur',
    ]);
  });
});
