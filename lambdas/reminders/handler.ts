import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { now } from '#adapters/clock.ts';
import { requireEnv } from '#adapters/env.ts';
import { logger } from '#adapters/powertools.ts';
import { Reminders } from '#adapters/reminders.ts';
import { ValidationError } from '#core/errors.ts';
import * as z from '#core/validation.ts';

const reminders = new Reminders(requireEnv('TABLE_NAME'));
const templateName = requireEnv('WHATSAPP_REMINDER_TEMPLATE');

/** A one-time schedule's input names its reminder; the embedded runtime's timer asks for every reminder now due. */
const ReminderEvent = z.union([
  z.strictObject({ reminderId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.strictObject({ due: z.literal(true) }),
]);

async function fire(reminderId: string) {
  const outcome = await reminders.fire(reminderId, templateName, now());
  logger.info('reminder fired', { reminderId, outcome });
  return outcome;
}

export const handler = middy(async (event: unknown) => {
  const parsed = ReminderEvent.safeParse(event);
  if (!parsed.success) throw new ValidationError('a reminder event names a reminderId, or asks for those due');
  if ('reminderId' in parsed.data) return { fired: [await fire(parsed.data.reminderId)] };
  const due = await reminders.due(now());
  const fired = [];
  for (const reminderId of due) fired.push(await fire(reminderId));
  return { fired };
}).use(injectLambdaContext(logger));
