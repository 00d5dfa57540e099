import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';

// On AWS the dashboard's alerts take the dashboard's Cognito token, and only members of the alert senders' group
// may use them: the group is read from the token's claims as API Gateway's JWT authorizer passes them.

let handler: (event: APIGatewayProxyEventV2, context: unknown) => Promise<{ statusCode?: number; body?: string }>;

beforeAll(async () => {
  process.env.TABLE_NAME = 'mitra-test';
  process.env.WHATSAPP_ALERT_TEMPLATE = 'mitra_alert';
  process.env.ALERT_SENDERS = 'alert-senders';
  ({ handler } = (await import('../../lambdas/alert-desk/handler.ts')) as unknown as { handler: typeof handler });
});

const asking = (groups: string | undefined, path = '/dashboard/api/alerts/unknown') =>
  ({
    rawPath: path,
    headers: {},
    requestContext: {
      http: { method: 'GET' },
      authorizer: {
        jwt: { claims: { username: 'a1b2', ...(groups === undefined ? {} : { 'cognito:groups': groups }) } },
      },
    },
  }) as unknown as APIGatewayProxyEventV2;

describe("the dashboard's alerts on AWS", () => {
  it('refuses a signed-in user outside the alert senders group, with the reason', async () => {
    for (const groups of [undefined, '[readers]', '[alert-senders-old readers]']) {
      const answer = await handler(asking(groups), {});
      expect(answer.statusCode).toBe(403);
      expect(JSON.parse(answer.body!)).toEqual({ message: 'only members of the alert senders group may send alerts' });
    }
  });

  it('lets a member through, whatever other groups they are in', async () => {
    for (const groups of ['[alert-senders]', '[readers alert-senders]'])
      expect((await handler(asking(groups), {})).statusCode).toBe(404);
  });
});
