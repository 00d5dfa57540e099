import { EVENTS_PER_MARK } from '#adapters/live-counters.ts';
import { AWS_PRICES } from './aws-prices.ts';
import { EVENTS_BATCH_RECORDS } from './lake-events.ts';
import type { Figure } from './results-file.ts';

/**
 * What a million messages and a thousand certificates cost in AWS, from the work each one does (counted from the
 * code paths) and the durations measured in this run, at the list prices of bench/aws-prices.ts; Meta's own
 * conversation charges are not AWS costs and are left out.
 */
const PRICE = {
  lambdaArmGbSecond: AWS_PRICES.lambdaArmGbSecond,
  lambdaRequest: AWS_PRICES.lambdaRequest,
  httpApiRequest: AWS_PRICES.httpApiRequest,
  dynamoWriteUnit: AWS_PRICES.dynamoWriteRequestUnit,
  dynamoReadUnit: AWS_PRICES.dynamoReadRequestUnit,
  stepFunctionsTransition: AWS_PRICES.stepFunctionsTransition,
  s3Put: AWS_PRICES.s3Put,
  s3Get: AWS_PRICES.s3Get,
  kmsAsymmetricRequest: AWS_PRICES.kmsAsymmetricRequest,
  logsIngestedGb: AWS_PRICES.logsIngestedGb,
  firehoseIngestedGb: AWS_PRICES.firehoseIngestedGb,
  firehoseProcessedGb: AWS_PRICES.firehoseFormatConversionGb + AWS_PRICES.firehoseDynamicPartitioningGb,
  xrayTraceRecorded: AWS_PRICES.xrayTraceRecorded,
};

/** Memory of each function as lib/mitra-stack.ts configures it. */
const MEMORY_GB = { webhook: 1, sender: 0.25, events: 0.5, workflowSteps: 0.5, certificate: 1 };

/**
 * A sender invocation waits on Meta's Graph API; it is billed for that wait. Assumed, since Meta's latency cannot be
 * measured from here.
 */
const GRAPH_API_ROUND_TRIP_MS = 250;
/** A DynamoDB read or write from Lambda in the same region: single-digit milliseconds. Assumed, as above. */
const DYNAMODB_ROUND_TRIP_MS = 5;
/** A Firehose PutRecordBatch of a few dozen 5 KB records from Lambda in the same region. Assumed, as above. */
const FIREHOSE_ROUND_TRIP_MS = 30;
/** Meta reports sent, delivered and read for every message we send: three more webhook deliveries. */
const STATUSES_PER_REPLY = 3;
/** Lambda's START, END and REPORT lines of one invocation (with its trace id), in bytes. */
const PLATFORM_LOG_BYTES = 350;
/** X-Ray's sampling of a traced Lambda function at scale, fixed by Lambda: 5 % of requests beyond the first each second. */
const TRACED_SHARE = 0.05;
/** Firehose bills every record rounded up to the next 5 KB. */
const FIREHOSE_RECORD_BYTES = 5 * 1024;
/**
 * Replies one sender invocation sends at state scale. The sender's stream mapping takes up to ten records a batch
 * per lane; at a thousand messages a second over some ten shards of ten lanes, Lambda's polls (about four a second)
 * find two or three replies a lane, which go to Meta together.
 */
const REPLIES_PER_SENDER_INVOCATION = 3;
/** Distinct counters a run of message events adds to: messages in, the hour's, messages out. */
const COUNTERS_PER_RUN = 3;

const lambda = (gb: number, ms: number) => PRICE.lambdaRequest + gb * (Math.ceil(ms) / 1000) * PRICE.lambdaArmGbSecond;

/** What one inbound text message and its one answer make the code do. */
interface MessageWork {
  /** Meta's calls reach the webhook through its function URL (no request fee) or the HTTP API ($1 a million). */
  webhookIngress: 'function-url' | 'http-api';
  /** Whether the webhook's own invocations are sampled by X-Ray (active tracing) or only when its caller's were. */
  webhookTraced: boolean;
  /** Write units of the turn: one put of the session item, or a transaction (2 units per KB of each item). */
  turnWriteUnits: number;
  /** Sender writes per message (claim, settle, and the wamid link when there is one), in total. */
  senderWrites: number;
  /** Sender memory, Graph API round trips it waits on one after another, and replies an invocation sends together. */
  senderGb: number;
  senderWaits: number;
  repliesPerSenderInvocation: number;
  /** Delivery statuses written: per status, its item, a read of the link and the outbox item's update. */
  statusWrites: number;
  statusReads: number;
  /** Lake events, and how many of them one Firehose record carries. */
  lakeEvents: number;
  eventsPerLakeRecord: number;
  /**
   * The events function's stream batches at state scale (full: records, each a message's write), and the events one
   * live-counters transaction counts.
   */
  eventsBatchRecords: number;
  eventsPerCounterRun: number;
  /** Write units of the live counters' transactions, per message. */
  counterWriteUnits: number;
  /** Lambda's platform lines written per invocation, in bytes. */
  platformLogBytes: number;
}

/** One lake event as JSON, in bytes: a reply's message.sent, the longer of the two a message makes. */
const LAKE_EVENT_BYTES = JSON.stringify({
  event_id: `message-out:${'0'.repeat(32)}:wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQjA5RTM1QzY2NkNGQkI0RjY0#00:sent`,
  schema_version: 1,
  type: 'message.sent',
  occurred_at: '2026-12-06T05:00:00.000Z',
  dt: '2026-12-06',
  department: 'channel',
  citizen: '0'.repeat(32),
  message_type: 'interactive',
  delivery_status: 'sent',
}).length;

/**
 * A live-counters run's mark lists 13 bytes an event; a transactional write is 2 units a KB. A full batch of the events
 * function (300 messages' writes, two events each) is counted in runs of as many events as one mark lists.
 */
const COUNTER_UNITS_PER_EVENT = (2 * Math.ceil((13 * EVENTS_PER_MARK) / 1024) + 2 * COUNTERS_PER_RUN) / EVENTS_PER_MARK;

/**
 * The turn as the code now does it: Meta calls the function URL, one conditional put of the session item holding the
 * message's id and the replies, the read receipt on the first reply, the sender writing nothing when they go,
 * statuses written only on failure, the webhook traced only where its caller was, lake events packed into 5 KB
 * records and counted in runs, no platform log lines.
 */
const NOW: MessageWork = {
  webhookIngress: 'function-url',
  webhookTraced: false,
  // Replaced by the average bench/turn-items.ts measures over a scripted conversation in both languages.
  turnWriteUnits: 2,
  senderWrites: 0,
  senderGb: MEMORY_GB.sender,
  senderWaits: 1,
  repliesPerSenderInvocation: REPLIES_PER_SENDER_INVOCATION,
  statusWrites: 0,
  statusReads: 0,
  // message.received and message.sent.
  lakeEvents: 2,
  eventsPerLakeRecord: Math.floor(FIREHOSE_RECORD_BYTES / (LAKE_EVENT_BYTES + 1)),
  eventsBatchRecords: EVENTS_BATCH_RECORDS,
  eventsPerCounterRun: EVENTS_PER_MARK,
  counterWriteUnits: 2 * COUNTER_UNITS_PER_EVENT,
  platformLogBytes: 0,
};

/**
 * The same turn before: through the HTTP API, every function traced, a transaction of mark, session and outbox items
 * with the read receipt an item of its own, the sender claiming and settling each, every status written, the sender
 * at 512 MB sending one reply an invocation, a Firehose record and a counted mark per event, Lambda's platform lines
 * logged.
 */
const BEFORE: MessageWork = {
  webhookIngress: 'http-api',
  webhookTraced: true,
  // A transaction of dedupe mark, session, and an outbox item each for the answer and the read receipt.
  turnWriteUnits: (1 + 1 + 2) * 2,
  senderWrites: 2 + 2 + 1,
  senderGb: 0.5,
  senderWaits: 2,
  repliesPerSenderInvocation: 1,
  statusWrites: STATUSES_PER_REPLY * 2,
  statusReads: STATUSES_PER_REPLY * 0.5,
  // message.received, a message.sent for each item, a message.status for each status; each counted event in a
  // transaction of its own: message.received a mark and two counters, each message.sent a mark and one.
  lakeEvents: 1 + 2 + STATUSES_PER_REPLY,
  eventsPerLakeRecord: 1,
  eventsBatchRecords: 100,
  eventsPerCounterRun: 1,
  counterWriteUnits: (3 + 2 + 2) * 2,
  platformLogBytes: PLATFORM_LOG_BYTES,
};

/** Dollars per inbound message, by part, at list prices. */
function messageCostBreakdown(
  work: MessageWork,
  turnMs: number,
  statusMs: number,
  eventCpuMs: number,
): Record<string, number> {
  const webhookRequests = 1 + STATUSES_PER_REPLY;
  const senderInvocations = 1 / work.repliesPerSenderInvocation;
  const invocations = webhookRequests + senderInvocations;
  const tracedInvocations = (work.webhookTraced ? webhookRequests : 0) + senderInvocations;
  // Each Firehose record is billed at 5 KB, whatever it holds; conversion and partitioning on the same volume.
  const lakeGb = ((work.lakeEvents / work.eventsPerLakeRecord) * FIREHOSE_RECORD_BYTES) / 1024 ** 3;
  // One events invocation a full stream batch: its events' CPU, one Firehose put and a transaction a counted run.
  const batchEvents = work.eventsBatchRecords * work.lakeEvents;
  const eventsInvocationMs =
    batchEvents * eventCpuMs +
    FIREHOSE_ROUND_TRIP_MS +
    Math.ceil(batchEvents / work.eventsPerCounterRun) * DYNAMODB_ROUND_TRIP_MS;
  return {
    'webhook requests (the message and its statuses)':
      work.webhookIngress === 'http-api' ? webhookRequests * PRICE.httpApiRequest : 0,
    'webhook Lambda, the turn (1 GB)': lambda(MEMORY_GB.webhook, turnMs),
    'webhook Lambda, the statuses (1 GB)': STATUSES_PER_REPLY * lambda(MEMORY_GB.webhook, statusMs),
    // A consistent read of the session item (under 4 KB), and the turn's write.
    'DynamoDB, the turn': 1 * PRICE.dynamoReadUnit + work.turnWriteUnits * PRICE.dynamoWriteUnit,
    'DynamoDB, the statuses': work.statusWrites * PRICE.dynamoWriteUnit + work.statusReads * PRICE.dynamoReadUnit,
    // The invocation's wait on Meta, shared by the replies it sends together.
    'sender Lambda': senderInvocations * lambda(work.senderGb, work.senderWaits * GRAPH_API_ROUND_TRIP_MS),
    // Its writes, and the recipient and parked-replies queries.
    'DynamoDB, the sender': work.senderWrites * PRICE.dynamoWriteUnit + 2 * 0.5 * PRICE.dynamoReadUnit,
    // Stream reads by Lambda triggers are free.
    'lake and live counters':
      lakeGb * (PRICE.firehoseIngestedGb + PRICE.firehoseProcessedGb) +
      work.counterWriteUnits * PRICE.dynamoWriteUnit +
      lambda(MEMORY_GB.events, eventsInvocationMs) / work.eventsBatchRecords,
    'X-Ray traces': tracedInvocations * TRACED_SHARE * PRICE.xrayTraceRecorded,
    'CloudWatch Logs': ((invocations * work.platformLogBytes) / 1024 ** 3) * PRICE.logsIngestedGb,
  };
}

export function costFigures(measured: Figure[]): Figure[] {
  const figure = (name: string) => measured.find((f) => f.name === name);
  // A turn's billed time: the CPU the embedded runtime spent per message (the webhook's, with the sender's and the
  // simulator's share: an upper bound) and its two DynamoDB round trips as AWS answers them. The bench's p50 is a
  // latency under load, eight requests at once on 2 cores beside DynamoDB Local's JVM, not one invocation's time.
  const cpuMs = figure('webhook.cpu_us_per_turn')?.value;
  const turnMs = cpuMs === undefined ? 20 : cpuMs / 1000 + 2 * DYNAMODB_ROUND_TRIP_MS;
  // A status is read and (unless it is a failure) only counted: about what the signature-only handler takes, by the
  // same measure, its CPU per request (its p50 is a latency under the same load).
  const statusCpuUs = figure('webhook.cpu_us_per_turn')?.baseline?.value;
  const statusMs = statusCpuUs === undefined ? 3 : statusCpuUs / 1000;
  const renderMs = figure('certificate.render_ms')?.value ?? 150;
  // The events function's CPU per lake event, by the same measure (with the local Firehose's share: an upper bound).
  const eventCpuMs = (figure('events.cpu_us_per_event')?.value ?? 10_000) / 1000;

  const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);
  const turnWriteUnits = figure('turn.write_units')?.value ?? NOW.turnWriteUnits;
  const now = messageCostBreakdown({ ...NOW, turnWriteUnits }, turnMs, statusMs, eventCpuMs);
  const before = messageCostBreakdown(BEFORE, turnMs, statusMs, eventCpuMs);
  console.log('\nper million inbound messages, USD (now, before):');
  for (const part of Object.keys(now)) {
    console.log(
      `  ${part.padEnd(52)} ${(now[part]! * 1e6).toFixed(2).padStart(6)}  ${(before[part]! * 1e6).toFixed(2).padStart(6)}`,
    );
  }

  const perCertificate = certificateCost(renderMs);

  return [
    {
      name: 'cost.usd_per_million_messages',
      value: sum(now) * 1e6,
      unit: 'USD',
      baseline: { name: 'the same turn as written before', value: sum(before) * 1e6 },
      ratio: sum(now) / sum(before),
    },
    {
      name: 'cost.usd_per_thousand_certificates',
      value: perCertificate.total * 1000,
      unit: 'USD',
      baseline: { name: 'its workflow transitions and KMS signatures alone', value: perCertificate.floor * 1000 },
      ratio: perCertificate.total / perCertificate.floor,
    },
  ];
}

/**
 * One certificate that needs no fee and no officer, after the conversation that asked for it (counted from
 * lib/workflows and lambdas/certificate at the time of writing):
 * - the Standard workflow enters four states (Validate and look up records, Fee to pay? — which also asks whether an
 *   officer decides —, Issue document, and Notify citizen, which ends it): a transition each;
 * - two workflow-step invocations (validate and look up, notify) at 512 MB, about 30 ms each;
 * - the certificate function at 1 GB for the render measured here plus about 100 ms spent waiting on KMS, DynamoDB
 *   and S3;
 * - three KMS Sign requests with the asymmetric key: the record, the QR code's claims, and the log checkpoint;
 * - S3: the PDF, the signed record, the log leaf and the checkpoint written, each a conditional put
 *   (ArchiveObjects.putIfAbsent: `If-None-Match: *`, no HEAD first); the PDF read once by the sender;
 * - DynamoDB: the application claim and the certificate item (one transaction of two items of about 2 KB: 8 units),
 *   the log append (entry, leaf, head and about three tree nodes in one transaction: 12 units), the checkpoint (1),
 *   the application's new state (1) and the notice in the outbox (1); about four strongly consistent reads;
 * - the sender uploading the document and sending the notice (two Graph API round trips at 512 MB);
 * - about 14 KB of logs: the workflow's execution events at level ALL (about 19 of some 400 bytes: five per task,
 *   two for the choice, the execution's start and end) and, for each of the four invocations, the function's start, end
 *   and report lines and its own JSON lines.
 */
function certificateCost(renderMs: number): { total: number; floor: number } {
  const floor = 4 * PRICE.stepFunctionsTransition + 3 * PRICE.kmsAsymmetricRequest;
  const total =
    floor +
    2 * lambda(MEMORY_GB.workflowSteps, 30) +
    lambda(MEMORY_GB.certificate, renderMs + 100) +
    4 * PRICE.s3Put +
    1 * PRICE.s3Get +
    (8 + 12 + 1 + 1 + 1) * PRICE.dynamoWriteUnit +
    4 * PRICE.dynamoReadUnit +
    lambda(MEMORY_GB.sender, 2 * GRAPH_API_ROUND_TRIP_MS) +
    (14 / 1024 / 1024) * PRICE.logsIngestedGb;
  return { total, floor };
}
