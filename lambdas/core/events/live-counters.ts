import type { LakeEvent } from './lake-event.ts';

/**
 * A live counter's name: a total (`applications`, `issued`…) or a total by one dimension (`service#<id>`,
 * `district#<id>`, `department#<id>`, `breach-office#<office>`, `hour#<00-23>`, India time).
 */
export type CounterKey = string;

export interface CounterIncrement {
  /** India date of the event: the day whose figures it adds to. */
  day: string;
  name: CounterKey;
  add: number;
}

/** What one event adds to the dashboard's figures of its day. */
export function countersOf(event: LakeEvent): CounterIncrement[] {
  const add = (name: CounterKey, value = 1): CounterIncrement => ({ day: event.dt, name, add: value });
  switch (event.type) {
    case 'message.received':
      return [add('messages-in'), add(`hour#${indiaHour(event.occurred_at)}`)];
    case 'message.sent':
      // A turn's reply counts out as it is handed to the sender (which writes nothing when it goes), a notice as it
      // goes; a failure counts as failed.
      return [
        add(
          event.delivery_status === 'sent' || event.delivery_status === 'queued' ? 'messages-out' : 'messages-failed',
        ),
      ];
    case 'application.submitted':
      return [
        add('applications'),
        add(`service#${event.service_id}`),
        add(`department#${event.department}`),
        ...(event.district ? [add(`district#${event.district}`)] : []),
      ];
    case 'application.changed':
      if (event.state === 'issued') return [add('issued'), add('seconds-to-issue', event.seconds_since_submitted ?? 0)];
      if (event.state === 'rejected') return [add('rejected')];
      return [];
    case 'sla.breached':
      return [add('sla-breaches'), add(`breach-office#${event.office ?? event.department}`)];
    case 'payment.captured':
      return [add('payments'), add('paid-paise', event.amount_paise ?? 0)];
    case 'document.revoked':
      return [add('revoked')];
    default:
      return [];
  }
}

function indiaHour(at: string): string {
  return new Date(Date.parse(at) + 330 * 60_000).toISOString().slice(11, 13);
}
