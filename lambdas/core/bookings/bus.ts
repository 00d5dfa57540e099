import { latinDigits } from '../forms/digits.ts';
import { likeness, wordsOf } from '../understanding/match-service.ts';
import * as z from '../validation.ts';

/**
 * APSRTC's reservation system, the source of truth of its seats, behind the contract of docs/department-systems.md
 * ("Reservations"): the places it serves, and the shapes of its answers.
 */

interface Place {
  code: string;
  name: { en: string; te: string };
  /** Other names people type: old names, short names, bus stations. */
  aliases: string[];
}

export const PLACES: readonly Place[] = [
  { code: 'VJA', name: { en: 'Vijayawada', te: 'విజయవాడ' }, aliases: ['bezawada', 'బెజవాడ', 'pnbs'] },
  { code: 'HYD', name: { en: 'Hyderabad', te: 'హైదరాబాద్' }, aliases: ['hyd', 'mgbs', 'హైదరాబాదు'] },
  { code: 'GNT', name: { en: 'Guntur', te: 'గుంటూరు' }, aliases: ['gunturu'] },
  { code: 'TPT', name: { en: 'Tirupati', te: 'తిరుపతి' }, aliases: ['tirupathi', 'thirupathi'] },
  {
    code: 'VSP',
    name: { en: 'Visakhapatnam', te: 'విశాఖపట్నం' },
    aliases: ['vizag', 'visakha', 'vishakhapatnam', 'వైజాగ్', 'విశాఖ'],
  },
  {
    code: 'RJY',
    name: { en: 'Rajahmundry', te: 'రాజమహేంద్రవరం' },
    aliases: ['rajamahendravaram', 'rajamundry', 'రాజమండ్రి'],
  },
  { code: 'KNL', name: { en: 'Kurnool', te: 'కర్నూలు' }, aliases: ['karnool'] },
  { code: 'NLR', name: { en: 'Nellore', te: 'నెల్లూరు' }, aliases: ['nelluru'] },
  { code: 'KKD', name: { en: 'Kakinada', te: 'కాకినాడ' }, aliases: [] },
  { code: 'ATP', name: { en: 'Anantapur', te: 'అనంతపురం' }, aliases: ['anantapuramu', 'ananthapur'] },
  { code: 'OGL', name: { en: 'Ongole', te: 'ఒంగోలు' }, aliases: [] },
  { code: 'KDP', name: { en: 'Kadapa', te: 'కడప' }, aliases: ['cuddapah'] },
  { code: 'SSM', name: { en: 'Srisailam', te: 'శ్రీశైలం' }, aliases: [] },
  { code: 'MAS', name: { en: 'Chennai', te: 'చెన్నై' }, aliases: ['madras'] },
  { code: 'BLR', name: { en: 'Bengaluru', te: 'బెంగళూరు' }, aliases: ['bangalore', 'bengalore'] },
];

export type PlaceMatch = { place: Place } | { choices: Place[] } | { none: true };

/**
 * The place a typed name means, in English, Telugu or Telugu in Latin letters, forgiving a misspelling as the
 * catalog's search does; two places that match equally well are offered to choose from.
 */
export function findPlace(typed: string): PlaceMatch {
  const words = wordsOf(typed).join('');
  if (words.length < 2) return { none: true };
  const scored = PLACES.map((place) => {
    const names = [place.name.en, place.name.te, ...place.aliases].map((name) => wordsOf(name).join(''));
    return { place, score: Math.max(...names.map((name) => likeness(words, name))) };
  }).filter((s) => s.score > 0);
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best).map((s) => s.place);
  if (top.length === 0) return { none: true };
  return top.length === 1 ? { place: top[0]! } : { choices: top };
}

export const BUS_TYPES = {
  pallevelugu: { en: 'Pallevelugu', te: 'పల్లెవెలుగు' },
  express: { en: 'Express', te: 'ఎక్స్‌ప్రెస్' },
  'ultra-deluxe': { en: 'Ultra Deluxe', te: 'అల్ట్రా డీలక్స్' },
  'super-luxury': { en: 'Super Luxury', te: 'సూపర్ లగ్జరీ' },
  indra: { en: 'Indra AC', te: 'ఇంద్ర ఏసీ' },
  amaravati: { en: 'Amaravati AC', te: 'అమరావతి ఏసీ' },
  'vennela-sleeper': { en: 'Vennela AC sleeper', te: 'వెన్నెల ఏసీ స్లీపర్' },
} as const;

const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const Paise = z.number().check(z.int(), z.nonnegative(), z.lte(10_000_000));
const ServiceCode = z.string().check(z.regex(/^[A-Z0-9-]{3,24}$/));
const SeatId = z.string().check(z.regex(/^[A-Z0-9]{1,4}$/));

/** One bus service on the date asked. */
const BusServiceSchema = z.strictObject({
  serviceCode: ServiceCode,
  from: z.string(),
  to: z.string(),
  departs: Clock,
  arrives: Clock,
  /** Arrives the next day. */
  overnight: z.boolean(),
  busType: z.enum(Object.keys(BUS_TYPES) as [keyof typeof BUS_TYPES, ...(keyof typeof BUS_TYPES)[]]),
  farePaise: Paise,
  seatsLeft: z.number().check(z.int(), z.nonnegative()),
});
export type BusService = z.infer<typeof BusServiceSchema>;

export const BusSearchSchema = z.strictObject({ services: z.array(BusServiceSchema).check(z.maxLength(50)) });

export const SeatMapSchema = z.strictObject({
  seats: z
    .array(z.strictObject({ id: SeatId, reservedFor: z.optional(z.literal('women')), free: z.boolean() }))
    .check(z.maxLength(100)),
});
export type SeatMap = z.infer<typeof SeatMapSchema>;

const PassengerSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  age: z.number().check(z.int(), z.gte(0), z.lte(120)),
  gender: z.enum(['female', 'male', 'other']),
});

export const BusHoldRequestSchema = z.strictObject({
  idempotencyKey: z.string().check(z.minLength(1), z.maxLength(64)),
  serviceCode: ServiceCode,
  date: Day,
  seats: z.array(SeatId).check(z.minLength(1), z.maxLength(6)),
  passengers: z.array(PassengerSchema).check(z.minLength(1), z.maxLength(6)),
  holdMinutes: z.number().check(z.int(), z.gte(1), z.lte(60)),
});

export const BusHoldSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('held'),
    holdId: z.string().check(z.minLength(1), z.maxLength(64)),
    expiresAt: z.string(),
    farePaise: Paise,
  }),
  /** Seats someone else holds or bought, or a seat for women asked for a man. */
  z.strictObject({ status: z.literal('unavailable'), seats: z.array(SeatId), reason: z.enum(['taken', 'women-only']) }),
]);
export type BusHold = z.infer<typeof BusHoldSchema>;

export const BusConfirmationSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('confirmed'), pnr: z.string().check(z.regex(/^[A-Z0-9]{6,16}$/)) }),
  /** The hold lapsed before the payment: nothing is sold and the payment is refunded. */
  z.strictObject({ status: z.literal('expired') }),
]);
export type BusConfirmation = z.infer<typeof BusConfirmationSchema>;

export const BusReleaseSchema = z.strictObject({ status: z.literal('released') });

export const BusCancellationSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled'), refundPaise: Paise }),
  z.strictObject({ status: z.literal('not-cancellable') }),
]);
export type BusCancellation = z.infer<typeof BusCancellationSchema>;

/** What cancelling a ticket now would refund by APSRTC's rules, asked before the citizen confirms; nothing changes. */
export const BusRefundQuoteSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('cancellable'),
    refundPaise: Paise,
    refundPercent: z.number().check(z.int(), z.gte(0), z.lte(100)),
  }),
  /** Departed, within the last hour before departure, already cancelled, or never confirmed. */
  z.strictObject({ status: z.literal('not-cancellable') }),
]);
export type BusRefundQuote = z.infer<typeof BusRefundQuoteSchema>;

export type Passenger = z.infer<typeof PassengerSchema>;

/** What the reservation system answered for this turn, when the turn needed it. */
export type BusLookup =
  | { kind: 'services'; services: BusService[] }
  | { kind: 'seats'; seatMap: SeatMap }
  | { kind: 'hold'; hold: BusHold }
  | { kind: 'unavailable' };

const GENDERS: Record<string, Passenger['gender']> = {
  f: 'female',
  female: 'female',
  woman: 'female',
  w: 'female',
  స్త్రీ: 'female',
  మహిళ: 'female',
  m: 'male',
  male: 'male',
  man: 'male',
  పురుషుడు: 'male',
  పు: 'male',
  other: 'other',
  o: 'other',
  ఇతర: 'other',
};

/** "Ravi Kumar, 34, M" (or in Telugu "రవి, 34, పు"): a passenger, or undefined when it does not read as one. */
export function parsePassenger(typed: string): Passenger | undefined {
  const parts = typed.split(/[,;]/).map((part) => part.trim());
  if (parts.length < 3) return undefined;
  const gender = GENDERS[parts.at(-1)!.toLowerCase().replace(/\.$/, '')];
  const age = Number(latinDigits(parts.at(-2)!));
  const name = parts.slice(0, -2).join(' ').replace(/\s+/g, ' ');
  const parsed = PassengerSchema.safeParse({ name, age, gender });
  return parsed.success && /\p{L}/u.test(name) ? parsed.data : undefined;
}

/** The seat numbers typed ("12 13", "12,13", "L3 U4"), upper-cased, without repeats. */
export function typedSeats(typed: string): string[] {
  return [
    ...new Set(
      latinDigits(typed)
        .toUpperCase()
        .split(/[\s,;]+/)
        .filter((s) => /^[A-Z0-9]{1,4}$/.test(s)),
    ),
  ];
}

/** What a bus ticket's turn asks of the reservation system before it can be decided. */
export type BusNeed =
  | { kind: 'search'; from: string; to: string; date: string }
  | { kind: 'seats'; serviceCode: string; date: string }
  | { kind: 'hold'; serviceCode: string; date: string; seats: string[]; passengers: Passenger[]; holdMinutes: number };
