import { istDate } from '../../applications/dates.ts';
import type { Language } from '../../catalog/schema.ts';
import { type BillOutcome, payableBill } from '../../fulfilment/bills.ts';
import { t } from '../../i18n/strings.ts';
import { formatPaise } from '../../payments/amount.ts';
import { BILL_REMINDER_LEAD_DAYS, billReminder } from '../../reminders/reminder.ts';
import { rowId } from '../actions.ts';
import { listScreen, type Row, type Screen } from '../screens.ts';
import type { SavedBill, Session } from '../session.ts';
import { payIfUnchanged, payOffer, remember } from './bill.ts';
import type { BillsIntent } from './intent.ts';
import { home, render } from './navigation.ts';
import {
  type Effect,
  findService,
  type IntentHandlers,
  languageOf,
  show,
  type Turn,
  type TurnEnv,
  withText,
} from './turn.ts';

/**
 * "My bills": the bills a citizen fetched or paid, remembered once they agreed to the notice, each listed with what
 * its biller says is due now (a biller down said plainly), a tap paying it at once; any of them can be forgotten.
 */
export const myBillTurns: IntentHandlers<BillsIntent['kind']> = {
  'my-bills'(session, _intent, env) {
    if (!session.bills.consentedAt) return ask(session, env, undefined);
    return showBills(session, env.context.myBills ?? [], env);
  },
  'bills-save'(session, _intent, env) {
    const { step } = session;
    if (step.name !== 'bill-shown') return render(session, env);
    const { serviceId, values, billId, amountPaise } = step;
    return ask(session, env, { serviceId, values, billId, amountPaise });
  },
  'bills-consent'(session, { accepted }, env) {
    const { step } = session;
    if (step.name !== 'bills-consent') return render(session, env);
    const language = languageOf(session);
    const at = env.now.toISOString();
    const { pending } = step;
    const answered: Session = accepted
      ? { ...session, bills: { ...session.bills, consentedAt: at } }
      : { ...session, bills: { ...session.bills, declinedAt: at } };
    const service = pending && findService(env.catalog, pending.serviceId);
    const { session: saved, said } = service
      ? remember(answered, service, pending.values)
      : { session: answered, said: [] };
    const lines = accepted ? said : [t('billsDeclined', language)];
    // Back to the bill being paid, if there was one; otherwise to the (still empty) list, or the menu.
    if (pending && service && pending.billId && pending.amountPaise) {
      const { serviceId, values, billId, amountPaise } = pending;
      return show(
        saved,
        { name: 'bill-shown', serviceId, values, billId, amountPaise },
        withText(lines, payOffer(amountPaise, language, env.token)),
        env,
      );
    }
    if (accepted && !pending) return showBills(saved, [], env);
    return home(saved, env, lines);
  },
  'my-bill'(session, { index }, env) {
    const { step } = session;
    const saved = session.bills.saved[index];
    const service = saved && findService(env.catalog, saved.serviceId);
    if (step.name !== 'my-bills' || !saved || !service) return render(session, env);
    return payIfUnchanged(session, service, saved.values, step.shown[index] ?? {}, env);
  },
  'bills-forget': (session, _intent, env) =>
    show(session, { name: 'bills-forget' }, forgetScreen(session.bills.saved, languageOf(session), env), env),
  'bills-forget-one'(session, { index }, env) {
    const forgotten = session.bills.saved[index];
    if (session.step.name !== 'bills-forget' || !forgotten) return render(session, env);
    const language = languageOf(session);
    const saved = session.bills.saved.filter((_, i) => i !== index);
    const said = t('billsForgotten', language, {
      service: serviceName(forgotten, language, env),
      number: forgotten.number,
    });
    return showBills({ ...session, bills: { ...session.bills, saved } }, env.context.myBills ?? [], env, [said]);
  },
  /**
   * Reminders on: each remembered bill with something due is reminded of before its due date (and the bills of later
   * months as "my bills" shows them); off: none goes any more, those scheduled included.
   */
  'bills-reminders'(session, { on }, env) {
    if (session.step.name !== 'my-bills') return render(session, env);
    const language = languageOf(session);
    const { remindersAt: _off, ...bills } = session.bills;
    const answered: Session = { ...session, bills: on ? { ...bills, remindersAt: env.now.toISOString() } : bills };
    const said = t(on ? 'billsRemindersOn' : 'billsRemindersOff', language, { days: BILL_REMINDER_LEAD_DAYS });
    return showBills(answered, env.context.myBills ?? [], env, [said]);
  },
};

/** The remembering notice; `pending` is the bill shown when it was asked, saved if the citizen agrees. */
function ask(session: Session, env: TurnEnv, pending: Extract<Session['step'], { name: 'bills-consent' }>['pending']) {
  const language = languageOf(session);
  const yes = t('billsRemember', language);
  const no = t('consentDecline', language);
  const screen: Screen = {
    replies: [
      {
        type: 'buttons',
        body: `${t('billsConsentNotice', language)}\n\n1. ${yes}\n2. ${no}`,
        buttons: [
          { id: rowId('bills-consent:yes', env.token), title: yes },
          { id: rowId('bills-consent:no', env.token), title: no },
        ],
      },
    ],
    options: ['bills-consent:yes', 'bills-consent:no'],
  };
  return show(session, { name: 'bills-consent', ...(pending ? { pending } : {}) }, screen, env);
}

const serviceName = (saved: SavedBill, language: Language, env: TurnEnv) =>
  findService(env.catalog, saved.serviceId)?.name[language] ?? saved.serviceId;

/** What a remembered bill's biller says now, in one line. */
function dueLine(outcome: BillOutcome | undefined, language: Language): string {
  if (!outcome || 'unavailable' in outcome) return t('billsLineDown', language);
  if (!outcome.found) return t('billsLineUnknown', language);
  const bill = payableBill(outcome);
  return bill
    ? t('billsLineDue', language, { amount: formatPaise(bill.amountPaise), date: istDate(bill.dueDate) })
    : t('billsLineNothing', language);
}

/**
 * The remembered bills with what is due on each (fetched for this turn, in their order), a row each, then Forget and
 * the reminders' switch. With reminders on, each bill with something due is (once) scheduled to be reminded of.
 */
function showBills(session: Session, outcomes: BillOutcome[], env: TurnEnv, before: string[] = []): Turn {
  const language = languageOf(session);
  const { saved } = session.bills;
  if (saved.length === 0) return home(session, env, [...before, t('billsNone', language)]);
  const lines = saved.map(
    (bill, i) => `${i + 1}. ${serviceName(bill, language, env)} ${bill.number}: ${dueLine(outcomes[i], language)}`,
  );
  const rows: Row[] = [
    ...saved.map((bill, i) => ({
      action: `my-bill:${i}`,
      title: serviceName(bill, language, env),
      description: `${bill.number} · ${dueLine(outcomes[i], language)}`,
    })),
    {
      action: 'bills-forget',
      title: t('billsForgetRow', language),
      description: t('billsForgetRowDescription', language),
    },
    session.bills.remindersAt
      ? {
          action: 'bills-remind:off',
          title: t('billsRemindOffRow', language),
          description: t('billsRemindOffRowDescription', language),
        }
      : {
          action: 'bills-remind:on',
          title: t('billsRemindRow', language),
          description: t('billsRemindRowDescription', language, { days: BILL_REMINDER_LEAD_DAYS }),
        },
    { action: 'home', title: t('homeButton', language) },
  ];
  const shown = saved.map((_, i) => {
    const bill = payableBill(outcomes[i]);
    return bill ? { billId: bill.billId, amountPaise: bill.amountPaise } : {};
  });
  const intro = [...before, t('billsIntro', language, { lines: lines.join('\n') })].join('\n\n');
  return show(
    session,
    { name: 'my-bills', shown },
    listScreen(intro, t('billsButton', language), t('billsSection', language), rows, env.token),
    env,
    session.bills.remindersAt ? remindersOf(session, outcomes, env) : [],
  );
}

/** The reminders of the bills listed with something due and a due date far enough ahead; none, no effect. */
function remindersOf(session: Session, outcomes: BillOutcome[], env: TurnEnv): Effect[] {
  const reminders = session.bills.saved.flatMap((saved, i) => {
    const bill = payableBill(outcomes[i]);
    const service = findService(env.catalog, saved.serviceId);
    if (!bill || !service) return [];
    const { serviceId, number } = saved;
    const { billId, amountPaise, dueDate } = bill;
    const reminder = billReminder(
      { waId: session.waId, serviceId, number, serviceName: service.name, billId, amountPaise, dueDate },
      env.now,
    );
    return reminder ? [reminder] : [];
  });
  return reminders.length > 0 ? [{ type: 'schedule-reminders', reminders }] : [];
}

function forgetScreen(saved: SavedBill[], language: Language, env: TurnEnv): Screen {
  const rows: Row[] = [
    ...saved.map((bill, i) => ({
      action: `bills-forget:${i}`,
      title: serviceName(bill, language, env),
      description: bill.number,
    })),
    { action: 'home', title: t('homeButton', language) },
  ];
  return listScreen(
    t('billsForgetIntro', language),
    t('billsButton', language),
    t('billsSection', language),
    rows,
    env.token,
  );
}
