import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { AlertCampaigns } from '#adapters/alert-campaigns.ts';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { logger } from '#adapters/powertools.ts';
import { runCampaigns } from '#core/alerts/campaign.ts';
import { ConfigurationError } from '#core/errors.ts';

const positive = (name: string): number => {
  const value = Number(requireEnv(name));
  if (!Number.isInteger(value) || value <= 0) throw new ConfigurationError(`${name} must be a positive integer`);
  return value;
};

const campaigns = new AlertCampaigns(requireEnv('TABLE_NAME'));
const templateName = requireEnv('WHATSAPP_ALERT_TEMPLATE');
const limits = {
  perSecond: positive('ALERTS_PER_SECOND'),
  perDay: positive('ALERTS_PER_DAY'),
  runMs: positive('ALERTS_RUN_SECONDS') * 1000,
};

/** Run by the schedule (every minute in AWS, by the embedded runtime's timer locally): queues the next alerts. */
export const handler = middy(async () => {
  const outcome = await runCampaigns(
    { ...campaigns.ports(templateName, now), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    limits,
  );
  if (outcome.queued > 0 || outcome.skipped > 0 || outcome.stoppedFor === 'daily-limit')
    logger.info('alerts queued', { ...outcome });
  return outcome;
}).use(injectLambdaContext(logger));
