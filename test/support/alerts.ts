import type { EmbeddedRuntime } from '../../local/runtime.ts';
import { rowIdOf, type SentMessage, say, sentTo } from './runtime.ts';

/** A citizen greets, agrees, and follows one alert topic in one district from the chat, as a citizen would. */
export async function subscribeToAlerts(
  runtime: EmbeddedRuntime,
  waId: string,
  language: 'en' | 'te',
  topic: string,
  district: string,
): Promise<void> {
  await say(runtime, waId, { text: 'Hi' });
  await say(runtime, waId, { reply_id: `lang:${language}` });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'consent:yes') });
  await say(runtime, waId, { text: language === 'te' ? 'హెచ్చరికలు' : 'alerts' });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, `alert-topic:${topic}`) });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'alert-consent:yes') });
  await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, `alert-district:${district}`) });
}

/** The alerts (the mitra_alert template) the Graph API got for this number. */
export const alertsTo = async (runtime: EmbeddedRuntime, waId: string): Promise<SentMessage[]> =>
  (await sentTo(runtime, waId)).filter(
    (m: SentMessage) => (m.template as { name?: string } | undefined)?.name === 'mitra_alert',
  );
