import type { Catalog } from '../catalog/schema.ts';
import { newlyApplied, unpackRing } from '../conversation/recent-messages.ts';
import { turnReplyRef, unpackReplies } from '../whatsapp/turn-replies.ts';
import { citizenToken, indiaDate, LAKE_EVENT_VERSION, type LakeEvent, LakeEventSchema } from './lake-event.ts';

/** One change of one item of the state table, as its stream reports it (images already unmarshalled). */
export interface TableChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  oldImage?: Record<string, unknown>;
  newImage?: Record<string, unknown>;
}

export interface EventContext {
  /** Key of the citizen tokens (lake-event.ts `citizenToken`). */
  tokenKey: string;
  catalog: Catalog;
}

/** Events of the channel itself (messages in and out) belong to no department. */
const CHANNEL_DEPARTMENT = 'channel';

interface HistoryEntry {
  transition: string;
  to: string;
  at: string;
  actor?: { type?: string };
}

type Draft = Omit<LakeEvent, 'schema_version' | 'dt' | 'department'> & { department?: string };

/**
 * The lake events one table change means. Each event's id is derived from what happened (the message, the
 * application and the index of its history entry, the certificate), never from the stream, so a change delivered
 * twice produces the same ids and whatever counts them can count each once. Personal data never leaves: phone
 * numbers become tokens, and names, Aadhaar numbers, form answers other than district and mandal, message texts and
 * officers' notes are dropped.
 */
export function eventsFromTableChange(change: TableChange, context: EventContext): LakeEvent[] {
  const item = change.newImage;
  if (!item || change.eventName === 'REMOVE') return [];
  const before = change.eventName === 'MODIFY' ? change.oldImage : undefined;
  const drafts = draftsOf(item, before, context);
  return drafts.map(finish);
}

function draftsOf(item: Record<string, unknown>, before: Record<string, unknown> | undefined, context: EventContext) {
  const citizen = typeof item.waId === 'string' ? citizenToken(context.tokenKey, item.waId) : undefined;
  switch (item.kind) {
    case 'session':
      return [...receivedDrafts(item, before, citizen), ...queuedDrafts(item, before, citizen)];
    case 'outbox':
      return outboxDrafts(item, before, citizen);
    case 'delivery-status':
      if (before) return [];
      return [
        {
          event_id: `message-status:${String(item.pk).replace(/^WAMID#/, '')}:${String(item.status)}`,
          type: 'message.status',
          occurred_at: String(item.at),
          citizen,
          delivery_status: String(item.status),
          error_code: Array.isArray(item.errorCodes) ? (item.errorCodes[0] as number | undefined) : undefined,
        } satisfies Draft,
      ];
    case 'application':
      return applicationDrafts(item, before, citizen, context);
    case 'certificate':
      return certificateDrafts(item, before, context);
    default:
      return [];
  }
}

/** The messages a write of the citizen's session applied: those its ring of recent messages gained. */
function receivedDrafts(item: Record<string, unknown>, before: Record<string, unknown> | undefined, citizen?: string) {
  const ring = (image: Record<string, unknown> | undefined) => unpackRing(image?.recent);
  return newlyApplied(ring(before), ring(item)).map(
    ({ hash, sentAt }) =>
      ({
        event_id: `message-in:${citizen}:${hash}`,
        type: 'message.received',
        occurred_at: sentAt.toISOString(),
        citizen,
      }) satisfies Draft,
  );
}

/**
 * The replies a write of the session queued: each a `message.sent` as it is handed to the sender, which writes
 * nothing more unless it fails (then the failure is an outbox item of its own).
 */
function queuedDrafts(item: Record<string, unknown>, before: Record<string, unknown> | undefined, citizen?: string) {
  const { repliesTo } = item;
  if (typeof repliesTo !== 'string' || repliesTo === before?.repliesTo) return [];
  return (unpackReplies<{ type?: string }>(item.replies) ?? []).map(
    (reply, index) =>
      ({
        event_id: `message-out:${citizen}:${turnReplyRef(repliesTo, index)}:queued`,
        type: 'message.sent',
        occurred_at: String(item.repliedAt),
        citizen,
        message_type: reply.type,
        delivery_status: 'queued',
      }) satisfies Draft,
  );
}

/**
 * A reply of its own item (a notice) settled, or the failure of a turn's reply, written as an item when it failed.
 * The id names the citizen by token, never by number.
 */
function outboxDrafts(item: Record<string, unknown>, before: Record<string, unknown> | undefined, citizen?: string) {
  const status = String(item.status);
  const settled = before ? before.status !== status : ['failed', 'undeliverable'].includes(status);
  if (!settled || !['sent', 'failed', 'undeliverable'].includes(status)) return [];
  const reply = item.reply as { type?: string } | undefined;
  return [
    {
      // The outbox's key names the citizen's number: the event's id names their token instead.
      event_id: `message-out:${citizen ?? 'unknown'}:${String(item.sk)}:${status}`,
      type: 'message.sent',
      occurred_at: String(item.settledAt ?? item.createdAt),
      citizen,
      message_type: reply?.type,
      delivery_status: status,
    } satisfies Draft,
  ];
}

function applicationDrafts(
  item: Record<string, unknown>,
  before: Record<string, unknown> | undefined,
  citizen: string | undefined,
  context: EventContext,
): Draft[] {
  const history = (item.history ?? []) as HistoryEntry[];
  const seen = before ? ((before.history ?? []) as HistoryEntry[]).length : 0;
  const id = String(item.applicationId);
  const values = (item.values ?? {}) as Record<string, unknown>;
  const service = context.catalog.services.find((s) => s.id === item.serviceId);
  const district = placeOf(values.district);
  const common = {
    citizen,
    application_id: id,
    service_id: String(item.serviceId),
    service_kind: String(item.serviceKind ?? service?.kind),
    department: service?.department,
    district,
    mandal: placeOf(values.mandal),
    office: service ? (district ? `${service.department}/${district}` : service.department) : undefined,
    language: item.language === 'te' || item.language === 'en' ? (item.language as 'en' | 'te') : undefined,
  };
  const submittedAt = Date.parse(String(item.submittedAt));
  const drafts: Draft[] = [];
  history.forEach((entry, index) => {
    if (index < seen) return;
    const previous = index > 0 ? history[index - 1]!.to : undefined;
    const seconds = Number.isFinite(submittedAt)
      ? Math.max(0, Math.round((Date.parse(entry.at) - submittedAt) / 1000))
      : undefined;
    const base = {
      ...common,
      occurred_at: entry.at,
      state: entry.to,
      previous_state: previous,
      transition: entry.transition,
      actor: entry.actor?.type as LakeEvent['actor'],
      seconds_since_submitted: seconds,
    };
    drafts.push({
      ...base,
      event_id: `application:${id}:${index}`,
      type: index === 0 ? 'application.submitted' : 'application.changed',
    });
    // Escalation past the SLA is the decision step taken again from itself (lifecycle.ts 'await-decision').
    if (entry.transition === 'await-decision' && previous === 'awaiting-approval')
      drafts.push({ ...base, event_id: `sla-breach:${id}:${index}`, type: 'sla.breached' });
    // A citizen's rating closes their resolved grievance (grievances/perform.ts 'rate'); the rating is on the item.
    const rating = (item.grievance as { rating?: unknown } | undefined)?.rating;
    if (entry.transition === 'close' && entry.actor?.type === 'citizen' && typeof rating === 'number')
      drafts.push({ ...base, event_id: `grievance-rating:${id}:${index}`, type: 'grievance.rated', rating });
    if (entry.transition === 'pay') {
      const received = (item.payment as { received?: { amountPaise?: number } } | undefined)?.received;
      drafts.push({
        ...base,
        event_id: `payment:${id}`,
        type: 'payment.captured',
        amount_paise: received?.amountPaise,
        biller: String(item.serviceId),
      });
    }
  });
  return drafts;
}

function certificateDrafts(
  item: Record<string, unknown>,
  before: Record<string, unknown> | undefined,
  context: EventContext,
): Draft[] {
  const certId = String(item.pk).replace(/^CERT#/, '');
  const service = context.catalog.services.find((s) => s.id === item.serviceId);
  const common = {
    application_id: String(item.applicationId),
    service_id: String(item.serviceId),
    service_kind: service?.kind,
    department: service?.department,
    document_type: String(item.documentType),
  };
  if (!before)
    return [
      { ...common, event_id: `document:${certId}:issued`, type: 'document.issued', occurred_at: String(item.issuedAt) },
    ];
  if (item.status === 'revoked' && before.status !== 'revoked')
    return [
      {
        ...common,
        event_id: `document:${certId}:revoked`,
        type: 'document.revoked',
        occurred_at: String(item.revokedAt),
        // The reason is a code from a fixed list; the officer's own words stay in the operational table.
        reason: typeof item.revocationReason === 'string' ? item.revocationReason : undefined,
      },
    ];
  return [];
}

/** A district is a catalog id; a mandal is typed, so only its letters, spaces and hyphens are kept, lower-cased. */
function placeOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const place = value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\s-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40);
  return place || undefined;
}

function finish(draft: Draft): LakeEvent {
  const { department, ...rest } = draft;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== ''));
  return LakeEventSchema.parse({
    ...defined,
    schema_version: LAKE_EVENT_VERSION,
    dt: indiaDate(new Date(draft.occurred_at)),
    department: department ?? CHANNEL_DEPARTMENT,
  });
}
