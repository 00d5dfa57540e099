import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import type { Language } from '#core/catalog/schema.ts';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { chooseSlot } from '#core/conversation/intents/slot.ts';
import { newSession } from '#core/conversation/session.ts';

// The list of times a booking offers names its places as the citizen books them: rooms, appointments or tickets.

const now = new Date('2026-12-06T04:30:00Z');
const service = (id: string) => catalog().services.find((s) => s.id === id)!;

function slotScreen(serviceId: string, values: Record<string, string>, language: Language): string {
  const session = { ...newSession('919876543210'), version: 3, language };
  const turn = chooseSlot(session, service(serviceId), values, 'citizen-hash', {
    catalog: catalog(),
    now,
    context: { settings: DEFAULT_SETTINGS },
    inbound: { messageId: 'wamid.1', waId: session.waId, sentAt: now, content: { type: 'text', text: 'confirm' } },
    token: 4,
  });
  return turn.replies
    .map((reply) => ('body' in reply ? String(reply.body) : 'text' in reply ? String(reply.text) : ''))
    .join('\n');
}

describe('the times a booking offers', () => {
  const date = '2026-12-09';

  it('count Haritha rooms as rooms, in both languages', () => {
    const values = { 'haritha-hotel': 'haritha-srisailam', 'travel-date': date, rooms: '2' };
    expect(slotScreen('tourism.hotel-booking', values, 'en')).toMatch(/: 2 rooms, ₹/);
    expect(slotScreen('tourism.hotel-booking', values, 'te')).toMatch(/: 2 గదులు, ₹/);
  });

  it('count an appointment at a district office as one appointment', () => {
    const values = { 'applicant-name': 'Ravi', district: 'guntur', 'travel-date': date };
    expect(slotScreen('transport.learner-licence', values, 'en')).toContain('1 appointment, ₹150');
  });

  it('count darshan places as tickets', () => {
    const values = { temple: 'tirumala', 'travel-date': date, persons: '4' };
    expect(slotScreen('endowments.darshan-ticket', values, 'en')).toContain('4 tickets, ₹1,200');
  });

  it('refuse more rooms than one booking may take, saying how many it may', () => {
    const values = { 'haritha-hotel': 'haritha-srisailam', 'travel-date': date, rooms: '9' };
    expect(slotScreen('tourism.hotel-booking', values, 'en')).toContain('At most 4 rooms can be booked at once');
  });
});
