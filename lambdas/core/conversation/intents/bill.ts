import type { Service } from '../../catalog/schema.ts';
import { type Bill, billAnswer, billerOf, billNumber, payableBill } from '../../fulfilment/bills.ts';
import { t } from '../../i18n/strings.ts';
import { formatPaise, paiseToRupees } from '../../payments/amount.ts';
import { rowId } from '../actions.ts';
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
  if (!bill) return show(session, { name: 'menu', page: 0 }, textScreen([...before, answer]), env);
  const pay = t('billPayButton', language, { amount: formatPaise(bill.amountPaise) });
  const actions = ['pay', 'home'];
  return show(
    session,
    { name: 'bill-shown', serviceId: service.id, values, billId: bill.billId, amountPaise: bill.amountPaise },
    withText([...before, answer], {
      replies: [
        {
          type: 'buttons',
          body: t('billPayOffer', language),
          buttons: [
            { id: rowId(actions[0]!, env.token), title: pay.length <= 20 ? pay : pay.slice(0, 20) },
            { id: rowId(actions[1]!, env.token), title: t('homeButton', language) },
          ],
        },
      ],
      options: actions,
    }),
    env,
  );
}

/**
 * "Pay" on a bill shown: the bill is fetched again, and paid only as it is now. An amount that changed since (a late
 * fee added, a part paid elsewhere) is shown again instead. The payment is an application of the bill-payment
 * workflow, which asks for the money, posts it to the biller once and issues the signed receipt.
 */
export function payBill(session: Session, env: TurnEnv): Turn {
  const { step } = session;
  const language = languageOf(session);
  const service = step.name === 'bill-shown' ? findService(env.catalog, step.serviceId) : undefined;
  if (step.name !== 'bill-shown' || !service) return home(session, env);
  const bill = payableBill(env.context.bill);
  if (!bill || bill.billId !== step.billId || bill.amountPaise !== step.amountPaise) {
    const changed = bill ? [t('billAmountChanged', language, { amount: formatPaise(bill.amountPaise) })] : [];
    return answerBill(session, service, step.values, env, changed);
  }
  return submitBill(session, service, step.values, bill, env);
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
