import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readBundledFile } from '#adapters/bundled-file.ts';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { type HttpResult, httpHandler, json } from '#adapters/http.ts';
import { LiveCounters } from '#adapters/live-counters.ts';
import { catalog } from '#core/catalog/catalog.ts';
import { ALERTS_SCRIPT } from '#core/dashboard/alerts-panel.ts';
import { dashboardFigures, daysEnding, namesFrom } from '#core/dashboard/figures.ts';
import { DASHBOARD_SCRIPT, type DashboardSignIn, dashboardHeaders, dashboardPage } from '#core/dashboard/page.ts';
import { indiaDate } from '#core/events/lake-event.ts';

const counters = new LiveCounters(requireEnv('TABLE_NAME'));
/** `open` on the embedded runtime; on AWS the Cognito sign-in the page uses (JSON of DashboardSignIn). */
const signInSetting = requireEnv('DASHBOARD_SIGN_IN');
const signIn: DashboardSignIn | undefined = signInSetting === 'open' ? undefined : JSON.parse(signInSetting);
const names = namesFrom(catalog());
const page = dashboardPage(signIn);
const headers = dashboardHeaders(signIn);
const TREND_DAYS = 14;
/** Days before today do not change once past: read again at most this often per instance. */
const PAST_DAYS_TTL_MS = 60_000;

/** Chart.js's browser build, copied next to the bundle. */
const chart = readBundledFile(new URL('../../node_modules/chart.js/dist/chart.umd.js', import.meta.url)).toString(
  'utf8',
);

let pastDays: { today: string; readAt: number; days: { day: string; counters: Record<string, number> }[] } | undefined;

async function figures(at: Date) {
  const today = indiaDate(at);
  if (!pastDays || pastDays.today !== today || at.getTime() - pastDays.readAt > PAST_DAYS_TTL_MS) {
    const days = daysEnding(today, TREND_DAYS).slice(0, -1);
    pastDays = {
      today,
      readAt: at.getTime(),
      days: await Promise.all(days.map(async (day) => ({ day, counters: await counters.day(day) }))),
    };
  }
  const days = [...pastDays.days, { day: today, counters: await counters.day(today) }];
  return dashboardFigures(days, names, at);
}

const asset = (body: string, contentType: string): HttpResult => ({
  statusCode: 200,
  headers: {
    'content-type': contentType,
    'cache-control': 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
  },
  body,
});

/**
 * GET /dashboard (the page), /dashboard/chart.js, /dashboard/dashboard.js and /dashboard/alerts.js (its scripts), and
 * /dashboard/api/figures (today's live counters and the trend; behind the Cognito authorizer on AWS).
 */
async function route(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  switch (event.rawPath) {
    case '/dashboard':
      return { statusCode: 200, headers, body: page };
    case '/dashboard/chart.js':
      return asset(chart, 'text/javascript; charset=utf-8');
    case '/dashboard/dashboard.js':
      return asset(DASHBOARD_SCRIPT, 'text/javascript; charset=utf-8');
    case '/dashboard/alerts.js':
      return asset(ALERTS_SCRIPT, 'text/javascript; charset=utf-8');
    case '/dashboard/api/figures':
      return json(200, await figures(now()), { 'cache-control': 'no-store' });
    default:
      return json(404, { message: 'Not Found' });
  }
}

export const handler = httpHandler(route);
