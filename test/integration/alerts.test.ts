import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertCampaigns } from '#adapters/alert-campaigns.ts';
import { keys } from '#core/table-keys.ts';
import { alertsTo as alertsToNumber, subscribeToAlerts } from '../support/alerts.ts';
import { say, sentTo, startTestRuntime, tableClient, waitFor } from '../support/runtime.ts';

// An operator's alert to one topic in one district reaches exactly the citizens who subscribed to that topic there
// in the chat, one per second at most (the configured rate), and survives a restart of the runtime mid-campaign
// without anyone getting it twice.

let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  env = await startTestRuntime({ alerts: { perSecond: 1 } });
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const subscribe = (waId: string, language: 'en' | 'te', topic: string, district: string) =>
  subscribeToAlerts(env.runtime, waId, language, topic, district);
const alertsTo = (waId: string) => alertsToNumber(env.runtime, waId);

const GUNTUR_WEATHER = ['919876600001', '919876600002', '919876600003', '919876600004'];
const TELUGU_GUNTUR_WEATHER = '919876600005';
const KRISHNA_WEATHER = '919876600006';
const GUNTUR_POWER = '919876600007';
const STOPPED_GUNTUR_WEATHER = '919876600008';

describe('an alert to weather in Guntur', () => {
  it('reaches exactly its opted-in citizens, paced, once each across a restart', async () => {
    for (const waId of GUNTUR_WEATHER) await subscribe(waId, 'en', 'weather', 'guntur');
    await subscribe(TELUGU_GUNTUR_WEATHER, 'te', 'weather', 'guntur');
    await subscribe(KRISHNA_WEATHER, 'en', 'weather', 'krishna');
    await subscribe(GUNTUR_POWER, 'en', 'power', 'guntur');
    await subscribe(STOPPED_GUNTUR_WEATHER, 'en', 'weather', 'guntur');
    await say(env.runtime, STOPPED_GUNTUR_WEATHER, { text: 'STOP' });
    const stopConfirmation = (await sentTo(env.runtime, STOPPED_GUNTUR_WEATHER)).at(-1)?.text?.body ?? '';
    expect(stopConfirmation).toContain('All your alerts have ended too.');

    const table = tableClient(env.runtime);
    const campaigns = new AlertCampaigns(env.runtime.names.table, table);
    const { campaignId } = await campaigns.create(
      {
        topic: 'weather',
        district: 'guntur',
        text: { en: 'Heavy rain expected tonight; stay indoors.', te: 'ఈ రాత్రి భారీ వర్షం; ఇంట్లోనే ఉండండి.' },
        createdBy: 'operator:test',
      },
      env.runtime.clock.get(),
    );

    // Stopped as soon as the first alert is queued: the rest are queued by the runtime started again.
    await waitFor('the first alert queued', async () =>
      ((await campaigns.find(campaignId))?.queued ?? 0) >= 1 ? true : undefined,
    );
    await env.stop(true);
    const before = (await campaigns.find(campaignId).catch(() => undefined))?.queued;
    env = await startTestRuntime({ dataDir: env.dataDir, alerts: { perSecond: 1 } });
    const restarted = new AlertCampaigns(env.runtime.names.table, tableClient(env.runtime));
    const partway = (await restarted.find(campaignId))!;
    expect(before ?? partway.queued).toBeLessThan(5);
    await waitFor('the campaign done', async () =>
      (await restarted.find(campaignId))?.status === 'done' ? true : undefined,
    );
    await env.runtime.drained();

    for (const waId of GUNTUR_WEATHER) {
      const received = await waitFor(`the alert to ${waId}`, async () => {
        const got = await alertsTo(waId);
        return got.length > 0 ? got : undefined;
      });
      expect(received).toHaveLength(1);
      expect(received[0]!.template).toMatchObject({
        name: 'mitra_alert',
        language: { code: 'en' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Weather warnings' },
              { type: 'text', text: 'Guntur' },
              { type: 'text', text: 'Heavy rain expected tonight; stay indoors.' },
            ],
          },
        ],
      });
    }
    const telugu = await waitFor('the Telugu alert', async () => {
      const got = await alertsTo(TELUGU_GUNTUR_WEATHER);
      return got.length > 0 ? got : undefined;
    });
    expect(telugu).toHaveLength(1);
    expect(JSON.stringify(telugu[0]!.template)).toContain('ఈ రాత్రి భారీ వర్షం');
    for (const waId of [KRISHNA_WEATHER, GUNTUR_POWER, STOPPED_GUNTUR_WEATHER])
      expect(await alertsTo(waId)).toEqual([]);

    // Paced: at most one alert queued in any second (the configured rate), so five took five seconds at least.
    const { Items = [] } = await tableClient(env.runtime).send(
      new QueryCommand({
        TableName: env.runtime.names.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :to)',
        ExpressionAttributeValues: { ':pk': keys.campaignRecipients(campaignId).pk, ':to': 'TO#' },
      }),
    );
    expect(Items.map((item) => item.waId).sort()).toEqual([...GUNTUR_WEATHER, TELUGU_GUNTUR_WEATHER].sort());
    const seconds = Items.map((item) => String(item.queuedAt).slice(0, 19));
    expect(new Set(seconds).size).toBe(seconds.length);
    const { Item } = await tableClient(env.runtime).send(
      new GetCommand({ TableName: env.runtime.names.table, Key: keys.alertCampaign(campaignId) }),
    );
    expect(Item).toMatchObject({ status: 'done', queued: 5 });
    expect(await restarted.report(campaignId)).toEqual({ queued: 0, sent: 5, delivered: 0, failed: 0 });
  }, 240_000);
});
