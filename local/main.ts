import { makeHandlerOutputReadable } from './handler-output.ts';
import { LOCAL_DEFAULTS, startEmbeddedRuntime } from './runtime.ts';
import { StartupError } from './startup-error.ts';
import { synthesizeIfStale } from './synth.ts';

// `npm start`: the whole system on this machine, from the same bundles and state machine definitions that deploy.

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.MITRA_DATA_DIR ?? '.mitra';

// The handlers run in this process: their JSON log and metric records become readable lines on this terminal.
makeHandlerOutputReadable(process.stdout);
makeHandlerOutputReadable(process.stderr);

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new StartupError(`PORT must be a port number; it is ${process.env.PORT}`);
  synthesizeIfStale((line) => console.error(line));
  const runtime = await startEmbeddedRuntime({ port, dataDir, logLevel: process.env.LOG_LEVEL ?? 'WARN' });
  const base = runtime.baseUrl;
  console.log(`
Mitra is running at ${base}

  WhatsApp simulator      ${base}/sim
  Webhook (Meta)          ${base}/webhook        verify token "${LOCAL_DEFAULTS.verifyToken}", app secret "${LOCAL_DEFAULTS.appSecret}"
  Verify a certificate    ${base}/v/{certId}
  Check tickets (staff)   ${base}/check          works offline once loaded
  Transparency log        ${base}/log/checkpoint
  Public keys             ${base}/keys
  Service catalog         ${base}/catalog
  Live dashboard          ${base}/dashboard
  Health                  ${base}/health
  Simulator API           ${base}/sim/api/send · /sim/api/messages?wa_id= · /sim/api/clock · /sim/api/citizens · /sim/api/officers · /sim/api/otp?aadhaar=
  Payment gateway (fake)  ${base}/payment-gateway/payment-links · pay pages ${base}/pay/{linkId} · ${base}/sim/api/payments?order_id=
  Payment callback        ${base}/payments/callback     webhook secret "${LOCAL_DEFAULTS.paymentWebhookSecret}", API key "${LOCAL_DEFAULTS.paymentApiKey}"
  Local Graph API         ${base}/graph/${LOCAL_DEFAULTS.graphApiVersion}/${LOCAL_DEFAULTS.phoneNumberId}/messages

  Emulators: DynamoDB Local ${runtime.endpoints.dynamodb} · S3 ${runtime.endpoints.s3} · KMS ${runtime.endpoints.kms} · Step Functions ${runtime.endpoints.stepFunctions}
  Data kept in ${dataDir}/ across restarts. Ctrl-C stops everything.
`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(`Mitra could not start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
