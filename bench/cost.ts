import { AWS_PRICES } from './aws-prices.ts';
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

  const perCertificate = certificateCost(renderMs);

  return [
    { name: 'cost.usd_per_million_messages', value: perMessage * 1e6, unit: 'USD' },
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
 * - S3: the PDF, the signed record, the log leaf and the checkpoint written, each after a HEAD that finds it absent
 *   (ArchiveObjects.putIfAbsent; HEAD is billed as a GET); the PDF read once by the sender;
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
    (4 + 1) * PRICE.s3Get +
    (8 + 12 + 1 + 1 + 1) * PRICE.dynamoWriteUnit +
    4 * PRICE.dynamoReadUnit +
    lambda(MEMORY_GB.sender, 2 * GRAPH_API_ROUND_TRIP_MS) +
    (14 / 1024 / 1024) * PRICE.logsIngestedGb;
  return { total, floor };
}
