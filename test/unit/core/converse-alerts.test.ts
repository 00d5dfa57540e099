import { describe, expect, it } from 'vitest';
import {
  alertTemplate,
  type Campaign,
  type CampaignPorts,
  campaignOfCallback,
  runCampaigns,
} from '#core/alerts/campaign.ts';
import { alertProblem } from '#core/alerts/topics.ts';
import { graphPayload } from '#core/whatsapp/outbound.ts';
import { Citizen } from './citizen.ts';

const bodyOf = (citizen: Citizen) =>
  citizen.replies.map((r) => ('body' in r ? r.body : 'text' in r ? r.text : '')).join('\n');

describe('alerts in the chat', () => {
  it('subscribes to a topic in a district after the alerts consent, and writes exactly that subscription', () => {
    const citizen = new Citizen().ready();
    citizen.text('alerts');
    expect(bodyOf(citizen)).toContain('Your topics: none');
    citizen.tap('alert-topic:weather');
    expect(bodyOf(citizen)).toContain('Do you agree?');
    expect(citizen.turn.effects).toEqual([]);
    citizen.tap('alert-consent:yes');
    expect(bodyOf(citizen)).toContain('Now choose your district for Weather warnings.');
    citizen.tap('alert-district:guntur');
    expect(bodyOf(citizen)).toContain('Done: you will get alerts on Weather warnings for Guntur.');
    expect(citizen.turn.effects).toEqual([
      {
        type: 'alert-subscriptions',
        waId: citizen.waId,
        add: [{ topic: 'weather', district: 'guntur' }],
        remove: [],
      },
    ]);
    citizen.tap('alert-topic:power');
    expect(citizen.turn.effects).toEqual([
      expect.objectContaining({ add: [{ topic: 'power', district: 'guntur' }], remove: [] }),
    ]);
  });

  it('answers in Telugu to the Telugu word', () => {
    const citizen = new Citizen().ready('te');
    citizen.text('హెచ్చరికలు');
    expect(bodyOf(citizen)).toContain('మీ అంశాలు: ఏమీ లేవు');
  });

  it('removes a topic when it is tapped again, and declining the consent subscribes nothing', () => {
    const declined = new Citizen().ready();
    declined.text('alerts');
    declined.tap('alert-topic:water');
    declined.tap('alert-consent:no');
    expect(declined.turn.effects).toEqual([]);
    expect(declined.session.alerts.topics).toEqual([]);

    const citizen = new Citizen().ready();
    citizen.text('alerts');
    citizen.tap('alert-topic:water');
    citizen.tap('alert-consent:yes');
    citizen.tap('alert-district:krishna');
    citizen.tap('alert-topic:water');
    expect(citizen.turn.effects).toEqual([
      expect.objectContaining({ add: [], remove: [{ topic: 'water', district: 'krishna' }] }),
    ]);
  });

  it('ends every alert on STOP, and says so', () => {
    const citizen = new Citizen().ready();
    citizen.text('alerts');
    citizen.tap('alert-topic:weather');
    citizen.tap('alert-consent:yes');
    citizen.tap('alert-district:guntur');
    citizen.text('STOP');
    expect(bodyOf(citizen)).toContain('All your alerts have ended too.');
    expect(citizen.turn.effects).toEqual([
      expect.objectContaining({ add: [], remove: [{ topic: 'weather', district: 'guntur' }] }),
    ]);
    expect(citizen.session.alerts.topics).toEqual([]);
  });
});

describe("an operator's alert", () => {
  it('is refused with the reason when its topic, districts or text will not do', () => {
    const text = { en: 'Rain tonight', te: 'ఈ రాత్రి వర్షం' };
    const guntur = ['guntur'];
    expect(alertProblem({ topic: 'floods', districts: guntur, text })).toMatch(
      /unknown topic "floods"; one of weather/,
    );
    expect(alertProblem({ topic: 'weather', districts: ['guntur', 'atlantis'], text })).toMatch(
      /unknown district "atlantis"/,
    );
    expect(alertProblem({ topic: 'weather', districts: [], text })).toBe('no district chosen');
    expect(alertProblem({ topic: 'weather', districts: ['guntur', 'guntur'], text })).toBe('a district is named twice');
    expect(alertProblem({ topic: 'weather', districts: guntur, text: { ...text, te: ' ' } })).toMatch(
      /Telugu text is empty/,
    );
    expect(alertProblem({ topic: 'weather', districts: guntur, text: { ...text, en: 'Rain\ntonight' } })).toMatch(
      /new lines/,
    );
    expect(alertProblem({ topic: 'weather', districts: ['guntur', 'krishna'], text })).toBeUndefined();
  });
});

describe("an alert's template", () => {
  it("goes in the citizen's language with its campaign as callback data, which its statuses bring back", () => {
    const campaign: Campaign = {
      campaignId: '20261206080000-0a1b2c3d',
      topic: 'weather',
      district: 'guntur',
      text: { en: 'Rain tonight', te: 'ఈ రాత్రి వర్షం' },
      createdAt: '2026-12-06T08:00:00.000Z',
      createdBy: 'dashboard',
      status: 'sending',
      queued: 0,
    };
    const payload = graphPayload('919876500001', alertTemplate(campaign, 'te', 'mitra_alert'));
    expect(payload).toMatchObject({
      template: { name: 'mitra_alert', language: { code: 'te' } },
      biz_opaque_callback_data: 'alert:20261206080000-0a1b2c3d',
    });
    expect(JSON.stringify(payload)).toContain('గుంటూరు');
    expect(campaignOfCallback(String(payload.biz_opaque_callback_data))).toBe(campaign.campaignId);
    expect(campaignOfCallback('reminder:x')).toBeUndefined();
    expect(campaignOfCallback(undefined)).toBeUndefined();
  });
});

describe('sending a campaign', () => {
  function fakePorts(subscribers: string[], alreadyQueued: string[] = []) {
    let clock = 0;
    const queued: { waId: string; at: number }[] = [];
    const done = new Set(alreadyQueued);
    const campaign: Campaign = {
      campaignId: 'c1',
      topic: 'weather',
      district: 'guntur',
      text: { en: 'x', te: 'y' },
      createdAt: '',
      createdBy: 'operator:test',
      status: 'sending',
      queued: 0,
    };
    const ports: CampaignPorts = {
      now: () => new Date(clock),
      sleep: async (ms) => {
        clock += ms;
      },
      sending: async () => (campaign.status === 'sending' ? [campaign] : []),
      queuedInLastDay: async () => queued.length,
      subscribers: async (c, limit) => {
        const start = c.cursor ? subscribers.indexOf(c.cursor) + 1 : 0;
        const waIds = subscribers.slice(start, start + limit);
        return { waIds, ...(start + limit < subscribers.length ? { cursor: waIds.at(-1)! } : {}) };
      },
      enqueue: async (_c, waId) => {
        if (done.has(waId)) return false;
        done.add(waId);
        queued.push({ waId, at: clock });
        return true;
      },
      advance: async (_c, cursor) => {
        if (cursor) campaign.cursor = cursor;
        else campaign.status = 'done';
      },
    };
    return { ports, queued, campaign };
  }

  const numbers = (n: number) => Array.from({ length: n }, (_, i) => `9198765${String(i).padStart(5, '0')}`);

  it('queues at most the configured number in each second', async () => {
    const { ports, queued, campaign } = fakePorts(numbers(7));
    const outcome = await runCampaigns(ports, { perSecond: 3, perDay: 100, runMs: 60_000 });
    expect(outcome).toMatchObject({ queued: 7, stoppedFor: 'nothing-to-send' });
    expect(queued.map((q) => q.at / 1000)).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(campaign.status).toBe('done');
  });

  it('stops at the 24-hour limit, and the next run goes on from the cursor without sending twice', async () => {
    const { ports, queued } = fakePorts(numbers(5), [numbers(5)[0]!]);
    expect(await runCampaigns(ports, { perSecond: 10, perDay: 2, runMs: 60_000 })).toMatchObject({
      queued: 2,
      skipped: 1,
      stoppedFor: 'daily-limit',
    });
    expect(await runCampaigns(ports, { perSecond: 10, perDay: 100, runMs: 60_000 })).toMatchObject({ queued: 2 });
    expect(new Set(queued.map((q) => q.waId)).size).toBe(4);
  });
});
