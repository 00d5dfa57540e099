import { istDate, istTime } from '../../applications/dates.ts';
import type { Inventory } from '../../bookings/inventory-model.ts';
import { placesOf, resourceOf, slotNeedOf, slotPriceOf } from '../../bookings/slots.ts';
import { inventoryOf } from '../../catalog/inventories.ts';
import type { Language, Service } from '../../catalog/schema.ts';
import { t } from '../../i18n/strings.ts';
import { formatPaise, paiseToRupees } from '../../payments/amount.ts';
import { applicationIdFor } from '../applications.ts';
import { listScreen } from '../screens.ts';
import type { Session } from '../session.ts';
import type { SlotIntent } from './intent.ts';
import { home } from './navigation.ts';
import {
  draftApplication,
  findService,
  type IntentHandlers,
  languageOf,
  show,
  type Turn,
  type TurnEnv,
  textScreen,
} from './turn.ts';

const PLACES = { ticket: 'slotTickets', room: 'slotRooms', appointment: 'slotAppointments' } as const;

/** A number of places as the inventory calls one: "2 tickets", "1 room", "1 appointment". */
function placesText(inventory: Inventory, count: number, language: Language): string {
  return t(PLACES[inventory.unit], language, { count });
}

/** Whether a service sells places Mitra keeps (darshan, seva, rooms): a slot is chosen and held before paying. */
export function sellsSlots(service: Service): boolean {
  return inventoryOf(service.id)?.source === 'mitra';
}

/** After the form is confirmed by a verified citizen: the slots of the day to choose from. */
export function chooseSlot(
  session: Session,
  service: Service,
  values: Record<string, string>,
  citizenHash: string,
  env: TurnEnv,
  before: string[] = [],
): Turn {
  const language = languageOf(session);
  const inventory = inventoryOf(service.id);
  const resource = inventory && resourceOf(inventory, values);
  if (!inventory || !resource) return home(session, env, [...before, t('notUnderstood', language)]);
  const count = placesOf(values) || 0;
  const last = new Date(env.now.getTime() + inventory.daysAhead * 86_400_000).toISOString().slice(0, 10);
  if ((values['travel-date'] ?? '') > last)
    return home(session, env, [
      ...before,
      t('busDateTooFar', language, { days: inventory.daysAhead, last: istDate(last) }),
    ]);
  if (count > inventory.maxPerBooking)
    return home(session, env, [
      ...before,
      t('slotTooMany', language, { places: placesText(inventory, inventory.maxPerBooking, language) }),
    ]);
  const paise = slotPriceOf(inventory, values);
  const price = paise > 0 ? formatPaise(paise) : t('slotFree', language);
  const screen = listScreen(
    [
      ...before,
      t('slotIntro', language, {
        place: resource.name[language],
        date: istDate(values['travel-date'] ?? ''),
        places: placesText(inventory, count, language),
        price,
      }),
    ].join('\n\n'),
    t('slotButton', language),
    t('slotSection', language),
    resource.times.map((time) => ({ action: `slot:${time}`, title: time })),
    env.token,
  );
  return show(session, { name: 'slot', serviceId: service.id, values, citizenHash }, screen, env);
}

export const slotTurns: IntentHandlers<SlotIntent['kind']> = {
  'slot-chosen'(session, { time }, env) {
    const { step } = session;
    const service = step.name === 'slot' ? findService(env.catalog, step.serviceId) : undefined;
    const inventory = service && inventoryOf(service.id);
    if (step.name !== 'slot' || !service || !inventory) return home(session, env);
    const language = languageOf(session);
    const outcome = env.context.slotHold;
    if (!outcome || 'unavailable' in outcome) return home(session, env, [t('slotUnavailable', language)]);
    if (!outcome.held) {
      const why =
        outcome.reason === 'quota'
          ? t('slotQuota', language, { places: placesText(inventory, inventory.quota?.max ?? 0, language) })
          : t('slotSoldOut', language, { time });
      return chooseSlot(session, service, step.values, step.citizenHash, env, [why]);
    }
    const amountPaise = slotPriceOf(inventory, step.values);
    const values = {
      ...step.values,
      'slot-time': time,
      'service-code': resourceOf(inventory, step.values)?.name.en ?? '',
      // The hold was named after this message's application id.
      'hold-id': applicationIdFor(env.inbound.messageId),
      // The payment link lapses with the hold.
      'hold-expires-at': outcome.expiresAt,
      amount: String(paiseToRupees(amountPaise)),
    };
    const application = draftApplication(session, service, values, step.citizenHash, env);
    const held = t(amountPaise > 0 ? 'slotHeld' : 'slotHeldFree', language, {
      count: outcome.units.length,
      time,
      date: istDate(step.values['travel-date'] ?? ''),
      until: istTime(outcome.expiresAt),
      applicationId: application.applicationId,
      amount: formatPaise(amountPaise),
    });
    return show(session, { name: 'menu', page: 0 }, textScreen([held]), env, [
      { type: 'start-application', application },
    ]);
  },
};

/** The hold a tap on a slot asks Mitra's inventory for, for the citizen verified when the form was confirmed. */
export function slotNeed(session: Session, time: string) {
  const { step } = session;
  const inventory = step.name === 'slot' ? inventoryOf(step.serviceId) : undefined;
  if (step.name !== 'slot' || !inventory) return undefined;
  return slotNeedOf(inventory, step.values, time, step.citizenHash);
}
