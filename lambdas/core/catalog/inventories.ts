import { inventoryData } from '#core/catalog/inventory-data.ts';
import { type Inventory, InventorySchema } from '../bookings/inventory-model.ts';
import { ValidationError } from '../errors.ts';
import * as z from '../validation.ts';
import { issueLine } from '../validation.ts';

/**
 * The inventory of each booking service that sells places (docs/department-systems.md, "Reservations"), as
 * inventory-data.ts writes them. Validated once when first read; a booking service without an entry would go to its
 * department's officer to confirm.
 */

let parsed: Map<string, Inventory> | undefined;

/** Every inventory, validated once: a bad entry fails with every problem named. */
export function inventories(): Map<string, Inventory> {
  if (parsed) return parsed;
  const result = z.array(InventorySchema).safeParse(inventoryData());
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
