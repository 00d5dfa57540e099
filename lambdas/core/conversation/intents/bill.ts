import type { Language, Service } from '../../catalog/schema.ts';
import { type Bill, billAnswer, billerOf, billNumber, payableBill } from '../../fulfilment/bills.ts';
import { t } from '../../i18n/strings.ts';
import { formatPaise, paiseToRupees } from '../../payments/amount.ts';
import { rowId } from '../actions.ts';
import type { Screen } from '../screens.ts';
import type { Session } from '../session.ts';
import { home } from './navigation.ts';
import {
  draftApplication,
  findService,
  languageOf,
  show,
  type Turn,
  type TurnEnv,
  textScreen,
  withText,
} from './turn.ts';

/**
 * A bill fetched within the turn from its biller (what the webhook asked for this message): shown with a Pay
 * button when something is due; zero due, an unknown number or the biller down get a plain answer. Nothing is stored.
 */
export function answerBill(
  session: Session,
  service: Service,
  values: Record<string, string>,
  env: TurnEnv,
  before: string[] = [],
): Turn {
  const language = languageOf(session);
  const outcome = env.context.bill ?? { unavailable: true };
  const number = billNumber(service, values);
  const answer = billAnswer(service, outcome, language, number);
  const bill = payableBill(outcome);
  // A bill the biller knows is remembered under "my bills" once the citizen agreed to it.
  const found = 'found' in outcome && outcome.found;
  const { session: remembered, said } = found ? remember(session, service, values) : { session, said: [] };
  if (!bill) return show(remembered, { name: 'menu', page: 0 }, textScreen([...before, answer, ...said]), env);
  const offerSave = !session.bills.consentedAt && !session.bills.declinedAt;
  return show(
    remembered,
    { name: 'bill-shown', serviceId: service.id, values, billId: bill.billId, amountPaise: bill.amountPaise },
    withText([...before, answer, ...said], payOffer(bill.amountPaise, language, env.token, offerSave)),
    env,
  );
}

/** Pay, then (before the citizen has answered the remembering notice) Save, and the main menu. */
export function payOffer(amountPaise: number, language: Language, token: number, offerSave = false): Screen {
  const pay = t('billPayButton', language, { amount: formatPaise(amountPaise) });
  const actions = ['pay', ...(offerSave ? ['bills-save'] : []), 'home'];
  const titles: Record<string, string> = {
    pay: pay.length <= 20 ? pay : pay.slice(0, 20),
    'bills-save': t('billsSaveButton', language),
    home: t('homeButton', language),
  };
  return {
    replies: [
      {
        type: 'buttons',
        body: t('billPayOffer', language),
        buttons: actions.map((action) => ({ id: rowId(action, token), title: titles[action]! })),
      },
    ],
    options: actions,
  };
}

/** At most this many bills are remembered: one list shows them all, with room for its other rows. */
const MAX_SAVED_BILLS = 6;

/**
 * The session with this bill remembered, if the citizen agreed and it is not remembered yet, and what to tell them:
 * that it was saved (the first time each number is), or that "my bills" is full.
 */
export function remember(
  session: Session,
  service: Service,
  values: Record<string, string>,
): { session: Session; said: string[] } {
  const language = languageOf(session);
  const { bills } = session;
  const number = billNumber(service, values);
  if (!bills.consentedAt || bills.saved.some((b) => b.serviceId === service.id && b.number === number))
    return { session, said: [] };
  if (bills.saved.length >= MAX_SAVED_BILLS)
    return { session, said: [t('billsFull', language, { max: MAX_SAVED_BILLS })] };
  const saved = [...bills.saved, { serviceId: service.id, number, values }];
  return { session: { ...session, bills: { ...bills, saved } }, said: [t('billsSaved', language)] };
}

/**
 * "Pay" on a bill shown: the bill is fetched again, and paid only as it is now. An amount that changed since (a late
 * fee added, a part paid elsewhere) is shown again instead. The payment is an application of the bill-payment
 * workflow, which asks for the money, posts it to the biller once and issues the signed receipt.
 */
export function payBill(session: Session, env: TurnEnv): Turn {
  const { step } = session;
  const service = step.name === 'bill-shown' ? findService(env.catalog, step.serviceId) : undefined;
  if (step.name !== 'bill-shown' || !service) return home(session, env);
  return payIfUnchanged(session, service, step.values, step, env);
}

/**
 * Pays the bill fetched in this turn if it is the one the citizen saw (same bill, same amount); otherwise shows it as
 * it is now, saying what changed.
 */
export function payIfUnchanged(
  session: Session,
  service: Service,
  values: Record<string, string>,
  seen: { billId?: string; amountPaise?: number },
  env: TurnEnv,
): Turn {
  const language = languageOf(session);
  const bill = payableBill(env.context.bill);
  if (!bill || bill.billId !== seen.billId || bill.amountPaise !== seen.amountPaise) {
    const changed = bill ? [t('billAmountChanged', language, { amount: formatPaise(bill.amountPaise) })] : [];
    return answerBill(session, service, values, env, changed);
  }
  return submitBill(session, service, values, bill, env);
}

function submitBill(
  session: Session,
  service: Service,
  values: Record<string, string>,
  bill: Bill,
  env: TurnEnv,
): Turn {
  const language = languageOf(session);
  const biller = billerOf(service, values);
  if (!biller) return home(session, env, [t('notUnderstood', language)]);
  const billValues = {
    ...values,
    biller,
    'bill-id': bill.billId,
    'bill-number': billNumber(service, values),
    'bill-period': `${bill.periodFrom}/${bill.periodTo}`,
    amount: String(paiseToRupees(bill.amountPaise)),
  };
  // Anyone may pay a bill, as at the biller's counter: no Aadhaar is asked, and the payment is listed under no one.
  const application = draftApplication(session, service, billValues, '', env);
  const { applicationId } = application;
  const done = t('billPaying', language, {
    applicationId,
    service: service.name[language],
    amount: formatPaise(bill.amountPaise),
  });
  return show(session, { name: 'menu', page: 0 }, textScreen([done]), env, [
    { type: 'start-application', application },
  ]);
}
