import type { Language } from '../catalog/schema.ts';
import type { TemplateReply } from '../whatsapp/limits.ts';
import { districtName, topicName } from './topics.ts';

/** An operator's alert to one topic in one district, and how far its sending got. */
export interface Campaign {
  campaignId: string;
  topic: string;
  district: string;
  text: Record<Language, string>;
  createdAt: string;
  createdBy: string;
  status: 'sending' | 'done';
  /** Where the next page of subscribers starts (the last subscriber queued); absent before the first. */
  cursor?: string;
  queued: number;
  finishedAt?: string;
}

const ALERT_CALLBACK_PREFIX = 'alert:';

/** What an alert's statuses carry back from Meta (`biz_opaque_callback_data`): its campaign. */
const alertCallbackData = (campaignId: string) => `${ALERT_CALLBACK_PREFIX}${campaignId}`;

/** The campaign a status's callback data names, if it is an alert's. */
export const campaignOfCallback = (data: string | undefined): string | undefined =>
  data?.startsWith(ALERT_CALLBACK_PREFIX) ? data.slice(ALERT_CALLBACK_PREFIX.length) : undefined;

/** What one recipient's alert has become: queued with the campaign, then as the outbox and Meta's statuses say. */
export type RecipientStatus = 'queued' | 'sent' | 'delivered' | 'failed';

/**
 * The approved UTILITY template an alert goes as (outside the 24-hour window only a template may go, and an alert
 * mostly reaches people who have not written that day): `{{1}}` the topic, `{{2}}` the district, `{{3}}` the text,
 * each in the citizen's language.
 */
export function alertTemplate(campaign: Campaign, language: Language, templateName: string): TemplateReply {
  return {
    type: 'template',
    name: templateName,
    language,
    parameters: [
      topicName(campaign.topic, language),
      districtName(campaign.district, language),
      campaign.text[language],
    ],
    callbackData: alertCallbackData(campaign.campaignId),
  };
}

/**
 * The body of the approved alert template in each language, as the README asks it created in WhatsApp Manager: the
 * dashboard shows an operator what their citizens will read before it goes.
 */
export const ALERT_TEMPLATE_BODY: Record<Language, string> = {
  en: 'Alert: {{1}}, {{2}} district. {{3}} Reply STOP to end all alerts.',
  te: 'హెచ్చరిక: {{1}}, {{2}} జిల్లా. {{3}} అన్ని హెచ్చరికలు ఆపడానికి "ఆపు" అని పంపండి.',
};

/** The business's messaging limits as configured: unique recipients per rolling 24 hours, and messages per second. */
export interface AlertLimits {
  perSecond: number;
  perDay: number;
  /** How long one run may go on queuing, second by second, before it returns (the next scheduled run goes on). */
  runMs: number;
}

/** What sending needs done; the adapter does it with conditional writes, so any of it may be repeated safely. */
export interface CampaignPorts {
  /** The campaigns still sending, oldest first. */
  sending(): Promise<Campaign[]>;
  /** Alerts queued in the last 24 hours, all campaigns together. */
  queuedInLastDay(): Promise<number>;
  /** Up to `limit` subscribers after the campaign's cursor, and the cursor after them (absent at the end). */
  subscribers(campaign: Campaign, limit: number): Promise<{ waIds: string[]; cursor?: string }>;
  /** Queues the alert for one recipient unless it ever was: false when it already was (or they sent STOP). */
  enqueue(campaign: Campaign, waId: string): Promise<boolean>;
  /** Records the cursor; with none, the campaign is done. */
  advance(campaign: Campaign, cursor: string | undefined): Promise<void>;
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export interface RunOutcome {
  queued: number;
  /** Recipients found already queued (a run that stopped midway, resumed). */
  skipped: number;
  /** Why the run stopped before its time was up, if it did. */
  stoppedFor?: 'nothing-to-send' | 'daily-limit';
}

/**
 * Queues the sending campaigns' alerts, at most `perSecond` in each second and never beyond the 24-hour limit,
 * until the run's time is up or nothing is left. Resumable: the cursor is saved after each page, and a recipient
 * queued before a restart is skipped by the conditional write, so nobody gets an alert twice.
 */
export async function runCampaigns(ports: CampaignPorts, limits: AlertLimits): Promise<RunOutcome> {
  const started = ports.now().getTime();
  const outcome: RunOutcome = { queued: 0, skipped: 0 };
  for (;;) {
    const second = ports.now().getTime();
    const campaigns = await ports.sending();
    if (campaigns.length === 0) return { ...outcome, stoppedFor: 'nothing-to-send' };
    let budget = Math.min(limits.perSecond, limits.perDay - (await ports.queuedInLastDay()));
    if (budget <= 0) return { ...outcome, stoppedFor: 'daily-limit' };
    for (const campaign of campaigns) {
      let cursor = campaign.cursor;
      do {
        const page = await ports.subscribers({ ...campaign, ...(cursor ? { cursor } : {}) }, budget);
        for (const waId of page.waIds) {
          if (await ports.enqueue(campaign, waId)) {
            outcome.queued += 1;
            budget -= 1;
          } else {
            outcome.skipped += 1;
          }
        }
        cursor = page.cursor;
        await ports.advance(campaign, cursor);
      } while (cursor && budget > 0);
      if (budget <= 0) break;
    }
    const next = second + 1000;
    // Another second only if it fits in the run: the next scheduled run goes on from the saved cursor.
    if (next + 1000 > started + limits.runMs) return outcome;
    await ports.sleep(Math.max(0, next - ports.now().getTime()));
  }
}
