import { describe, expect, it } from 'vitest';
import { placesOf, resourceOf, slotNeedOf, slotPriceOf } from '../../../lambdas/core/bookings/slots.ts';
import { catalog } from '../../../lambdas/core/catalog/catalog.ts';
import { inventories, inventoryOf } from '../../../lambdas/core/catalog/inventories.ts';
import { amountDue } from '../../../lambdas/core/fulfilment/registry.ts';

// What a citizen can reach: every booking service sells from an inventory, every
// place it keeps is one of its form's options, and a booking of one place costs one place.

const bookings = catalog().services.filter((s) => s.kind === 'booking');
const service = (id: string) => catalog().services.find((s) => s.id === id)!;

describe('the inventories of the catalog’s booking services', () => {
  it('every booking service sells from an inventory: none waits for an officer to confirm it', () => {
    const withoutInventory = bookings.filter((s) => !inventoryOf(s.id)).map((s) => s.id);
    expect(withoutInventory).toEqual([]);
    expect(bookings.length).toBe(18);
    const kept = [...inventories().values()].filter((i) => i.source === 'mitra').map((i) => i.serviceId);
    expect(kept).toHaveLength(17);
  });

  it('every place an inventory keeps is an option of its place question, so a citizen can choose it', () => {
    for (const inventory of inventories().values()) {
      if (inventory.source !== 'mitra') continue;
      const placeField = service(inventory.serviceId).fields.find((f) => f.id === inventory.placeField);
      expect(placeField?.type, `${inventory.serviceId} asks ${inventory.placeField}`).toBe('choice');
      const options = placeField!.options!.map((o) => o.id);
      for (const resource of inventory.resources)
        expect(options, `${inventory.serviceId}: ${resource.id}`).toContain(resource.of);
    }
  });

  it('every option of the place question of a kept service has a place on sale', () => {
    for (const inventory of inventories().values()) {
      if (inventory.source !== 'mitra') continue;
      const of = new Set(inventory.resources.map((r) => r.of));
      const placeField = service(inventory.serviceId).fields.find((f) => f.id === inventory.placeField)!;
      for (const option of placeField.options!) expect(of, `${inventory.serviceId}: ${option.id}`).toContain(option.id);
    }
  });

  it('no booking service asks a time of day on its form: the slot list offers the inventory’s times', () => {
    for (const booking of bookings) expect(booking.fields.map((f) => f.id)).not.toContain('slot');
  });

  it('the fee a service lists is the price of a place it sells, so nothing shown earlier contradicts the slot', () => {
    for (const inventory of inventories().values()) {
      if (inventory.source !== 'mitra') continue;
      const prices = inventory.resources.map((r) => r.price.perPlacePaise / 100);
      expect(prices, inventory.serviceId).toContain(service(inventory.serviceId).fee);
    }
  });
});

describe('booking one place', () => {
  const hospital = inventoryOf('health.hospital-appointment')!;
  const licence = inventoryOf('transport.learner-licence')!;
  const answers = { 'applicant-name': 'Ravi Kumar Reddy', district: 'guntur', 'travel-date': '2026-12-09' };

  it('a service that asks no number of persons books one place, at the district’s office', () => {
    expect(placesOf(answers)).toBe(1);
    expect(resourceOf(hospital, answers)?.name).toEqual({
      en: 'District Hospital, Guntur',
      te: 'జిల్లా ఆసుపత్రి, గుంటూరు',
    });
    expect(slotNeedOf(hospital, answers, '10:00', 'hash')).toMatchObject({ count: 1, quota: { max: 4 } });
  });

  it('books at the office of the district chosen, whatever another answer happens to name', () => {
    const soil = inventoryOf('agriculture.soil-test')!;
    // A village typed as another district's name.
    const typed = { ...answers, village: 'krishna', 'survey-number': '123' };
    expect(resourceOf(soil, typed)?.of).toBe('guntur');
    expect(resourceOf(soil, { ...typed, district: 'unknown' })).toBeUndefined();
  });

  it('prices one place: the learner licence test costs its fee of ₹150 once, a hospital visit nothing', () => {
    expect(slotPriceOf(licence, answers)).toBe(15_000);
    expect(amountDue(service('transport.learner-licence'), answers)).toBe(150);
    expect(slotPriceOf(hospital, answers)).toBe(0);
    expect(amountDue(service('health.hospital-appointment'), answers)).toBe(0);
  });

  it('prices so many persons or rooms: a tour for two costs twice a tour for one', () => {
    const tour = inventoryOf('tourism.tour-package')!;
    const one = { tour: 'araku-day-tour', 'travel-date': '2026-12-09', persons: '1' };
    expect(slotPriceOf(tour, one)).toBe(120_000);
    expect(slotPriceOf(tour, { ...one, persons: '2' })).toBe(240_000);
    expect(amountDue(service('tourism.tour-package'), { ...one, persons: '2' })).toBe(2400);
    const hotel = inventoryOf('tourism.hotel-booking')!;
    // Two rooms at Srisailam on a Wednesday night, and on a Saturday with the weekend's fifth more.
    const rooms = { 'haritha-hotel': 'haritha-srisailam', 'travel-date': '2026-12-09', rooms: '2' };
    expect(slotPriceOf(hotel, rooms)).toBe(300_000);
    expect(slotPriceOf(hotel, { ...rooms, 'travel-date': '2026-12-12' })).toBe(360_000);
  });
});
