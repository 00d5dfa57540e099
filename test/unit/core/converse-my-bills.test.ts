import { describe, expect, it } from 'vitest';
import type { Effect } from '#core/conversation/converse.ts';
import type { Bill, BillOutcome } from '#core/fulfilment/bills.ts';
import { Citizen } from './citizen.ts';

const due = (billId: string, amountPaise: number): BillOutcome => ({
  found: true,
  bill: {
    billId,
    consumerName: 'Ravi Kumar Reddy',
    periodFrom: '2026-10-01',
    periodTo: '2026-10-31',
    amountPaise,
    dueDate: '2026-12-05',
  },
});
const DUE = due('BILL-1', 123_400);
const DOWN: BillOutcome = { unavailable: true };
/** A due date well after the citizens' clock starts: its reminder is still to come. */
const LATER_DUE = '2027-03-20';

/** A citizen who fetched this consumer's electricity bill: it is showing with Pay. */
function fetched(number = '1123456789', bill: BillOutcome = DUE, citizen = new Citizen().ready()): Citizen {
  citizen.tap('svc:energy.electricity-bill');
  citizen.text(number);
  citizen.tap('confirm', { bill });
  return citizen;
}

const buttonsOf = (citizen: Citizen) =>
  citizen.replies.flatMap((r) => (r.type === 'buttons' ? r.buttons.map((b) => b.title) : []));

describe('my bills', () => {
  it('offers to save a bill shown, asks the remembering notice once, and pays the same bill after', () => {
    const citizen = fetched();
    expect(buttonsOf(citizen)).toEqual(['Pay ₹1,234', 'Save in my bills', 'Main menu']);
    citizen.tap('bills-save');
    expect(citizen.said).toContain('Shall Mitra remember your bills?');
    citizen.tap('bills-consent:yes');
    expect(citizen.session.bills.consentedAt).toBe(citizen.now.toISOString());
    expect(citizen.session.bills.saved).toEqual([
      { serviceId: 'energy.electricity-bill', number: '1123456789', values: { 'consumer-number': '1123456789' } },
    ]);
    expect(citizen.said).toContain('Saved under "my bills"');
    expect(buttonsOf(citizen)).toEqual(['Pay ₹1,234', 'Main menu']);
    citizen.tap('pay', { bill: DUE });
    expect(citizen.turn.effects).toMatchObject([{ type: 'start-application' }]);
  });

  it('asks the notice in Telugu for a Telugu reader', () => {
    const citizen = fetched('1123456789', DUE, new Citizen().ready('te'));
    citizen.tap('bills-save');
    expect(citizen.said).toContain('మిత్ర మీ బిల్లులను గుర్తుంచుకోవాలా?');
  });

  it('remembers nothing when declined, and does not offer it again after a bill', () => {
    const citizen = fetched();
    citizen.tap('bills-save');
    citizen.tap('bills-consent:no');
    expect(citizen.session.bills.saved).toEqual([]);
    expect(citizen.session.bills.declinedAt).toBeDefined();
    expect(citizen.said).toContain('will not remember');
    fetched('4123456789', due('BILL-2', 50_000), citizen);
    expect(buttonsOf(citizen)).toEqual(['Pay ₹500', 'Main menu']);
    expect(citizen.session.bills.saved).toEqual([]);
  });

  it('lists each remembered bill with what its biller says now, a biller down said plainly, one tap to pay', () => {
    const citizen = fetched();
    citizen.tap('bills-save');
    citizen.tap('bills-consent:yes');
    // Once agreed, every bill fetched is remembered, with no question.
    fetched('4123456789', due('BILL-2', 50_000), citizen);
    expect(citizen.said).toContain('Saved under "my bills"');
    citizen.text('my bills', { myBills: [DUE, DOWN] });
    expect(citizen.said).toContain('Electricity bill 1123456789: ₹1,234 due by 05-12-2026');
    expect(citizen.said).toContain("Electricity bill 4123456789: the biller's system is not answering");
    expect(citizen.list.sections[0]!.rows.map((r) => r.title)).toEqual([
      'Electricity bill',
      'Electricity bill',
      'Forget a number',
      'Remind me',
      'Main menu',
    ]);
    citizen.tap('my-bill:0', { bill: DUE });
    expect(citizen.turn.effects).toMatchObject([
      { type: 'start-application', application: { values: { 'bill-number': '1123456789', 'bill-id': 'BILL-1' } } },
    ]);
  });

  it('shows a remembered bill again instead of paying it when its amount changed since the list', () => {
    const citizen = fetched();
    citizen.tap('bills-save');
    citizen.tap('bills-consent:yes');
    citizen.text('నా బిల్లులు', { myBills: [DUE] });
    citizen.tap('my-bill:0', { bill: due('BILL-1', 140_000) });
    expect(citizen.turn.effects).toEqual([]);
    expect(citizen.said).toContain('The bill changed since it was shown (now ₹1,400)');
    expect(citizen.session.step).toMatchObject({ name: 'bill-shown', amountPaise: 140_000 });
  });

  it('forgets a number on request, and the main menu starts with My bills only while any is remembered', () => {
    const citizen = fetched();
    citizen.tap('bills-save');
    citizen.tap('bills-consent:yes');
    citizen.text('menu');
    expect(citizen.list.sections[0]!.rows[0]).toMatchObject({ title: 'My bills' });
    citizen.tap('my-bills', { myBills: [DUE] });
    citizen.tap('bills-forget');
    citizen.tap('bills-forget:0', { myBills: [] });
    expect(citizen.session.bills.saved).toEqual([]);
    expect(citizen.said).toContain('Electricity bill 1123456789 is forgotten.');
    expect(citizen.said).toContain('No bills are remembered yet');
    expect(citizen.list.sections[0]!.rows[0]!.title).not.toBe('My bills');
  });

  it('asks the notice first from "my bills" too, and lists nothing before a bill is fetched', () => {
    const citizen = new Citizen().ready();
    citizen.text('my bills');
    expect(citizen.session.step).toMatchObject({ name: 'bills-consent' });
    citizen.tap('bills-consent:yes');
    expect(citizen.said).toContain('No bills are remembered yet');
  });

  it('turns reminders on from my bills: each bill due far enough ahead is scheduled, and shown again Stop reminders', () => {
    const citizen = fetched();
    citizen.tap('bills-save');
    citizen.tap('bills-consent:yes');
    const later: BillOutcome = { found: true, bill: { ...(DUE as { bill: Bill }).bill, dueDate: LATER_DUE } };
    citizen.text('my bills', { myBills: [later] });
    expect(citizen.turn.effects).toEqual([]);
    expect(citizen.list.sections[0]!.rows.map((r) => r.title)).toContain('Remind me');
    citizen.tap('bills-remind:on', { myBills: [later] });
    expect(citizen.session.bills.remindersAt).toBe(citizen.now.toISOString());
    expect(citizen.said).toContain('Mitra will remind you 3 days before each of these bills is due');
    expect(citizen.turn.effects).toMatchObject([
      {
        type: 'schedule-reminders',
        reminders: [{ about: 'bill', bill: { serviceId: 'energy.electricity-bill', number: '1123456789' } }],
      },
    ]);
    const [effect] = citizen.turn.effects as Extract<Effect, { type: 'schedule-reminders' }>[];
    expect(effect!.reminders[0]!.text.en).toContain('₹1,234, is due on');
    expect(citizen.list.sections[0]!.rows.map((r) => r.title)).toContain('Stop reminders');
    // A bill already past its reminder's morning (or with nothing due) is not scheduled.
    const soon: BillOutcome = { found: true, bill: { ...(DUE as { bill: Bill }).bill, dueDate: '2026-11-30' } };
    citizen.text('my bills', { myBills: [soon] });
    expect(citizen.turn.effects).toEqual([]);
  });

  it('turns reminders off in Telugu, and a tap on the switch of an older list does nothing', () => {
    const citizen = fetched('1123456789', DUE, new Citizen().ready('te'));
    citizen.tap('bills-save');
    citizen.tap('bills-consent:yes');
    citizen.text('నా బిల్లులు', { myBills: [DUE] });
    citizen.tap('bills-remind:on', { myBills: [DUE] });
    expect(citizen.list.sections[0]!.rows.map((r) => r.title)).toContain('గుర్తులు ఆపు');
    citizen.tap('bills-remind:off', { myBills: [DUE] });
    expect(citizen.session.bills.remindersAt).toBeUndefined();
    expect(citizen.said).toContain('బిల్లు గుర్తులు ఆపివేశాము');
    expect(citizen.turn.effects).toEqual([]);
    citizen.text('menu');
    citizen.tap('bills-remind:on', { myBills: [DUE] });
    expect(citizen.session.bills.remindersAt).toBeUndefined();
  });
});
