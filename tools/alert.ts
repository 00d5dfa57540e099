import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AlertCampaigns } from '../lambdas/adapters/alert-campaigns.ts';
import { type AlertRequest, alertProblem } from '../lambdas/core/alerts/topics.ts';
import { openTable, type TableTarget } from './table-access.ts';

const USAGE = `Sends an alert to the citizens who subscribed to its topic in its districts, as the approved UTILITY
template mitra_alert, paced within the messaging limits by the alerts function (every minute in AWS, every second
on the embedded runtime). Prints the campaign id of each district; --status shows how far a campaign got.
The dashboard's "Send an alert" does the same.

  npm run alert -- --topic <topic> --district <district> [--district <district> …] --text-en "…" --text-te "…"
  npm run alert -- --status <campaign id>

Topics: weather, power, water, schemes, health. Districts: the catalog's district ids (guntur, krishna, …).
The texts are one line each, at most 900 characters.

Where: the embedded runtime's data by default (through the running \`npm start\` if there is one); a deployment
with --table <TableName> [--region <region>] and AWS credentials that may read and write the table.

Options:
  --by <name>          who sends it, as the campaign records it (default: operator:<your user name>)
  --data-dir <dir>     the embedded runtime's data folder (default .mitra)
  --stage <stage>      the stage whose synthesized stack names the local table (default dev)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      topic: { type: 'string' },
      district: { type: 'string', multiple: true },
      'text-en': { type: 'string' },
      'text-te': { type: 'string' },
      status: { type: 'string' },
      by: { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string' },
      'data-dir': { type: 'string' },
      stage: { type: 'string', default: 'dev' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const alert: AlertRequest = {
    topic: values.topic ?? '',
    districts: (values.district ?? []).flatMap((district) => district.split(',')).map((district) => district.trim()),
    text: { en: values['text-en'] ?? '', te: values['text-te'] ?? '' },
  };
  const problem = values.status ? undefined : alertProblem(alert);
  if (problem) {
    console.error(`alert: ${problem}\n\n${USAGE}`);
    return 2;
  }
  const target: TableTarget = values.table
    ? { kind: 'aws', table: values.table, ...(values.region ? { region: values.region } : {}) }
    : { kind: 'embedded', dataDir: values['data-dir'] ?? process.env.MITRA_DATA_DIR ?? '.mitra', stage: values.stage! };
  const table = await openTable(target);
  try {
    const campaigns = new AlertCampaigns(table.name, table.client);
    if (values.status) {
      const campaign = await campaigns.find(values.status);
      if (!campaign) {
        console.error(`alert: no campaign ${values.status}`);
        return 1;
      }
      const counts = await campaigns.report(campaign.campaignId);
      console.log(
        `${campaign.campaignId} ${campaign.topic} in ${campaign.district}: ${campaign.status}, ${campaign.queued} queued` +
          ` (${Object.entries(counts)
            .map(([status, count]) => `${status} ${count}`)
            .join(', ')})`,
      );
      return 0;
    }
    const sent = await campaigns.send(alert, values.by ?? `operator:${userInfo().username}`, new Date());
    for (const campaign of sent)
      console.log(`Campaign ${campaign.campaignId}: ${campaign.topic} alert to ${campaign.district}, sending`);
    return 0;
  } finally {
    await table.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`alert: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
