import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#core/table-keys.ts';
import type { EmbeddedRuntime } from '../../local/runtime.ts';
import { bodyOf, rowIdOf, say, sentTo, tableClient, waitFor } from './runtime.ts';

export interface ApplicationItem {
  state: string;
  payment?: {
    linkId: string;
    url: string;
    amountPaise: number;
    inChat?: boolean;
    received?: { paymentId: string; paidAt: string };
  };
  billPosting?: { status: string; billerReference?: string; reason?: string };
  refund?: { amountPaise: number; reason: string };
  paymentIssues?: { reason: string; paymentId: string }[];
}

/** A citizen's bill in the chat, and what the runtime's table, billers and outbox then hold. */
export function billSteps(runtime: EmbeddedRuntime) {
  const table: DynamoDBDocumentClient = tableClient(runtime);
  const texts = async (waId: string) => (await sentTo(runtime, waId)).map(bodyOf);

  async function application(applicationId: string): Promise<ApplicationItem> {
    const { Item } = await table.send(
      new GetCommand({ TableName: runtime.names.table, Key: keys.application(applicationId), ConsistentRead: true }),
    );
    return Item as ApplicationItem;
  }

  return {
    texts,
    application,

    async postings(number: string): Promise<{ idempotencyKey: string; answer: { status: string } }[]> {
      const response = await fetch(`${runtime.baseUrl}/billers/postings?number=${number}`);
      return ((await response.json()) as { postings: { idempotencyKey: string; answer: { status: string } }[] })
        .postings;
    },

    /** From "Hi" to the electricity bill of this consumer number, as the citizen reads it. */
    async showBill(waId: string, number: string, returning = false, language: 'en' | 'te' = 'en'): Promise<string> {
      if (!returning) {
        await say(runtime, waId, { text: 'Hi' });
        await say(runtime, waId, { reply_id: `lang:${language}` });
        await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'consent:yes') });
      }
      if (returning || language === 'te') await say(runtime, waId, { reply_id: 'svc:energy.electricity-bill' });
      else {
        // Found by its everyday name, as a citizen would type it.
        await say(runtime, waId, { text: 'current bill' });
        const asked = bodyOf((await sentTo(runtime, waId)).at(-1)!);
        if (!asked.includes('consumer')) await say(runtime, waId, { reply_id: 'svc:energy.electricity-bill' });
      }
      await say(runtime, waId, { text: number });
      await say(runtime, waId, { reply_id: await rowIdOf(runtime, waId, 'confirm') });
      const all = await texts(waId);
      return all.filter((text) => text.includes('Electricity bill')).at(-1) ?? all.at(-1)!;
    },

    async settled(applicationId: string, state: string): Promise<ApplicationItem> {
      return waitFor(`application ${applicationId} to be ${state}`, async () => {
        await runtime.drained();
        const item = await application(applicationId);
        return item.state === state ? item : undefined;
      });
    },
  };
}
