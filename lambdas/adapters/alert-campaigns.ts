import { randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { alertTemplate, type Campaign, type CampaignPorts, type RecipientStatus } from '#core/alerts/campaign.ts';
import { type AlertRequest, alertProblem } from '#core/alerts/topics.ts';
import type { Language } from '#core/catalog/schema.ts';
import { ClientError } from '#core/errors.ts';
import { keys } from '#core/table-keys.ts';
import { dynamodb } from './dynamodb-client.ts';
import { type OutboxItem, outboxItem } from './outbox.ts';

/** Campaign items are kept a year: what was sent to whom, for the department's records. */
const CAMPAIGN_RETENTION_SECONDS = 365 * 24 * 60 * 60;

const hourOf = (at: Date) => at.toISOString().slice(0, 13);

/**
 * Operators' alerts (campaigns) and their recipients in the single table. Recipients are read one topic-and-district
 * partition at a time (never a scan); each is queued in one transaction with a conditional mark, its outbox item
 * (the sender sends it as the approved template) and the hour's count for the messaging limit.
 */
export class AlertCampaigns {
  constructor(
    private readonly tableName: string,
    private readonly client: DynamoDBDocumentClient = dynamodb,
  ) {}

  /**
   * Starts an operator's alert (from `npm run alert` or the dashboard): one campaign per district, each sent by the
   * alerts function. Refused with the reason, before anything is stored, when the alert will not do.
   */
  async send(alert: AlertRequest, createdBy: string, now: Date): Promise<Campaign[]> {
    const problem = alertProblem(alert);
    if (problem) throw new ClientError(422, problem);
    const text = { en: alert.text.en.trim(), te: alert.text.te.trim() };
    const campaigns: Campaign[] = [];
    for (const district of alert.districts)
      campaigns.push(await this.create({ topic: alert.topic, district, text, createdBy }, now));
    return campaigns;
  }

  /** How many citizens follow the topic in the district now: whom an alert sent now would go to. */
  async reach(topic: string, district: string): Promise<number> {
    const { pk } = keys.alertSubscribers(topic, district);
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        Select: 'COUNT',
      },
    );
    let count = 0;
    for await (const page of pages) count += page.Count ?? 0;
    return count;
  }

  /** The latest campaigns, newest first. */
  async recent(limit: number): Promise<Campaign[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.allCampaigns().pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    const campaigns = await Promise.all(Items.map((item) => this.find(String(item.sk))));
    return campaigns.filter((c): c is Campaign => c !== undefined);
  }

  async create(alert: Pick<Campaign, 'topic' | 'district' | 'text' | 'createdBy'>, now: Date): Promise<Campaign> {
    const campaignId = `${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(4).toString('hex')}`;
    const campaign: Campaign = { ...alert, campaignId, createdAt: now.toISOString(), status: 'sending', queued: 0 };
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.alertCampaign(campaignId),
                kind: 'alert-campaign',
                ...campaign,
                expiresAt: this.expiry(now),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.sendingCampaign(campaignId), kind: 'sending-campaign', createdAt: campaign.createdAt },
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.campaignInList(campaignId), kind: 'campaign-listed', expiresAt: this.expiry(now) },
            },
          },
        ],
      }),
    );
    return campaign;
  }

  async find(campaignId: string): Promise<Campaign | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.alertCampaign(campaignId), ConsistentRead: true }),
    );
    return Item ? campaignOf(Item) : undefined;
  }

  /** How many of the campaign's recipients are at each status, from their outbox items and Meta's statuses. */
  async report(campaignId: string): Promise<Record<RecipientStatus, number>> {
    const counts: Record<RecipientStatus, number> = { queued: 0, sent: 0, delivered: 0, failed: 0 };
    const { pk, skPrefix } = keys.campaignRecipients(campaignId);
    const pages = paginateQuery(
      { client: this.client, pageSize: 100 },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        ProjectionExpression: 'outboxPk, outboxSk, delivery',
      },
    );
    for await (const page of pages) {
      // Meta said it reached them (the webhook keeps an alert's delivered and read on its recipient).
      const reached = (page.Items ?? []).filter((item) => item.delivery === 'delivered' || item.delivery === 'read');
      counts.delivered += reached.length;
      const wanted = (page.Items ?? [])
        .filter((item) => !reached.includes(item))
        .map((item) => ({ pk: String(item.outboxPk), sk: String(item.outboxSk) }));
      if (wanted.length === 0) continue;
      const { Responses } = await this.client.send(
        new BatchGetCommand({
          RequestItems: {
            [this.tableName]: {
              Keys: wanted,
              ProjectionExpression: '#status, delivery',
              ExpressionAttributeNames: { '#status': 'status' },
            },
          },
        }),
      );
      const found = Responses?.[this.tableName] ?? [];
      for (const item of found)
        counts[recipientStatus(item as Pick<OutboxItem, 'status'> & { delivery?: string })] += 1;
      counts.queued += wanted.length - found.length;
    }
    return counts;
  }

  /** The ports the pacing loop (lambdas/core/alerts/campaign.ts) runs on, sending as `templateName`. */
  ports(templateName: string, now: () => Date): Omit<CampaignPorts, 'sleep'> {
    return {
      now,
      sending: () => this.sending(),
      queuedInLastDay: () => this.queuedInLastDay(now()),
      subscribers: (campaign, limit) => this.subscribers(campaign, limit),
      enqueue: (campaign, waId) => this.enqueue(campaign, waId, templateName, now()),
      advance: (campaign, cursor) => this.advance(campaign, cursor, now()),
    };
  }

  private async sending(): Promise<Campaign[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.sendingCampaigns().pk },
      }),
    );
    const campaigns = await Promise.all(Items.map((item) => this.find(String(item.sk))));
    return campaigns
      .filter((c): c is Campaign => c?.status === 'sending')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private async queuedInLastDay(now: Date): Promise<number> {
    const since = hourOf(new Date(now.getTime() - 23 * 60 * 60 * 1000));
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: { ':pk': keys.alertsQueuedHours().pk, ':since': since },
        ConsistentRead: true,
      }),
    );
    return Items.reduce((sum, item) => sum + Number(item.count ?? 0), 0);
  }

  private async subscribers(campaign: Campaign, limit: number): Promise<{ waIds: string[]; cursor?: string }> {
    const { pk } = keys.alertSubscribers(campaign.topic, campaign.district);
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: 'sk',
        Limit: limit,
        ...(campaign.cursor ? { ExclusiveStartKey: { pk, sk: campaign.cursor } } : {}),
      }),
    );
    return {
      waIds: Items.map((item) => String(item.sk)),
      ...(LastEvaluatedKey ? { cursor: String(LastEvaluatedKey.sk) } : {}),
    };
  }

  private async enqueue(campaign: Campaign, waId: string, templateName: string, now: Date): Promise<boolean> {
    const { Item: session } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.session(waId),
        ProjectionExpression: '#session.#language, #session.stopped',
        ExpressionAttributeNames: { '#session': 'session', '#language': 'language' },
      }),
    );
    const stored = session?.session as { language?: string; stopped?: boolean } | undefined;
    // STOP deletes the subscriptions with its turn; one read between the page and this write is still not sent.
    if (stored?.stopped) return false;
    const language: Language = stored?.language === 'te' ? 'te' : 'en';
    const outbox = outboxItem(
      waId,
      `ALERT#${campaign.campaignId}`,
      alertTemplate(campaign, language, templateName),
      now,
    );
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.campaignRecipient(campaign.campaignId, waId),
                  kind: 'campaign-recipient',
                  waId,
                  language,
                  queuedAt: now.toISOString(),
                  outboxPk: outbox.pk,
                  outboxSk: outbox.sk,
                  expiresAt: this.expiry(now),
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: this.tableName, Item: outbox, ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.alertsQueuedInHour(hourOf(now)),
                UpdateExpression: 'ADD #count :one SET kind = :kind, expiresAt = :expires',
                ExpressionAttributeNames: { '#count': 'count' },
                ExpressionAttributeValues: {
                  ':one': 1,
                  ':kind': 'alerts-queued',
                  ':expires': Math.floor(now.getTime() / 1000) + 2 * 24 * 60 * 60,
                },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.alertCampaign(campaign.campaignId),
                UpdateExpression: 'ADD queued :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed' || reasons[1]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  private async advance(campaign: Campaign, cursor: string | undefined, now: Date): Promise<void> {
    if (cursor) {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.alertCampaign(campaign.campaignId),
          UpdateExpression: 'SET #cursor = :cursor',
          ExpressionAttributeNames: { '#cursor': 'cursor' },
          ExpressionAttributeValues: { ':cursor': cursor },
        }),
      );
      return;
    }
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.alertCampaign(campaign.campaignId),
              UpdateExpression: 'SET #status = :done, finishedAt = :at REMOVE #cursor',
              ExpressionAttributeNames: { '#status': 'status', '#cursor': 'cursor' },
              ExpressionAttributeValues: { ':done': 'done', ':at': now.toISOString() },
            },
          },
          { Delete: { TableName: this.tableName, Key: keys.sendingCampaign(campaign.campaignId) } },
        ],
      }),
    );
  }

  private expiry(now: Date): number {
    return Math.floor(now.getTime() / 1000) + CAMPAIGN_RETENTION_SECONDS;
  }
}

function campaignOf(item: Record<string, unknown>): Campaign {
  const { campaignId, topic, district, text, createdAt, createdBy, status, cursor, queued, finishedAt } = item;
  return {
    campaignId: String(campaignId),
    topic: String(topic),
    district: String(district),
    text: text as Campaign['text'],
    createdAt: String(createdAt),
    createdBy: String(createdBy),
    status: status === 'done' ? 'done' : 'sending',
    queued: Number(queued ?? 0),
    ...(typeof cursor === 'string' ? { cursor } : {}),
    ...(typeof finishedAt === 'string' ? { finishedAt } : {}),
  };
}

/** A recipient's status as an operator reads it, from the outbox item the alert went out as. */
function recipientStatus(item: { status?: string; delivery?: string }): RecipientStatus {
  if (item.delivery === 'failed') return 'failed';
  if (item.delivery === 'delivered' || item.delivery === 'read') return 'delivered';
  if (item.status === 'sent') return 'sent';
  if (item.status === 'failed' || item.status === 'undeliverable' || item.status === 'parked') return 'failed';
  return 'queued';
}
