import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../../local/event-pattern.ts';

// The sender's filter as CDK synthesizes it: only new outbox items reach it.
const outboxFilter = { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['outbox'] } } } };
const record = (eventName: string, kind?: string) => ({
  eventName,
  dynamodb: { NewImage: kind ? { kind: { S: kind } } : { pk: { S: 'x' } } },
});

describe('event-source filter patterns', () => {
  it('lets through exactly the records the pattern names', () => {
    expect(matchesPattern(outboxFilter, record('INSERT', 'outbox'))).toBe(true);
    expect(matchesPattern(outboxFilter, record('MODIFY', 'outbox'))).toBe(false);
    expect(matchesPattern(outboxFilter, record('INSERT', 'session'))).toBe(false);
    expect(matchesPattern(outboxFilter, record('INSERT'))).toBe(false);
  });

  it('lets through the session writes that queued replies, and no other session write', () => {
    const turnFilter = { dynamodb: { NewImage: { kind: { S: ['session'] }, repliesTo: { S: [{ exists: true }] } } } };
    const session = (extra: Record<string, unknown>) => ({
      eventName: 'MODIFY',
      dynamodb: { NewImage: { kind: { S: 'session' }, ...extra } },
    });
    expect(matchesPattern(turnFilter, session({ repliesTo: { S: 'abc' } }))).toBe(true);
    expect(matchesPattern(turnFilter, session({}))).toBe(false);
    expect(matchesPattern(turnFilter, record('INSERT', 'outbox'))).toBe(false);
  });

  it('understands prefix, exists and anything-but', () => {
    expect(matchesPattern({ pk: [{ prefix: 'OUTBOX#' }] }, { pk: 'OUTBOX#91' })).toBe(true);
    expect(matchesPattern({ pk: [{ prefix: 'OUTBOX#' }] }, { pk: 'SESSION#91' })).toBe(false);
    expect(matchesPattern({ a: [{ exists: false }] }, {})).toBe(true);
    expect(matchesPattern({ a: [{ exists: true }] }, {})).toBe(false);
    expect(matchesPattern({ s: [{ 'anything-but': ['failed'] }] }, { s: 'sent' })).toBe(true);
    expect(matchesPattern({ s: [{ 'anything-but': ['failed'] }] }, { s: 'failed' })).toBe(false);
  });
});
