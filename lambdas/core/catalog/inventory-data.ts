import { DISTRICTS } from './districts.ts';
import { TEMPLES as TEMPLE_DATA, type Temple } from './temples.ts';
import { BOATING_POINTS, HARITHA_HOTELS, HERITAGE_SITES, TOURS } from './tourism-places.ts';

/**
 * What each booking service sells, as data (docs/department-systems.md, "Reservations"): the bus tickets are
 * APSRTC's, whose reservation system is the source of truth; every other booking Mitra keeps: darshan, seva and
 * temple rooms, AP Tourism's rooms, tours, boats and guides, and the appointments of district offices. Every booking
 * service of the catalog has one (a choice registration number, allotted by the RTA, by e-auction when several ask
 * for it, is an application).
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

/** One resource per place of AP Tourism's tables (tourism-places.ts), for the option of the same id. */
function tourismResources(
  places: Record<string, { name: readonly [string, string]; times: readonly string[]; places: number; rupees: number }>,
  weekendPercent?: number,
) {
  return Object.entries(places).map(([id, place]) => ({
    id,
    name: { en: place.name[0], te: place.name[1] },
    of: id,
    times: [...place.times],
    capacity: { type: 'places', count: place.places },
    price: { perPlacePaise: place.rupees * 100, ...(weekendPercent ? { weekendPercent } : {}) },
  }));
}

/**
 * One resource per district for an appointment kept by the district's office: `office` in both languages before the
 * district's name ("District Hospital, Guntur"), for the district chosen on the form.
 */
function districtResources(
  suffix: string,
  office: readonly [string, string],
  slots: { times: string[]; places: number; rupees?: number; weekendPercent?: number },
) {
  return DISTRICTS.map((district) => ({
    id: `${district.id}-${suffix}`,
    name: { en: `${office[0]}, ${district.label.en}`, te: `${office[1]}, ${district.label.te}` },
    of: district.id,
    times: slots.times,
    capacity: { type: 'places', count: slots.places },
    price: {
      perPlacePaise: (slots.rupees ?? 0) * 100,
      ...(slots.weekendPercent ? { weekendPercent: slots.weekendPercent } : {}),
    },
  }));
}

/** AP Tourism's rooms, tours, boat rides and guides: per room a night, per person, and per guide. */
const TOURISM = [
  {
    serviceId: 'tourism.hotel-booking',
    source: 'mitra',
    unit: 'room',
    placeField: 'haritha-hotel',
    holdMinutes: 10,
    maxPerBooking: 4,
    daysAhead: 90,
    cancellation: [
      { hoursBefore: 72, refundPercent: 80 },
      { hoursBefore: 24, refundPercent: 50 },
    ],
    // Friday and Saturday nights are AP Tourism's busiest; a weekend night costs a fifth more.
    resources: tourismResources(HARITHA_HOTELS, 20),
  },
  {
    serviceId: 'tourism.tour-package',
    source: 'mitra',
    placeField: 'tour',
    holdMinutes: 10,
    maxPerBooking: 6,
    daysAhead: 60,
    cancellation: [
      { hoursBefore: 48, refundPercent: 75 },
      { hoursBefore: 24, refundPercent: 50 },
    ],
    resources: tourismResources(TOURS),
  },
  {
    serviceId: 'tourism.boating',
    source: 'mitra',
    placeField: 'boating-point',
    holdMinutes: 10,
    maxPerBooking: 6,
    daysAhead: 30,
    cancellation: [
      { hoursBefore: 24, refundPercent: 75 },
      { hoursBefore: 3, refundPercent: 50 },
    ],
    resources: tourismResources(BOATING_POINTS),
  },
  {
    serviceId: 'tourism.guide-booking',
    source: 'mitra',
    placeField: 'heritage-site',
    holdMinutes: 10,
    maxPerBooking: 1,
    daysAhead: 30,
    cancellation: [
      { hoursBefore: 24, refundPercent: 100 },
      { hoursBefore: 6, refundPercent: 50 },
    ],
    resources: tourismResources(HERITAGE_SITES),
  },
];

/** A free appointment may be given up until shortly before it, so the place goes to someone else. */
const FREE_CANCELLATION = [{ hoursBefore: 2, refundPercent: 100 }];

/**
 * An appointment at each district's office, one place a booking, held 10 minutes: free unless `slots.rupees` says
 * otherwise, with a monthly quota where one is given.
 */
function appointment(
  serviceId: string,
  resources: ReturnType<typeof districtResources>,
  terms: { daysAhead: number; quota?: number; cancellation?: { hoursBefore: number; refundPercent: number }[] },
) {
  return {
    serviceId,
    source: 'mitra',
    placeField: 'district',
    unit: 'appointment',
    holdMinutes: 10,
    maxPerBooking: 1,
    daysAhead: terms.daysAhead,
    ...(terms.quota ? { quota: { max: terms.quota, per: 'month' } } : {}),
    cancellation: terms.cancellation ?? FREE_CANCELLATION,
    resources,
  };
}

/**
 * Appointments at each district's office: most are free (the ticket is the appointment), the learner licence test
 * and a stadium's ground cost their fee. Quotas where a person could otherwise hoard slots others need (hospital
 * visits, registration slots, licence tests, assessment camps).
 */
const APPOINTMENTS = [
  appointment(
    'health.hospital-appointment',
    districtResources('hospital', ['District Hospital', 'జిల్లా ఆసుపత్రి'], {
      times: ['09:00', '10:00', '11:00', '12:00'],
      places: 40,
    }),
    { daysAhead: 14, quota: 4 },
  ),
  appointment(
    'health.disability-assessment',
    districtResources('sadarem', ['SADAREM camp', 'సదరం క్యాంప్'], { times: ['09:30'], places: 60 }),
    { daysAhead: 60, quota: 1 },
  ),
  appointment(
    'agriculture.soil-test',
    districtResources('soil-lab', ['Soil testing lab', 'భూసార పరీక్ష కేంద్రం'], {
      times: ['10:00', '12:00', '15:00'],
      places: 25,
    }),
    { daysAhead: 30 },
  ),
  appointment(
    'transport.learner-licence',
    districtResources('rta', ['RTA office', 'ఆర్టీఏ కార్యాలయం'], {
      times: ['10:00', '11:00', '12:00', '14:00', '15:00', '16:00'],
      places: 30,
      rupees: 150,
    }),
    // The test fee is refunded in full a day ahead, nothing later: the place is kept for the applicant till then.
    { daysAhead: 30, quota: 2, cancellation: [{ hoursBefore: 24, refundPercent: 100 }] },
  ),
  appointment(
    'village-secretariat.doorstep-service',
    districtResources('doorstep', ['Village and ward secretariats', 'గ్రామ, వార్డు సచివాలయాలు'], {
      times: ['10:00', '12:00', '15:00', '17:00'],
      places: 50,
    }),
    { daysAhead: 14 },
  ),
  appointment(
    'youth-sports.stadium-booking',
    // Four grounds and courts a session; weekend sessions cost half as much again.
    districtResources('stadium', ['District sports stadium', 'జిల్లా క్రీడా మైదానం'], {
      times: ['06:00', '08:00', '16:00', '18:00'],
      places: 4,
      rupees: 200,
      weekendPercent: 50,
    }),
    {
      daysAhead: 30,
      cancellation: [
        { hoursBefore: 48, refundPercent: 100 },
        { hoursBefore: 24, refundPercent: 50 },
      ],
    },
  ),
  appointment(
    'registration.slot-booking',
    districtResources('sro', ['Sub-Registrar office', 'సబ్ రిజిస్ట్రార్ కార్యాలయం'], {
      times: ['10:30', '11:30', '12:30', '14:30', '15:30', '16:30'],
      places: 10,
    }),
    { daysAhead: 30, quota: 4 },
  ),
  appointment(
    'rwss.water-testing',
    districtResources('water-lab', ['District water testing lab', 'జిల్లా నీటి పరీక్ష ప్రయోగశాల'], {
      times: ['10:00', '14:00'],
      places: 20,
    }),
    { daysAhead: 30 },
  ),
  appointment(
    'animal-husbandry.vet-visit',
    districtResources('vet', ['Mobile veterinary clinic', 'సంచార పశు వైద్యశాల'], {
      times: ['08:00', '11:00', '14:00', '16:00'],
      places: 6,
    }),
    { daysAhead: 7 },
  ),
  appointment(
    'skill-development.job-fair',
    districtResources('job-mela', ['Job mela', 'జాబ్ మేళా'], { times: ['10:00'], places: 500 }),
    { daysAhead: 60 },
  ),
];

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
    placeField: 'temple',
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
      // Per person: the chat asks how many, not their ages, so an age concession could never be given.
      price: { perPlacePaise: DARSHAN[temple].rupees * 100 },
    })),
  },
  {
    serviceId: 'endowments.seva-ticket',
    source: 'mitra',
    placeField: 'temple',
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
    unit: 'room',
    placeField: 'temple',
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
  ...TOURISM,
  ...APPOINTMENTS,
];

/**
 * The inventories as written here, before validation (inventories.ts validates them). A function's bundle reads the
 * same list from inventories.json beside it instead (package.json#imports, `mitra-bundle`), written at build time by
 * tools/bundle-data.ts once the schema has parsed it: the places and offices stay out of its code.
 */
export function inventoryData(): unknown[] {
  return INVENTORIES;
}
