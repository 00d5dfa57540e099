import type { Inventory } from './inventory-model.ts';
import { priceOf, unitsOf } from './inventory-model.ts';

/** What a slot's turn asks of Mitra's inventory: hold `count` places of one resource at one time for this person. */
export interface SlotNeed {
  serviceId: string;
  resourceKey: string;
  count: number;
  units: string[];
  holdMinutes: number;
  quota?: { serviceId: string; holderHash: string; month: string; max: number };
}

/** Mitra's inventory's answer to a hold (lambdas/adapters/booking-inventory.ts). */
export type SlotOutcome =
  | { held: true; units: string[]; expiresAt: string }
  | { held: false; reason: 'taken' | 'sold-out' | 'quota'; units?: string[] }
  | { unavailable: true };

/**
 * The places a form's answers ask for: its number of persons or of rooms, or one where the service asks neither (an
 * appointment, a guide, a ground: one booking is one place).
 */
export function placesOf(values: Record<string, string>): number {
  const asked = values.persons ?? values.rooms;
  return asked === undefined ? 1 : Number(asked);
}

/**
 * The resource a form's answers book: the one of the temple, place or district chosen in answer to the inventory's
 * place question (and never one another answer happens to name, such as a village typed as a district's name).
 */
export function resourceOf(inventory: Inventory, values: Record<string, string>) {
  const chosen = inventory.placeField === undefined ? undefined : values[inventory.placeField];
  return chosen === undefined ? undefined : inventory.resources.find((resource) => resource.of === chosen);
}

/** One resource at one time on one date: the partition its units are held and sold in. */
const resourceKeyOf = (serviceId: string, resourceId: string, date: string, time: string) =>
  `${serviceId}#${resourceId}#${date}#${time}`;

/** The hold a chosen slot asks for, or undefined when the answers do not name a resource of the inventory. */
export function slotNeedOf(
  inventory: Inventory,
  values: Record<string, string>,
  time: string,
  holderHash: string,
): SlotNeed | undefined {
  const resource = resourceOf(inventory, values);
  const date = values['travel-date'];
  const count = placesOf(values);
  if (!resource || !date || !resource.times.includes(time) || !Number.isInteger(count) || count < 1) return undefined;
  return {
    serviceId: inventory.serviceId,
    resourceKey: resourceKeyOf(inventory.serviceId, resource.id, date, time),
    count,
    units: unitsOf(resource.capacity),
    holdMinutes: inventory.holdMinutes,
    ...(inventory.quota && holderHash
      ? { quota: { serviceId: inventory.serviceId, holderHash, month: date.slice(0, 7), max: inventory.quota.max } }
      : {}),
  };
}

/** The price in paise of the places the answers ask for, on their date. */
export function slotPriceOf(inventory: Inventory, values: Record<string, string>): number {
  const resource = resourceOf(inventory, values);
  const count = placesOf(values) || 0;
  return resource ? priceOf(resource.price, values['travel-date'] ?? '', Array(count).fill(undefined)) : 0;
}
