import { describe, expect, it } from 'vitest';
import { approvalRequest } from '#core/applications/approval.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { nextSteps } from '#core/fulfilment/next-steps.ts';

const service = (id: string) => catalog().services.find((s) => s.id === id)!;
const application = { applicationId: 'AP-0123456789AB', values: {}, submittedAt: '2026-12-04T05:00:00.000Z' };
const due = new Date('2026-12-08T18:29:59.000Z');

function notice(serviceId: string, language: 'en' | 'te' = 'en') {
  const reply = approvalRequest(service(serviceId), application, due, false, language);
  if (reply.type !== 'buttons') throw new Error('expected buttons');
  return reply;
}

describe("what an officer is asked to do, by the service's kind", () => {
  it('asks for a decision on an application, with Approve and Reject', () => {
    const reply = notice('revenue.pattadar-passbook');
    expect(reply.body).toContain('Application AP-0123456789AB needs your decision.');
    expect(reply.buttons.map((b) => b.title)).toEqual(['Approve', 'Reject']);
  });

  it('says how to decide once: in the chat after the details, in the approved template by its own words', () => {
    for (const language of ['en', 'te'] as const) {
      const reply = notice('revenue.pattadar-passbook', language);
      const how = language === 'en' ? 'or type "approve AP-0123456789AB"' : '"ఆమోదించు AP-0123456789AB"';
      expect(reply.body.split(how)).toHaveLength(2);
      expect(reply.closedWindow).toEqual({ template: 'decision', parameters: [expect.any(String)] });
      const [carried = ''] =
        reply.closedWindow && 'parameters' in reply.closedWindow ? (reply.closedWindow.parameters ?? []) : [];
      expect(reply.body.startsWith(carried)).toBe(true);
      expect(carried).not.toContain(how);
    }
  });

  it('asks for action on a grievance, with Resolved and Reject, in both languages', () => {
    const reply = notice('police.complaint');
    expect(reply.body).toContain('Grievance AP-0123456789AB needs your action');
    expect(reply.body).toContain('Tap Resolved or Reject');
    expect(reply.buttons.map((b) => b.title)).toEqual(['Resolved', 'Reject']);
    expect(notice('police.complaint', 'te').buttons.map((b) => b.title)).toEqual(['పరిష్కరించాం', 'తిరస్కరించు']);
  });

  it('asks for confirmation of a booking, with Confirm and Reject', () => {
    const reply = notice('endowments.darshan-ticket');
    expect(reply.body).toContain('Request AP-0123456789AB needs your confirmation.');
    expect(reply.buttons.map((b) => b.title)).toEqual(['Confirm', 'Reject']);
  });

  it('tells the citizen on submitting who acts and by when, and the fee first where one is due', () => {
    const submitted = new Date('2026-12-04T05:00:00.000Z');
    expect(nextSteps(service('police.complaint'), {}, submitted, 'en')).toMatch(
      /^Your grievance goes to the .+, who will act on it by \d{2}-12-2026/,
    );
    // A booking with no inventory to sell from is confirmed by its department's officer.
    const confirmedBooking = { ...service('transport.fancy-number'), kind: 'booking' as const };
    expect(nextSteps(confirmedBooking, {}, submitted, 'en')).toMatch(
      /^First pay the fee of ₹5,000 .+ will confirm it by \d{2}-12-2026/,
    );
    expect(nextSteps(service('transport.fancy-number'), {}, submitted, 'en')).toMatch(
      /^First pay the fee of ₹5,000 .+ will decide by \d{2}-12-2026/,
    );
    expect(nextSteps(service('endowments.donation'), { amount: '1116' }, submitted, 'te')).toContain('₹1,116');
  });
});
