import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { z } from 'zod';
import { AlertCampaigns } from '#adapters/alert-campaigns.ts';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { type HttpResult, header, httpHandler, json, rawBody } from '#adapters/http.ts';
import { logger } from '#adapters/powertools.ts';
import { isAlertDistrict, isAlertTopic } from '#core/alerts/topics.ts';
import { ClientError } from '#core/errors.ts';

const campaigns = new AlertCampaigns(requireEnv('TABLE_NAME'));
const templateName = requireEnv('WHATSAPP_ALERT_TEMPLATE');
/** `open` on the embedded runtime; on AWS the Cognito group whose members may send alerts. */
const senders = requireEnv('ALERT_SENDERS');
/** Campaigns the dashboard follows, newest first. */
const RECENT_CAMPAIGNS = 5;

const AlertBody = z.strictObject({
  topic: z.string().max(40),
  districts: z.array(z.string().max(40)).max(30),
  text: z.strictObject({ en: z.string().max(2000), te: z.string().max(2000) }),
});

/** Who is asking, as the campaign records it; refused unless they are in the senders' group. */
function sender(event: APIGatewayProxyEventV2): string {
  if (senders === 'open') return 'dashboard';
  const claims = (event as unknown as APIGatewayProxyEventV2WithJWTAuthorizer).requestContext.authorizer?.jwt?.claims;
  // API Gateway passes a list claim as "[a b]"; Cognito's access token carries the user's groups in it.
  const groups = String(claims?.['cognito:groups'] ?? '')
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/);
  if (!groups.includes(senders)) throw new ClientError(403, 'only members of the alert senders group may send alerts');
  return `dashboard:${String(claims?.username ?? claims?.sub)}`;
}

async function progress() {
  const latest = await campaigns.recent(RECENT_CAMPAIGNS);
  return Promise.all(
    latest.map(async ({ cursor: _cursor, ...campaign }) => ({
      ...campaign,
      recipients: await campaigns.report(campaign.campaignId),
    })),
  );
}

async function reach(event: APIGatewayProxyEventV2) {
  const topic = event.queryStringParameters?.topic ?? '';
  const districts = (event.queryStringParameters?.districts ?? '').split(',').filter(Boolean);
  if (!isAlertTopic(topic)) throw new ClientError(400, `unknown topic "${topic}"`);
  const unknown = districts.find((district) => !isAlertDistrict(district));
  if (unknown !== undefined || districts.length === 0)
    throw new ClientError(400, unknown === undefined ? 'no district chosen' : `unknown district "${unknown}"`);
  const counts = await Promise.all(
    districts.map(async (district) => ({ district, citizens: await campaigns.reach(topic, district) })),
  );
  return { topic, districts: counts, total: counts.reduce((sum, d) => sum + d.citizens, 0) };
}

async function send(event: APIGatewayProxyEventV2, by: string): Promise<HttpResult> {
  // A JSON body only: a form posted from another site cannot send an alert.
  if (!header(event, 'content-type')?.startsWith('application/json'))
    throw new ClientError(415, 'send the alert as application/json');
  let body: unknown;
  try {
    body = JSON.parse(rawBody(event).toString('utf8'));
  } catch {
    throw new ClientError(400, 'the body is not JSON');
  }
  const parsed = AlertBody.safeParse(body);
  if (!parsed.success) throw new ClientError(400, `not an alert: ${z.prettifyError(parsed.error)}`);
  const started = await campaigns.send(parsed.data, by, now());
  logger.info('alert sent from the dashboard', {
    topic: parsed.data.topic,
    campaigns: started.map((c) => c.campaignId),
  });
  return json(201, { campaigns: started.map(({ campaignId, district }) => ({ campaignId, district })) });
}

/**
 * The dashboard's alerts (behind the dashboard's Cognito authorizer on AWS, for the senders' group only):
 * GET /dashboard/api/alerts (the template alerts go as, and the latest campaigns with their recipients' statuses),
 * GET /dashboard/api/alerts/reach?topic=…&districts=a,b (how many citizens follow the topic there), and
 * POST /dashboard/api/alerts (sends it, as `npm run alert` does).
 */
async function route(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const by = sender(event);
  const noStore = { 'cache-control': 'no-store' };
  switch (`${event.requestContext.http.method} ${event.rawPath}`) {
    case 'GET /dashboard/api/alerts':
      return json(200, { template: templateName, campaigns: await progress() }, noStore);
    case 'GET /dashboard/api/alerts/reach':
      return json(200, await reach(event), noStore);
    case 'POST /dashboard/api/alerts':
      return send(event, by);
    default:
      return json(404, { message: 'Not Found' });
  }
}

export const handler = httpHandler(route);
