import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readJsonBody, sendJsonBody } from '../json-io.ts';

/** Searching from this place answers 503, as a reservation system down for maintenance would. */
export const APSRTC_DOWN_PLACE = 'SSM';

type BusType = 'pallevelugu' | 'express' | 'ultra-deluxe' | 'super-luxury' | 'indra' | 'amaravati' | 'vennela-sleeper';

/** Rupees per kilometre, as APSRTC's fare tables step them by bus type. */
const RATE: Record<BusType, number> = {
  pallevelugu: 1.05,
  express: 1.3,
  'ultra-deluxe': 1.45,
  'super-luxury': 1.65,
  indra: 1.95,
  amaravati: 2.3,
  'vennela-sleeper': 2.6,
};
/** Seats per bus type; the first four are reserved for women, as APSRTC reserves its front seats. */
const SEATS: Record<BusType, number> = {
  pallevelugu: 50,
  express: 47,
  'ultra-deluxe': 44,
  'super-luxury': 36,
  indra: 39,
  amaravati: 45,
  'vennela-sleeper': 30,
};
const WOMEN_SEATS = 4;

/** Real Andhra Pradesh routes (both directions): kilometres, and each service's departure, type and hours. */
const ROUTES: {
  from: string;
  to: string;
  km: number;
  services: [departs: string, type: BusType, minutes: number][];
}[] = [
  {
    from: 'VJA',
    to: 'HYD',
    km: 275,
    services: [
      ['05:30', 'express', 375],
      ['07:00', 'super-luxury', 345],
      ['09:15', 'indra', 330],
      ['13:30', 'ultra-deluxe', 350],
      ['22:00', 'amaravati', 320],
      ['23:30', 'vennela-sleeper', 330],
    ],
  },
  {
    from: 'GNT',
    to: 'TPT',
    km: 390,
    services: [
      ['06:00', 'express', 540],
      ['19:30', 'super-luxury', 480],
      ['21:45', 'indra', 465],
    ],
  },
  {
    from: 'VSP',
    to: 'VJA',
    km: 350,
    services: [
      ['06:15', 'express', 480],
      ['08:30', 'super-luxury', 420],
      ['21:00', 'amaravati', 400],
      ['22:30', 'indra', 410],
    ],
  },
  {
    from: 'VJA',
    to: 'TPT',
    km: 415,
    services: [
      ['08:00', 'super-luxury', 510],
      ['21:30', 'amaravati', 480],
    ],
  },
  {
    from: 'VJA',
    to: 'GNT',
    km: 35,
    services: [
      ['06:00', 'pallevelugu', 60],
      ['06:30', 'express', 50],
      ['08:00', 'pallevelugu', 60],
      ['10:00', 'express', 50],
      ['17:30', 'express', 50],
    ],
  },
  {
    from: 'KNL',
    to: 'HYD',
    km: 215,
    services: [
      ['06:00', 'super-luxury', 270],
      ['14:00', 'indra', 255],
    ],
  },
  {
    from: 'RJY',
    to: 'VSP',
    km: 195,
    services: [
      ['07:30', 'express', 270],
      ['15:00', 'super-luxury', 240],
    ],
  },
  { from: 'KKD', to: 'HYD', km: 470, services: [['20:00', 'amaravati', 540]] },
  { from: 'ATP', to: 'BLR', km: 210, services: [['06:45', 'super-luxury', 240]] },
  { from: 'NLR', to: 'MAS', km: 175, services: [['07:00', 'express', 240]] },
  { from: 'OGL', to: 'VJA', km: 150, services: [['07:15', 'express', 210]] },
  { from: 'KDP', to: 'TPT', km: 135, services: [['09:00', 'ultra-deluxe', 180]] },
  { from: 'VJA', to: 'SSM', km: 260, services: [['06:30', 'super-luxury', 390]] },
];

interface Service {
  serviceCode: string;
  from: string;
  to: string;
  departs: string;
  arrives: string;
  overnight: boolean;
  busType: BusType;
  farePaise: number;
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
const clockOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const SERVICES: Service[] = ROUTES.flatMap(({ from, to, km, services }) =>
  [
    [from, to],
    [to, from],
  ].flatMap(([a, b]) =>
    services.map(([departs, busType, minutes]) => ({
      serviceCode: `${a}-${b}-${departs.replace(':', '')}`,
      from: a!,
      to: b!,
      departs,
      arrives: clockOf(minutesOf(departs) + minutes),
      overnight: minutesOf(departs) + minutes >= 24 * 60,
      busType,
      // Fares are rounded to five rupees.
      farePaise: Math.round((km * RATE[busType]) / 5) * 5 * 100,
    })),
  ),
);

const seatIds = (type: BusType) =>
  Array.from({ length: SEATS[type] }, (_, i) =>
    type === 'vennela-sleeper' ? (i < 15 ? `L${i + 1}` : `U${i - 14}`) : String(i + 1),
  );

interface Passenger {
  name: string;
  age: number;
  gender: string;
}

interface Hold {
  holdId: string;
  idempotencyKey: string;
  serviceCode: string;
  date: string;
  seats: string[];
  passengers: Passenger[];
  farePaise: number;
  expiresAt: string;
  state: 'held' | 'confirmed' | 'released' | 'cancelled';
  pnr?: string;
  cancellation?: { idempotencyKey: string; refundPaise: number };
}

/** When the bus leaves, in India time (UTC+05:30). */
const departure = (hold: Hold, service: Service) => new Date(`${hold.date}T${service.departs}:00+05:30`);

/** APSRTC's refund by how long before departure a ticket is cancelled; none within the hour. */
function refundPercent(hoursBefore: number): number | undefined {
  if (hoursBefore >= 48) return 90;
  if (hoursBefore >= 12) return 75;
  if (hoursBefore >= 1) return 50;
  return undefined;
}

export interface LocalApsrtc {
  /**
   * Serves `POST /apsrtc/services/search`, `/services/seats`, `/holds`, `/holds/confirm`, `/holds/release`,
   * `/tickets/refund-quote`, `/tickets/cancel`.
   */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

/**
 * APSRTC's reservation system in the embedded runtime: an independent fake (it imports nothing from lambdas/) of
 * the contract in docs/department-systems.md, with real routes, bus types, times and fares. A seat is held by one
 * hold at a time and sold once; holds lapse at their expiry; every write answers a repeated idempotency key with its
 * first answer. Holds and tickets are kept in the data folder across restarts.
 */
export function createLocalApsrtc(options: { now: () => Date; dataDir: string }): LocalApsrtc {
  const file = join(options.dataDir, 'apsrtc-holds.json');
  const holds: Hold[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const save = () => writeFileSync(file, JSON.stringify(holds));

  const live = (hold: Hold) =>
    hold.state === 'confirmed' || (hold.state === 'held' && Date.parse(hold.expiresAt) > options.now().getTime());
  const taken = (serviceCode: string, date: string) =>
    new Set(holds.filter((h) => h.serviceCode === serviceCode && h.date === date && live(h)).flatMap((h) => h.seats));

  /** A sold ticket by its PNR, and the refund percent its departure allows now (none within the hour). */
  const ticketOf = (pnr: unknown) => {
    const hold = holds.find((h) => h.pnr !== undefined && h.pnr === pnr);
    const service = SERVICES.find((s) => s.serviceCode === hold?.serviceCode);
    if (!hold || !service) return undefined;
    const hours = (departure(hold, service).getTime() - options.now().getTime()) / 3_600_000;
    return { hold, percent: refundPercent(hours) };
  };

  const answers: Record<string, (body: Record<string, unknown>) => [number, unknown]> = {
    'services/search'({ from, to, date }) {
      if (typeof from !== 'string' || typeof to !== 'string' || typeof date !== 'string')
        return [400, { message: 'the body must be {from, to, date}' }];
      if (from === APSRTC_DOWN_PLACE || to === APSRTC_DOWN_PLACE)
        return [503, { message: 'reservations are down for maintenance' }];
      const services = SERVICES.filter((s) => s.from === from && s.to === to).map((service) => ({
        ...service,
        seatsLeft: SEATS[service.busType] - taken(service.serviceCode, date).size,
      }));
      return [200, { services }];
    },
    'services/seats'({ serviceCode, date }) {
      const service = SERVICES.find((s) => s.serviceCode === serviceCode);
      if (!service || typeof date !== 'string') return [404, { message: 'no such service' }];
      const occupied = taken(service.serviceCode, date);
      const seats = seatIds(service.busType).map((id, i) => ({
        id,
        ...(i < WOMEN_SEATS ? { reservedFor: 'women' } : {}),
        free: !occupied.has(id),
      }));
      return [200, { seats }];
    },
    holds(body) {
      const { idempotencyKey, serviceCode, date, seats, passengers, holdMinutes } = body as {
        idempotencyKey?: string;
        serviceCode?: string;
        date?: string;
        seats?: string[];
        passengers?: Passenger[];
        holdMinutes?: number;
      };
      const service = SERVICES.find((s) => s.serviceCode === serviceCode);
      if (!idempotencyKey || !service || !date || !seats?.length || passengers?.length !== seats.length)
        return [
          400,
          { message: 'the body must be {idempotencyKey, serviceCode, date, seats, passengers, holdMinutes}' },
        ];
      const earlier = holds.find((h) => h.idempotencyKey === idempotencyKey);
      if (earlier) return [200, heldAnswer(earlier)];
      const occupied = taken(service.serviceCode, date);
      const unknown = seats.filter((seat) => !seatIds(service.busType).includes(seat));
      if (unknown.length > 0) return [400, { message: `no seats ${unknown.join(', ')} on this bus` }];
      const gone = seats.filter((seat) => occupied.has(seat));
      if (gone.length > 0) return [200, { status: 'unavailable', seats: gone, reason: 'taken' }];
      const womenOnly = seats.filter(
        (seat, i) => seatIds(service.busType).indexOf(seat) < WOMEN_SEATS && passengers[i]?.gender !== 'female',
      );
      if (womenOnly.length > 0) return [200, { status: 'unavailable', seats: womenOnly, reason: 'women-only' }];
      const hold: Hold = {
        holdId: `H${String(holds.length + 1).padStart(8, '0')}`,
        idempotencyKey,
        serviceCode: service.serviceCode,
        date,
        seats,
        passengers,
        farePaise: service.farePaise * seats.length,
        expiresAt: new Date(options.now().getTime() + (holdMinutes ?? 10) * 60_000).toISOString(),
        state: 'held',
      };
      holds.push(hold);
      save();
      return [200, heldAnswer(hold)];
    },
    'holds/confirm'({ holdId }) {
      const hold = holds.find((h) => h.holdId === holdId);
      if (!hold) return [404, { message: 'no such hold' }];
      if (hold.state === 'confirmed' || hold.state === 'cancelled')
        return [200, { status: 'confirmed', pnr: hold.pnr }];
      if (!live(hold)) {
        hold.state = 'released';
        save();
        return [200, { status: 'expired' }];
      }
      hold.state = 'confirmed';
      hold.pnr = `P${hold.serviceCode.replace(/-/g, '').slice(0, 6)}${hold.holdId.slice(-5)}`;
      save();
      return [200, { status: 'confirmed', pnr: hold.pnr }];
    },
    'holds/release'({ holdId }) {
      const hold = holds.find((h) => h.holdId === holdId);
      if (hold?.state === 'held') {
        hold.state = 'released';
        save();
      }
      return [200, { status: 'released' }];
    },
    'tickets/refund-quote'({ pnr }) {
      const ticket = ticketOf(pnr);
      if (!ticket) return [404, { message: 'no such ticket' }];
      const { hold, percent } = ticket;
      if (hold.state !== 'confirmed' || percent === undefined) return [200, { status: 'not-cancellable' }];
      return [
        200,
        { status: 'cancellable', refundPaise: Math.floor((hold.farePaise * percent) / 100), refundPercent: percent },
      ];
    },
    'tickets/cancel'({ pnr, idempotencyKey }) {
      const ticket = ticketOf(pnr);
      if (!ticket || typeof idempotencyKey !== 'string') return [404, { message: 'no such ticket' }];
      const { hold, percent } = ticket;
      if (hold.cancellation) return [200, { status: 'cancelled', refundPaise: hold.cancellation.refundPaise }];
      if (hold.state !== 'confirmed' || percent === undefined) return [200, { status: 'not-cancellable' }];
      // The seats are free again at once: `taken` counts only held and confirmed seats.
      hold.state = 'cancelled';
      hold.cancellation = { idempotencyKey, refundPaise: Math.floor((hold.farePaise * percent) / 100) };
      save();
      return [200, { status: 'cancelled', refundPaise: hold.cancellation.refundPaise }];
    },
  };

  return {
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/apsrtc/')) return false;
      const answer = answers[url.pathname.slice('/apsrtc/'.length)];
      if (!answer || req.method !== 'POST') {
        sendJsonBody(res, 404, { message: 'Not Found' });
        return true;
      }
      const body = await readJsonBody(req);
      if (!body || typeof body !== 'object') {
        sendJsonBody(res, 400, { message: 'the body must be a JSON object' });
        return true;
      }
      const [status, reply] = answer(body as Record<string, unknown>);
      sendJsonBody(res, status, reply);
      return true;
    },
  };
}

function heldAnswer(hold: Hold) {
  return { status: 'held', holdId: hold.holdId, expiresAt: hold.expiresAt, farePaise: hold.farePaise };
}
