import { istDate, istTime } from '../../applications/dates.ts';
import {
  BUS_TYPES,
  type BusNeed,
  findPlace,
  type Passenger,
  PLACES,
  parsePassenger,
  typedSeats,
} from '../../bookings/bus.ts';
import { inventoryOf } from '../../catalog/inventories.ts';
import type { Language, Service } from '../../catalog/schema.ts';
import { validateField } from '../../forms/validators.ts';
import { t } from '../../i18n/strings.ts';
import { formatPaise, paiseToRupees } from '../../payments/amount.ts';
import { rowId } from '../actions.ts';
import { listScreen } from '../screens.ts';
import type { Session, SessionStep } from '../session.ts';
import type { BusIntent } from './intent.ts';
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
  withText,
} from './turn.ts';

type BusStep = Extract<SessionStep, { name: 'bus' }>;

export const BUS_SERVICE = 'apsrtc.bus-ticket';
const DATE_FIELD = { id: 'travel-date', type: 'date', when: 'future' } as const;

/** Whether a service is sold from APSRTC's reservation system through the chat's bus booking. */
export function booksBus(service: Service): boolean {
  return inventoryOf(service.id)?.source === 'apsrtc';
}

const limits = () => inventoryOf(BUS_SERVICE) ?? { daysAhead: 30, maxPerBooking: 6, holdMinutes: 10 };
const placeOf = (code: string | undefined, language: Language) =>
  PLACES.find((p) => p.code === code)?.name[language] ?? code ?? '';
const busName = (busType: string, language: Language) =>
  BUS_TYPES[busType as keyof typeof BUS_TYPES]?.[language] ?? busType;

/** The bus ticket's first question. */
export function startBus(session: Session, env: TurnEnv): Turn {
  const step: BusStep = { name: 'bus', stage: 'from', shown: [], free: [], women: [], seats: [], passengers: [] };
  return show(session, step, textScreen([t('busAskFrom', languageOf(session))]), env);
}

/** The date typed at the date stage, as `YYYY-MM-DD`, if it is one within the days bookable ahead. */
function bookableDate(text: string, now: Date): { date?: string; error?: 'date' | 'far' } {
  const result = validateField(
    { ...DATE_FIELD, label: { en: 'Date', te: 'తేదీ' }, prompt: { en: '-', te: '-' }, printed: false },
    text,
    now,
    'en',
  );
  if (!result.ok) return { error: 'date' };
  const last = new Date(now.getTime() + limits().daysAhead * 86_400_000).toISOString().slice(0, 10);
  return result.value > last ? { error: 'far' } : { date: result.value };
}

/** What this bus turn asks of the reservation system: a search once a good date is typed, a seat map, a hold. */
export function busNeedOf(session: Session, intent: BusIntent, now: Date): BusNeed | undefined {
  const { step } = session;
  if (step.name !== 'bus') return undefined;
  if (intent.kind === 'bus-text' && step.stage === 'date' && step.from && step.to) {
    const { date } = bookableDate(intent.text, now);
    return date ? { kind: 'search', from: step.from, to: step.to, date } : undefined;
  }
  if (intent.kind === 'bus-service' && step.date)
    return { kind: 'seats', serviceCode: intent.serviceCode, date: step.date };
  if (intent.kind === 'bus-hold' && step.stage === 'review' && step.serviceCode && step.date)
    return {
      kind: 'hold',
      serviceCode: step.serviceCode,
      date: step.date,
      seats: step.seats,
      passengers: step.passengers,
      holdMinutes: limits().holdMinutes,
    };
  return undefined;
}

export const busTurns: IntentHandlers<BusIntent['kind']> = {
  'bus-text'(session, { text }, env) {
    const { step } = session;
    if (step.name !== 'bus') return home(session, env);
    switch (step.stage) {
      case 'from':
      case 'to':
        return answerPlace(session, step, text, env);
      case 'date':
        return answerDate(session, step, text, env);
      case 'seats':
        return answerSeats(session, step, text, env);
      case 'passengers':
        return answerPassenger(session, step, text, env);
      default:
        return again(session, step, env, []);
    }
  },
  'bus-service'(session, { serviceCode }, env) {
    const { step } = session;
    const chosen = step.name === 'bus' ? step.shown.find((s) => s.serviceCode === serviceCode) : undefined;
    if (step.name !== 'bus' || !chosen) return home(session, env);
    return seatMap(session, { ...step, stage: 'seats', serviceCode, seats: [], passengers: [] }, env, []);
  },
  'bus-hold'(session, _intent, env) {
    const { step } = session;
    const service = findService(env.catalog, BUS_SERVICE);
    if (step.name !== 'bus' || step.stage !== 'review' || !service) return home(session, env);
    return hold(session, step, service, env);
  },
};

/**
 * "Back" while booking a bus: the question before this stage's (where to from the date, where from from where to; the
 * date again from a later stage, to search once more). Undefined at the first question: the caller returns to the
 * service list.
 */
export function busStageBefore(session: Session, step: BusStep, env: TurnEnv): Turn | undefined {
  const language = languageOf(session);
  const fresh = { ...step, shown: [], serviceCode: undefined, free: [], women: [], seats: [], passengers: [] };
  switch (step.stage) {
    case 'from':
      return undefined;
    case 'to':
      return show(session, { ...fresh, stage: 'from', from: undefined }, textScreen([t('busAskFrom', language)]), env);
    case 'date':
      return show(
        session,
        { ...fresh, stage: 'to', to: undefined },
        textScreen([t('busAskTo', language, { from: placeOf(step.from, language) })]),
        env,
      );
    default:
      return show(
        session,
        { ...fresh, stage: 'date', date: undefined },
        textScreen([askDate(step.from, step.to ?? '', language)]),
        env,
      );
  }
}

function answerPlace(session: Session, step: BusStep, text: string, env: TurnEnv): Turn {
  const language = languageOf(session);
  const match = findPlace(text);
  if (!('place' in match)) {
    const named = 'choices' in match ? match.choices.map((p) => p.name[language]).join(', ') : text.trim().slice(0, 40);
    return show(session, step, textScreen([t('busUnknownPlace', language, { typed: named })]), env);
  }
  const { code } = match.place;
  if (step.stage === 'from')
    return show(
      session,
      { ...step, stage: 'to', from: code },
      textScreen([t('busAskTo', language, { from: placeOf(code, language) })]),
      env,
    );
  if (code === step.from)
    return show(session, step, textScreen([t('busSamePlace', language, { from: placeOf(code, language) })]), env);
  return show(session, { ...step, stage: 'date', to: code }, textScreen([askDate(step.from, code, language)]), env);
}

const askDate = (from: string | undefined, to: string, language: Language) =>
  t('busAskDate', language, { from: placeOf(from, language), to: placeOf(to, language), days: limits().daysAhead });

function answerDate(session: Session, step: BusStep, text: string, env: TurnEnv): Turn {
  const language = languageOf(session);
  const { date, error } = bookableDate(text, env.now);
  if (!date) {
    const last = istDate(new Date(env.now.getTime() + limits().daysAhead * 86_400_000).toISOString());
    const problem =
      error === 'far'
        ? t('busDateTooFar', language, { days: limits().daysAhead, last })
        : t('invalidDateFuture', language);
    return show(session, step, textScreen([problem, askDate(step.from, step.to ?? '', language)]), env);
  }
  const found = env.context.bus;
  if (found?.kind !== 'services') return show(session, step, textScreen([t('busUnavailable', language)]), env);
  const names = { from: placeOf(step.from, language), to: placeOf(step.to, language), date: istDate(date) };
  const services = found.services.filter((s) => s.seatsLeft > 0).slice(0, 10);
  if (services.length === 0) return show(session, step, textScreen([t('busNoServices', language, names)]), env);
  const screen = listScreen(
    t('busServicesIntro', language, names),
    t('busServicesButton', language),
    t('busServicesSection', language),
    services.map((s) => ({
      action: `bus:${s.serviceCode}`,
      title: `${s.departs} ${busName(s.busType, language)}`.slice(0, 24),
      description: t('busServiceRow', language, {
        fare: formatPaise(s.farePaise),
        seats: s.seatsLeft,
        arrives: s.arrives,
      }).slice(0, 72),
    })),
    env.token,
  );
  const shown = services.map(({ serviceCode, departs, busType, farePaise }) => ({
    serviceCode,
    departs,
    busType,
    farePaise,
  }));
  return show(session, { ...step, stage: 'service', date, shown }, screen, env);
}

/** The chosen bus's free seats, those for women marked, and the question which to take. */
function seatMap(session: Session, step: BusStep, env: TurnEnv, before: string[]): Turn {
  const language = languageOf(session);
  const found = env.context.bus;
  const chosen = step.shown.find((s) => s.serviceCode === step.serviceCode);
  if (found?.kind !== 'seats' || !chosen)
    return show(session, step, textScreen([...before, t('busUnavailable', language)]), env);
  const free = found.seatMap.seats.filter((s) => s.free);
  const women = free.filter((s) => s.reservedFor === 'women').map((s) => s.id);
  const open = free.filter((s) => s.reservedFor !== 'women').map((s) => s.id);
  const none = t('busNoSeats', language);
  const map = t('busSeatMap', language, {
    bus: busName(chosen.busType, language),
    date: istDate(step.date ?? ''),
    departs: chosen.departs,
    fare: formatPaise(chosen.farePaise),
    free: open.join(' ') || none,
    women: women.join(' ') || none,
    example: open.slice(0, 2).join(' ') || women[0] || '1',
    max: limits().maxPerBooking,
  });
  return show(
    session,
    { ...step, stage: 'seats', free: free.map((s) => s.id), women },
    textScreen([...before, map]),
    env,
  );
}

function answerSeats(session: Session, step: BusStep, text: string, env: TurnEnv): Turn {
  const language = languageOf(session);
  const seats = typedSeats(text);
  const max = limits().maxPerBooking;
  if (seats.length === 0 || seats.length > max)
    return show(session, step, textScreen([t('busTooManySeats', language, { max })]), env);
  const notFree = seats.filter((seat) => !step.free.includes(seat));
  if (notFree.length > 0)
    return show(session, step, textScreen([t('busSeatsNotFree', language, { seats: notFree.join(', ') })]), env);
  const next: BusStep = { ...step, stage: 'passengers', seats, passengers: [] };
  return show(session, next, textScreen([askPassenger(next, language)]), env);
}

function askPassenger(step: BusStep, language: Language): string {
  const index = step.passengers.length;
  const seat = step.seats[index] ?? '';
  return t('busAskPassenger', language, {
    index: index + 1,
    count: step.seats.length,
    seat,
    women: step.women.includes(seat) ? t('busWomenSeat', language) : '',
  });
}

function answerPassenger(session: Session, step: BusStep, text: string, env: TurnEnv): Turn {
  const language = languageOf(session);
  const passenger = parsePassenger(text);
  if (!passenger)
    return show(session, step, textScreen([t('busBadPassenger', language), askPassenger(step, language)]), env);
  const seat = step.seats[step.passengers.length] ?? '';
  if (step.women.includes(seat) && passenger.gender !== 'female')
    return show(session, step, textScreen([t('busWomenOnly', language, { seat })]), env);
  const passengers = [...step.passengers, passenger];
  const next: BusStep = { ...step, passengers };
  if (passengers.length < step.seats.length)
    return show(session, next, textScreen([askPassenger(next, language)]), env);
  return review(session, { ...next, stage: 'review' }, env);
}

const listed = (passengers: Passenger[]) =>
  passengers.map((p) => `${p.name} (${p.age}, ${p.gender[0]!.toUpperCase()})`).join('; ');

function fareOf(step: BusStep): number {
  const chosen = step.shown.find((s) => s.serviceCode === step.serviceCode);
  return (chosen?.farePaise ?? 0) * step.seats.length;
}

function review(session: Session, step: BusStep, env: TurnEnv): Turn {
  const language = languageOf(session);
  const chosen = step.shown.find((s) => s.serviceCode === step.serviceCode);
  const summary = t('busReview', language, {
    from: placeOf(step.from, language),
    to: placeOf(step.to, language),
    bus: busName(chosen?.busType ?? '', language),
    date: istDate(step.date ?? ''),
    departs: chosen?.departs ?? '',
    seats: step.seats.join(', '),
    passengers: listed(step.passengers),
    amount: formatPaise(fareOf(step)),
    minutes: limits().holdMinutes,
  });
  const actions = ['bus-hold', 'cancel'];
  return show(
    session,
    step,
    {
      replies: [
        {
          type: 'buttons',
          body: summary,
          buttons: [
            { id: rowId('bus-hold', env.token), title: t('busHoldButton', language) },
            { id: rowId('cancel', env.token), title: t('cancelButton', language) },
          ],
        },
      ],
      options: actions,
    },
    env,
  );
}

/** The hold APSRTC answered: held, the booking's application starts (payment, then the e-ticket); else seats again. */
function hold(session: Session, step: BusStep, service: Service, env: TurnEnv): Turn {
  const language = languageOf(session);
  const found = env.context.bus;
  if (found?.kind !== 'hold') return show(session, step, textScreen([t('busUnavailable', language)]), env);
  const answer = found.hold;
  if (answer.status !== 'held') {
    const taken = t('busSeatsTaken', language, { seats: answer.seats.join(', ') });
    const seats: BusStep = { ...step, stage: 'seats', free: step.free.filter((s) => !answer.seats.includes(s)) };
    return show(session, seats, textScreen([taken]), env);
  }
  const chosen = step.shown.find((s) => s.serviceCode === step.serviceCode);
  const values = {
    'from-place': placeOf(step.from, 'en'),
    'to-place': placeOf(step.to, 'en'),
    'travel-date': step.date ?? '',
    persons: String(step.seats.length),
    'service-code': step.serviceCode ?? '',
    'bus-type': busName(chosen?.busType ?? '', 'en'),
    departs: chosen?.departs ?? '',
    seats: step.seats.join(', '),
    passengers: listed(step.passengers),
    'hold-id': answer.holdId,
    'hold-expires-at': answer.expiresAt,
    amount: String(paiseToRupees(answer.farePaise)),
  };
  const application = draftApplication(session, service, values, '', env);
  const held = t('busHeld', language, {
    seats: step.seats.join(', '),
    until: istTime(answer.expiresAt),
    applicationId: application.applicationId,
    amount: formatPaise(answer.farePaise),
  });
  return show(session, { name: 'menu', page: 0 }, withText([held], { replies: [], options: [] }), env, [
    { type: 'start-application', application },
  ]);
}

function again(session: Session, step: BusStep, env: TurnEnv, before: string[]): Turn {
  return step.stage === 'review' ? review(session, step, env) : show(session, step, textScreen(before), env);
}
