import { type Inventory, InventorySchema } from '../bookings/inventory-model.ts';
import { ValidationError } from '../errors.ts';
import * as z from '../validation.ts';
import { issueLine } from '../validation.ts';
import { TEMPLES as TEMPLE_DATA, type Temple } from './temples.ts';

/**
 * The inventory of each booking service that sells places (docs/department-systems.md, "Reservations"): the bus
 * tickets are APSRTC's, whose reservation system is the source of truth; darshan, seva and temple rooms Mitra keeps.
 * Validated once when first read; a booking service without an entry here still goes to its department's officer.
 */

/** Special entry darshan: the slot times and the places and price of each slot, per temple. */
const DARSHAN: Record<Temple, { times: string[]; places: number; rupees: number }> = {
  tirumala: { times: ['07:00', '09:00', '11:00', '13:00', '15:00', '17:00'], places: 600, rupees: 300 },
  srisailam: { times: ['06:30', '09:30', '12:30', '16:00', '19:00'], places: 300, rupees: 300 },
  'kanaka-durga': { times: ['06:00', '08:00', '10:00', '14:00', '17:00'], places: 250, rupees: 100 },
  simhachalam: { times: ['07:00', '10:00', '15:00', '18:00'], places: 200, rupees: 100 },
  annavaram: { times: ['06:00', '09:00', '12:00', '16:00'], places: 200, rupees: 200 },
  srikalahasti: { times: ['06:00', '09:00', '13:00', '17:00'], places: 150, rupees: 250 },
  'dwaraka-tirumala': { times: ['06:00', '10:00', '16:00'], places: 150, rupees: 100 },
};

const name = (temple: Temple) => ({ en: TEMPLE_DATA[temple].name[0], te: TEMPLE_DATA[temple].name[1] });
const TEMPLES = Object.keys(TEMPLE_DATA) as Temple[];

const INVENTORIES = [
  {
    serviceId: 'apsrtc.bus-ticket',
    source: 'apsrtc',
    holdMinutes: 10,
    maxPerBooking: 6,
    daysAhead: 30,
    // APSRTC's rules: a little is kept two days ahead, more on the day, nothing once the bus is within the hour.
    cancellation: [
      { hoursBefore: 48, refundPercent: 90 },
      { hoursBefore: 12, refundPercent: 75 },
      { hoursBefore: 1, refundPercent: 50 },
    ],
  },
  {
    serviceId: 'endowments.darshan-ticket',
    source: 'mitra',
    holdMinutes: 10,
    maxPerBooking: 6,
    daysAhead: 30,
    quota: { max: 6, per: 'month' },
    cancellation: [
      { hoursBefore: 72, refundPercent: 80 },
      { hoursBefore: 24, refundPercent: 50 },
    ],
    resources: TEMPLES.map((temple) => ({
      id: `${temple}-darshan`,
      name: name(temple),
      of: temple,
      times: DARSHAN[temple].times,
      capacity: { type: 'places', count: DARSHAN[temple].places },
      price: { perPlacePaise: DARSHAN[temple].rupees * 100, concessions: [{ maxAge: 11, payPercent: 0 }] },
    })),
  },
  {
    serviceId: 'endowments.seva-ticket',
    source: 'mitra',
    holdMinutes: 10,
    maxPerBooking: 2,
    daysAhead: 30,
    quota: { max: 4, per: 'month' },
    cancellation: [{ hoursBefore: 72, refundPercent: 75 }],
    resources: TEMPLES.map((temple) => ({
      id: `${temple}-kalyanam`,
      name: name(temple),
      of: temple,
      times: ['10:30'],
      capacity: { type: 'places', count: 100 },
      price: { perPlacePaise: temple === 'tirumala' ? 100_000 : 50_000 },
    })),
  },
  {
    serviceId: 'endowments.accommodation',
    source: 'mitra',
    holdMinutes: 10,
    maxPerBooking: 2,
    daysAhead: 30,
    cancellation: [
      { hoursBefore: 48, refundPercent: 90 },
      { hoursBefore: 24, refundPercent: 50 },
    ],
    resources: TEMPLES.map((temple) => ({
      id: `${temple}-rooms`,
      name: name(temple),
      of: temple,
      times: ['12:00'],
      capacity: { type: 'places', count: 40 },
      price: { perPlacePaise: 50_000, weekendPercent: 20 },
    })),
  },
];

let parsed: Map<string, Inventory> | undefined;

/** Every inventory, validated once: a bad entry fails with every problem named. */
export function inventories(): Map<string, Inventory> {
  if (parsed) return parsed;
  const result = z.array(InventorySchema).safeParse(INVENTORIES);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => issueLine(issue));
    throw new ValidationError(`the booking inventories are invalid:\n${problems.join('\n')}`);
  }
  parsed = new Map(result.data.map((inventory) => [inventory.serviceId, inventory]));
  return parsed;
}

/** The inventory a booking service sells from, or undefined when its department's officer confirms it instead. */
export function inventoryOf(serviceId: string): Inventory | undefined {
  return inventories().get(serviceId);
}
