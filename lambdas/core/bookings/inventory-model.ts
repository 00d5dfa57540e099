import * as z from '../validation.ts';

/**
 * What a booking service sells, as data: the resources (a bus service on a date, a temple's darshan slot, a room type
 * on a night), each one's capacity (a seat map, or a number of places), its price rules, the quota one person may
 * book, and the cancellation rules. A new booking service is an entry of this model plus the back end that holds its
 * inventory, not code.
 */

const slug = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'));
const bilingual = z.strictObject({
  en: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  te: z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(60),
      z.regex(/[\u0C00-\u0C7F]/, 'the Telugu text must be in Telugu script'),
    ),
});
const Paise = z.number().check(z.int(), z.nonnegative(), z.lte(10_000_000));
const Time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM'));

/** One seat of a seat map; seats reserved for women are shown and sold as such. */
const SeatSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Z0-9]{1,4}$/, 'a seat number of up to four letters or digits')),
  reservedFor: z.optional(z.literal('women')),
});

/** How many can be sold of one resource: named seats, or a number of interchangeable places (a slot, rooms). */
const CapacitySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('seats'), seats: z.array(SeatSchema).check(z.minLength(1), z.maxLength(100)) }),
  z.strictObject({ type: z.literal('places'), count: z.number().check(z.int(), z.positive(), z.lte(5000)) }),
]);
export type Capacity = z.infer<typeof CapacitySchema>;

/** Fare or price: a price per place, with a surcharge on weekends and concessions by age (a child's half fare). */
const PriceSchema = z.strictObject({
  perPlacePaise: Paise,
  weekendPercent: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100))),
  concessions: z.optional(
    z.array(
      z.strictObject({
        maxAge: z.number().check(z.int(), z.gte(0), z.lte(120)),
        /** Percent of the price paid. */
        payPercent: z.number().check(z.int(), z.gte(0), z.lte(100)),
      }),
    ),
  ),
});
export type Price = z.infer<typeof PriceSchema>;

/** One resource kept by Mitra: sold at each of its times on each date. */
const ResourceSchema = z.strictObject({
  id: slug,
  name: bilingual,
  /** The catalog choice (e.g. the temple) this resource belongs to. */
  of: slug,
  times: z.array(Time).check(z.minLength(1), z.maxLength(24)),
  capacity: CapacitySchema,
  price: PriceSchema,
});

/**
 * Refund on cancellation: the first rule whose `hoursBefore` the cancellation is at least, keeps `refundPercent`;
 * later than every rule, nothing is refunded and the booking can no longer be cancelled.
 */
const CancellationSchema = z
  .array(
    z.strictObject({
      hoursBefore: z.number().check(z.nonnegative()),
      refundPercent: z.number().check(z.int(), z.gte(0), z.lte(100)),
    }),
  )
  .check(
    z.refine(
      (rules) => rules.every((rule, i) => i === 0 || rule.hoursBefore < rules[i - 1]!.hoursBefore),
      'cancellation rules run from the earliest (most hours before) to the latest',
    ),
  );
export type CancellationRules = z.infer<typeof CancellationSchema>;

export const InventorySchema = z
  .strictObject({
    /** The catalog service (kind `booking`) that sells it. */
    serviceId: z.string().check(z.regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/)),
    /**
     * Where the inventory lives: `mitra` keeps it in the table (holds and sales as conditional writes); a
     * department's reservation system (`apsrtc`) is the source of truth behind its HTTP contract.
     */
    source: z.enum(['mitra', 'apsrtc']),
    /** How long a hold keeps places for payment, in minutes. */
    holdMinutes: z.number().check(z.int(), z.gte(1), z.lte(60)),
    /** What one place is called to the citizen: a ticket, a room, an appointment. */
    unit: z._default(z.enum(['ticket', 'room', 'appointment']), 'ticket'),
    /** Places one booking may take (passengers, tickets). */
    maxPerBooking: z.number().check(z.int(), z.gte(1), z.lte(10)),
    /** How far ahead one may book, in days. */
    daysAhead: z.number().check(z.int(), z.gte(1), z.lte(120)),
    /** At most `max` places per person (by verified Aadhaar) per calendar month, across this service. */
    quota: z.optional(z.strictObject({ max: z.number().check(z.int(), z.positive()), per: z.literal('month') })),
    cancellation: CancellationSchema,
    /** The form's question whose answer names the resource booked (its `of`): the temple, the hotel, the district. */
    placeField: z.optional(slug),
    /** The resources Mitra keeps; none for a department's own reservation system. */
    resources: z._default(z.array(ResourceSchema).check(z.maxLength(200)), []),
  })
  .check(
    z.superRefine((inventory, ctx) => {
      if ((inventory.source === 'mitra') !== inventory.resources.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['resources'],
          message: 'an inventory Mitra keeps lists its resources; a reservation system lists none',
        });
      if (inventory.source === 'mitra' && !inventory.placeField)
        ctx.addIssue({
          code: 'custom',
          path: ['placeField'],
          message: 'an inventory Mitra keeps names the question whose answer chooses its resource',
        });
      const ids = inventory.resources.map((r) => r.id);
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: 'custom', path: ['resources'], message: 'resource ids must be unique' });
      for (const [index, resource] of inventory.resources.entries())
        if (resource.capacity.type === 'seats') {
          const seats = resource.capacity.seats.map((s) => s.id);
          if (new Set(seats).size !== seats.length)
            ctx.addIssue({
              code: 'custom',
              path: ['resources', index, 'capacity'],
              message: 'seat ids must be unique',
            });
        }
    }),
  );
export type Inventory = z.infer<typeof InventorySchema>;

/** The units of a resource that holds and sales name: its seats, or its places numbered from 1. */
export function unitsOf(capacity: Capacity): string[] {
  return capacity.type === 'seats'
    ? capacity.seats.map((seat) => seat.id)
    : Array.from({ length: capacity.count }, (_, i) => String(i + 1));
}

/**
 * The price of one booking in paise: per place, with the weekend surcharge on the day travelled, and each
 * passenger's age concession (the first whose `maxAge` the passenger is within).
 */
export function priceOf(price: Price, date: string, ages: readonly (number | undefined)[]): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = day === 0 || day === 6 ? (price.weekendPercent ?? 0) : 0;
  const base = Math.round((price.perPlacePaise * (100 + weekend)) / 100);
  return ages.reduce<number>((sum, age) => {
    const concession = age === undefined ? undefined : price.concessions?.find((c) => age <= c.maxAge);
    return sum + Math.round((base * (concession?.payPercent ?? 100)) / 100);
  }, 0);
}

/**
 * What is refunded of `paidPaise` when cancelling at `now` a booking that starts at `startsAt`, or undefined when it
 * can no longer be cancelled.
 */
export function refundOf(
  rules: CancellationRules,
  paidPaise: number,
  startsAt: Date,
  now: Date,
): { refundPaise: number; percent: number } | undefined {
  const hours = (startsAt.getTime() - now.getTime()) / 3_600_000;
  const rule = rules.find((r) => hours >= r.hoursBefore);
  if (!rule) return undefined;
  return { refundPaise: Math.floor((paidPaise * rule.refundPercent) / 100), percent: rule.refundPercent };
}
