import type { Figure } from './results-file.ts';

/**
 * What a million messages and a thousand certificates cost in AWS, from the work each one does (counted from the
 * code paths) and the durations measured in this run. List prices for ap-south-1 (Mumbai), on-demand, without free
 * tiers; Meta's own conversation charges are not AWS costs and are left out.
 */
const PRICE = {
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  httpApiRequest: 1.0 / 1e6,
  dynamoWriteUnit: 0.7125 / 1e6,
  dynamoReadUnit: 0.1425 / 1e6,
  stepFunctionsTransition: 0.025 / 1000,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  kmsAsymmetricRequest: 0.15 / 10000,
  logsIngestedGb: 0.5,
};

/** Memory of each function as lib/mitra-stack.ts configures it. */
const MEMORY_GB = { webhook: 1, sender: 0.5, workflowSteps: 0.5, certificate: 1 };

/**
 * A sender invocation waits on Meta's Graph API; it is billed for that wait. Assumed, since Meta's latency cannot be
 * measured from here.
 */
const GRAPH_API_ROUND_TRIP_MS = 250;

const lambda = (gb: number, ms: number) => PRICE.lambdaRequest + gb * (Math.ceil(ms) / 1000) * PRICE.lambdaArmGbSecond;

export function costFigures(measured: Figure[]): Figure[] {
  const value = (name: string, fallback: number) => measured.find((f) => f.name === name)?.value ?? fallback;
  const turnMs = value('webhook.p50_ms', 20);
  const renderMs = value('certificate.render_ms', 150);

  // One citizen message: the HTTP API request; the webhook (a consistent session read, one transaction writing the
  // dedupe mark, the session and two outbox items — transactions cost two units per item); the sender for two
  // outbox items (a read receipt and the reply), each a Graph API call and a status update; about 1 KB of logs.
  const perMessage =
    PRICE.httpApiRequest +
    lambda(MEMORY_GB.webhook, turnMs) +
    1 * PRICE.dynamoReadUnit +
    4 * 2 * PRICE.dynamoWriteUnit +
    2 * lambda(MEMORY_GB.sender, GRAPH_API_ROUND_TRIP_MS) +
    2 * PRICE.dynamoWriteUnit +
    (1 / 1024 / 1024) * PRICE.logsIngestedGb;

  // One certificate that needs no fee and no officer, after the conversation that asked for it: the workflow's seven
  // transitions (Validate, two Choices, Issue, Notify, Succeed, and the start), two step invocations,
  // rendering, one KMS signature (and one for the log checkpoint), the archive writes (record, PDF, leaf, checkpoint),
  // table writes (claim, certificate, application, outbox), the document upload by the sender.
  const perCertificate =
    7 * PRICE.stepFunctionsTransition +
    2 * lambda(MEMORY_GB.workflowSteps, 30) +
    lambda(MEMORY_GB.certificate, renderMs + 100) +
    2 * PRICE.kmsAsymmetricRequest +
    4 * PRICE.s3Put +
    1 * PRICE.s3Get +
    (2 * 2 + 1 + 2) * PRICE.dynamoWriteUnit +
    lambda(MEMORY_GB.sender, 2 * GRAPH_API_ROUND_TRIP_MS);

  return [
    { name: 'cost.usd_per_million_messages', value: perMessage * 1e6, unit: 'USD' },
    { name: 'cost.usd_per_thousand_certificates', value: perCertificate * 1000, unit: 'USD' },
  ];
}
