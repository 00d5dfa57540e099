import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { createLocalApsrtc } from './back-ends/apsrtc.ts';
import { createLocalBillers } from './back-ends/billers.ts';
import { createLocalEncumbranceRegister } from './back-ends/encumbrance-register.ts';
import { createLocalRegisters } from './back-ends/registers.ts';
import { createLocalStatusRegisters } from './back-ends/status-registers.ts';
import {
  type CloudAssembly,
  type FunctionSpec,
  keyAliases,
  readCloudAssembly,
  referencedLogicalId,
} from './cloud-assembly.ts';
import { ensureTable, type LocalDynamoDb, startDynamoDbLocal } from './dynamodb-local.ts';
import { DYNAMODB_THROTTLED, S3_SLOW_DOWN, startFaultProxy } from './fault-proxy.ts';
import { deliveryStreamsOf, type LocalFirehose, startLocalFirehose } from './firehose/index.ts';
import { routesFromTemplate, serveRoute } from './http-api.ts';
import { createLocalIdentity } from './identity/index.ts';
import { startLocalKms } from './kms-server.ts';
import { type LoadedFunction, loadFunction, loadFunctionInThread, type ThreadOptions } from './lambda-host.ts';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws.ts';
import { createLocalPaymentGateway } from './payments/index.ts';
import { freePort } from './ports.ts';
import type { LocalHouseholdRecord } from './records/index.ts';
import { createLocalRecords } from './records/index.ts';
import { LOCAL_TEMPLATES } from './reply-templates.ts';
import { publishRuntimeEndpoints } from './runtime-endpoints.ts';
import { type LocalS3, startS3Local } from './s3-local.ts';
import { sampleCitizens, sampleHouseholds } from './sample-citizens.ts';
import { registerOfficers, sampleOfficers } from './sample-officers.ts';
import { startScheduledRules } from './scheduled-rules.ts';
import { createLocalSpeech } from './speech/index.ts';
import { StartupError } from './startup-error.ts';
import {
  type LocalStepFunctions,
  resolveDefinitionFromTemplate,
  startLocalStepFunctions,
} from './step-functions/index.ts';
import { type StreamPoller, startStreamPoller } from './stream-poller.ts';
import { createLocalWhatsApp, type LocalWhatsApp } from './whatsapp/index.ts';
import { localWitnessPublicKey, startLocalWitness } from './witness.ts';

/** The local defaults of CONTRACT.md; each can be overridden by the environment variable of the same role. */
export const LOCAL_DEFAULTS = {
  verifyToken: process.env.WHATSAPP_VERIFY_TOKEN ?? 'local-verify-token',
  appSecret: process.env.WHATSAPP_APP_SECRET ?? 'local-app-secret',
  accessToken: process.env.WHATSAPP_ACCESS_TOKEN ?? 'local-access-token',
  phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID ?? '100000000000001',
  graphApiVersion: 'v23.0',
  aadhaarHashKey: process.env.AADHAAR_HASH_KEY ?? 'local-aadhaar-hash-key-for-the-embedded-runtime',
  paymentApiKey: process.env.PAYMENT_API_KEY ?? 'local-payment-api-key',
  paymentWebhookSecret: process.env.PAYMENT_WEBHOOK_SECRET ?? 'local-payment-webhook-secret',
  /** The payment configuration (WhatsApp's payments in India) the local WhatsApp and gateway have set up. */
  paymentConfiguration: 'mitra-local-upi',
  lakeTokenKey: process.env.LAKE_TOKEN_KEY ?? 'local-lake-token-key-for-the-embedded-runtime',
};

/**
 * Secrets Manager secrets, by the variable that names them in AWS, and the plain variables the embedded runtime
 * passes instead (the handlers' config modules read either).
 */
export const LOCAL_SECRETS: Record<string, Record<string, string>> = {
  WHATSAPP_SECRET_ARN: {
    WHATSAPP_ACCESS_TOKEN: LOCAL_DEFAULTS.accessToken,
    WHATSAPP_APP_SECRET: LOCAL_DEFAULTS.appSecret,
  },
  AADHAAR_HASH_KEY_SECRET_ARN: { AADHAAR_HASH_KEY: LOCAL_DEFAULTS.aadhaarHashKey },
  LAKE_TOKEN_KEY_SECRET_ARN: { LAKE_TOKEN_KEY: LOCAL_DEFAULTS.lakeTokenKey },
  PAYMENT_SECRET_ARN: {
    PAYMENT_API_KEY: LOCAL_DEFAULTS.paymentApiKey,
    PAYMENT_WEBHOOK_SECRET: LOCAL_DEFAULTS.paymentWebhookSecret,
  },
};

export interface EmbeddedRuntimeOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  dataDir: string;
  /**
   * DynamoDB Local keeps the table in memory instead of under `dataDir`: for a run whose data is thrown away after it
   * (`npm run soak`). Its writes then do not wait on the disk: a PutItem under the soak's load took 51 ms at the mean
   * instead of 140 ms.
   */
  tableInMemory?: boolean;
  assemblyDir?: string;
  stage?: string;
  /** Log level of the handlers' Powertools loggers. */
  logLevel?: string;
  /** Seconds between the local Firehose's writes of buffered events to the lake (default 5). */
  lakeFlushSeconds?: number;
  /** Alerts queued per second and per 24 hours (default: the synthesized template's, `alertsPerSecond`/`alertsPerDay`). */
  alerts?: { perSecond?: number; perDay?: number };
  /** Status webhooks (sent, delivered) for every message the local Graph API accepts. */
  statusWebhooks?: boolean;
  /**
   * Whether fees and bills are paid inside WhatsApp (order_details through the local payment configuration) while
   * the citizen's window is open; default true, as `npm start` runs. False: payment links only, as a deployment
   * without WhatsApp's payments.
   */
  whatsAppPayments?: boolean;
  /**
   * Faults the load and fault suite (`npm run soak`) turns on and off as it runs: DynamoDB throttling and S3 SlowDown
   * answered, while each says so, by a proxy in front of the emulators as the functions reach them; a department back
   * end answering 503 for the paths `backEndDown` names.
   */
  faults?: { dynamodb?: () => boolean; s3?: () => boolean; backEndDown?: (url: URL) => boolean };
  /** Household records the local department records hold beside the sample citizens'. */
  households?: readonly LocalHouseholdRecord[];
  log?: (line: string) => void;
}

export interface EmbeddedRuntime {
  baseUrl: string;
  whatsapp: LocalWhatsApp;
  clock: { get(): Date; advance(seconds: number): void };
  endpoints: { dynamodb: string; s3: string; kms: string; stepFunctions: string; firehose: string };
  /** The local data lake: its bucket, and a flush of the events buffered in the local Firehose. */
  lake: { bucket: string; flush(): Promise<void> };
  names: {
    table: string;
    archiveBucket: string;
    mediaBucket: string;
    certificateWorkflowArn: string;
    /** Each fulfilment workflow's state machine ARN, by the service kind it fulfils. */
    workflowArns: Record<string, string>;
  };
  functions: Map<string, LoadedFunction>;
  /** Resolves when the outbox stream has delivered everything written so far. */
  drained(): Promise<void>;
  health(): Promise<{ ok: boolean; components: Record<string, string> }>;
  stop(): Promise<void>;
}

const LAMBDA_ARN_PREFIX = `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:`;

export async function startEmbeddedRuntime(options: EmbeddedRuntimeOptions): Promise<EmbeddedRuntime> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    for (const stop of stops.reverse())
      await stop().catch((error: unknown) => log(`while stopping: ${(error as Error).message}`));
  };

  try {
    // The HTTP server binds first: a busy port is the most common reason to fail, and should fail before anything starts.
    let handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => {
      res.writeHead(503).end('starting');
    };
    const server = createServer((req, res) => {
      handler(req, res).catch((error: unknown) => {
        log(`request failed: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Internal Server Error' }));
      });
    });
    const port = await listen(server, options.port, host);
    stops.push(() => new Promise((done) => server.close(() => done())));
    server.closeIdleConnections?.();
    const baseUrl = `http://${host}:${port}`;

    const assembly = readCloudAssembly(options.assemblyDir ?? 'cdk.out', options.stage ?? 'dev');
    const clock = createClock(join(dataDir, 'clock.json'));

    const dynamo: LocalDynamoDb = await startDynamoDbLocal(
      await freePort(host),
      options.tableInMemory ? undefined : join(dataDir, 'dynamodb'),
    );
    stops.push(() => dynamo.stop());
    const [tableLogicalId, tableResource] = single(assembly, 'AWS::DynamoDB::Table');
    await ensureTable(dynamo.client, tableLogicalId, tableResource);
    await registerOfficers(dynamo.client, tableLogicalId, sampleOfficers);

    const bucketIds = assembly.resourcesOfType('AWS::S3::Bucket').map(([id]) => id);
    const bucketName = (logicalId: string) => logicalId.toLowerCase();
    const s3: LocalS3 = await startS3Local(join(dataDir, 's3'), bucketIds.map(bucketName));
    stops.push(() => s3.stop());

    const s3Client = new S3Client({
      endpoint: s3.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const lakeStreams = deliveryStreamsOf(assembly, bucketName);
    const firehose: LocalFirehose = await startLocalFirehose({
      host,
      dataDir: join(dataDir, 'firehose'),
      streams: lakeStreams,
      s3: s3Client,
      flushSeconds: options.lakeFlushSeconds ?? 5,
      log,
    });
    stops.push(() => firehose.close());

    // The functions reach DynamoDB and S3 through a fault proxy when the caller injects faults; the runtime's own
    // clients (stream pollers, setup) go straight to the emulators.
    const proxied = async (endpoint: string, failing: (() => boolean) | undefined, failure: typeof S3_SLOW_DOWN) => {
      if (!failing) return endpoint;
      const proxy = await startFaultProxy(endpoint, failing, failure, host);
      stops.push(() => proxy.close());
      return proxy.endpoint;
    };
    const functionsDynamoDb = await proxied(dynamo.endpoint, options.faults?.dynamodb, DYNAMODB_THROTTLED);
    const functionsS3 = await proxied(s3.endpoint, options.faults?.s3, S3_SLOW_DOWN);

    const kms = await startLocalKms({ host, port: 0, dataDir: join(dataDir, 'kms'), aliases: keyAliases(assembly) });
    stops.push(() => kms.close());

    // Step Functions needs the functions and the functions need its endpoint: it gets a late-bound invoker.
    const sfnPort = await freePort(host);
    const sfnEndpoint = `http://${host}:${sfnPort}`;
    const stateMachines = assembly.resourcesOfType('AWS::StepFunctions::StateMachine').map(([logicalId, resource]) => ({
      logicalId,
      name: logicalId,
      /** The service kind it fulfils (lib/workflows/fulfilment-workflow.ts `mitra:workflow`). */
      kind: String(resource.Metadata?.['mitra:workflow'] ?? logicalId),
      arn: `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${logicalId}`,
    }));

    const localValues = {
      WHATSAPP_VERIFY_TOKEN: LOCAL_DEFAULTS.verifyToken,
      WHATSAPP_PHONE_NUMBER_ID: LOCAL_DEFAULTS.phoneNumberId,
      GRAPH_API_BASE: `${baseUrl}/graph/${LOCAL_DEFAULTS.graphApiVersion}`,
      PUBLIC_BASE_URL: baseUrl,
      IDENTITY_ENDPOINT: `${baseUrl}/identity`,
      SPEECH_ENDPOINT: `${baseUrl}/speech`,
      PAYMENT_GATEWAY_ENDPOINT: `${baseUrl}/payment-gateway`,
      WHATSAPP_PAYMENT_CONFIGURATION:
        options.whatsAppPayments === false ? 'unconfigured' : LOCAL_DEFAULTS.paymentConfiguration,
      WHATSAPP_PAYMENT_GATEWAY: 'razorpay',
      RECORDS_ENDPOINT: baseUrl,
      REGISTERS_ENDPOINT: baseUrl,
      STATUS_REGISTERS_ENDPOINT: baseUrl,
      BILLERS_ENDPOINT: baseUrl,
      // No sign-in on one machine: the dashboard is open.
      DASHBOARD_SIGN_IN: 'open',
      ALERT_SENDERS: 'open',
      RESERVATIONS_ENDPOINT: baseUrl,
      // The runtime's timer runs the alerts every second: each run queues one second's alerts.
      ALERTS_RUN_SECONDS: '1',
      // No EventBridge Scheduler here: reminders are kept due in the table, and the runtime's timer sends them.
      REMINDER_SCHEDULE_GROUP: 'embedded',
      REMINDER_SCHEDULER_ROLE_ARN: 'embedded',
    };
    const alertLimits: Record<string, string> = {
      ...(options.alerts?.perSecond ? { ALERTS_PER_SECOND: String(options.alerts.perSecond) } : {}),
      ...(options.alerts?.perDay ? { ALERTS_PER_DAY: String(options.alerts.perDay) } : {}),
    };
    const resolveReference = (name: string, value: unknown): string => {
      const ref = referencedLogicalId(value);
      const resource = ref ? assembly.template.Resources[ref.logicalId] : undefined;
      if (ref && resource) {
        switch (resource.Type) {
          case 'AWS::DynamoDB::Table':
            return ref.logicalId;
          case 'AWS::S3::Bucket':
            return bucketName(ref.logicalId);
          case 'AWS::KMS::Key':
            return ref.logicalId;
          case 'AWS::KMS::Alias':
            return String(resource.Properties?.AliasName);
          case 'AWS::StepFunctions::StateMachine':
            return stateMachines.find((sm) => sm.logicalId === ref.logicalId)!.arn;
          case 'AWS::Lambda::Function':
            return `${LAMBDA_ARN_PREFIX}${ref.logicalId}`;
          case 'AWS::KinesisFirehose::DeliveryStream':
            return ref.logicalId;
          case 'AWS::SecretsManager::Secret':
            return ref.logicalId;
        }
      }
      throw new StartupError(`the embedded runtime has no local value for ${name} (${JSON.stringify(value)})`);
    };
    const common: Record<string, string> = {
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: functionsDynamoDb,
      AWS_ENDPOINT_URL_S3: functionsS3,
      AWS_ENDPOINT_URL_KMS: kms.endpoint,
      AWS_ENDPOINT_URL_SFN: sfnEndpoint,
      AWS_ENDPOINT_URL_FIREHOSE: firehose.endpoint,
      // s3rver knows only path-style addressing and no streamed-upload checksums.
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      POWERTOOLS_LOG_LEVEL: options.logLevel ?? 'WARN',
    };
    // With the witness on this machine, the verify page checks its co-signatures, as `-c witnessPublicKey` makes it in AWS.
    const witnessPublicKey = await localWitnessPublicKey(assembly.dir, options.stage ?? 'dev', {
      endpoint: kms.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    const environmentOf = (fn: FunctionSpec): Record<string, string> => {
      const env: Record<string, string> = { ...common, AWS_LAMBDA_FUNCTION_NAME: fn.name };
      if (fn.name === 'verify' && witnessPublicKey) env.WITNESS_PUBLIC_KEY = witnessPublicKey;
      for (const [name, value] of Object.entries(fn.environment)) {
        if (name in LOCAL_SECRETS) {
          Object.assign(env, LOCAL_SECRETS[name]);
        } else if (name in localValues) {
          env[name] = localValues[name as keyof typeof localValues];
        } else if (name in alertLimits) {
          env[name] = alertLimits[name]!;
        } else if (typeof value === 'string') {
          env[name] = value;
        } else {
          env[name] = resolveReference(name, value);
        }
      }
      return env;
    };

    const functions = new Map<string, LoadedFunction>();
    stops.push(async () => {
      await Promise.all([...functions.values()].map((fn) => fn.close()));
    });
    await Promise.all(
      assembly.functions.map(async (spec) => {
        const thread = FUNCTIONS_IN_THREADS.get(spec.name);
        const environment = environmentOf(spec);
        functions.set(
          spec.logicalId,
          thread ? await loadFunctionInThread(spec, environment, thread) : await loadFunction(spec, environment),
        );
      }),
    );
    // Every function reads the clock's offset on each call, from its environment.
    clock.onAdvance(() => {
      for (const fn of functions.values()) fn.setEnvironment({ MITRA_CLOCK_OFFSET_MS: String(clock.offsetMs()) });
    });
    const invokeByArn = async (functionArn: string, payload: unknown) => {
      const logicalId = functionArn.startsWith(LAMBDA_ARN_PREFIX)
        ? functionArn.slice(LAMBDA_ARN_PREFIX.length).split(':')[0]!
        : functionArn;
      const fn = functions.get(logicalId);
      if (!fn) throw new Error(`no local function for ${functionArn}`);
      return fn.invoke(payload);
    };

    // The witness stack, when synthesized: it co-signs each checkpoint the certificate function archives.
    const witness = await startLocalWitness({
      assemblyDir: assembly.dir,
      stage: options.stage ?? 'dev',
      dynamodb: dynamo.client,
      archiveBucket: bucketName(resolveBucket(assembly, 'ARCHIVE_BUCKET')),
      s3: s3Client,
      common,
      resolveMitraValue: (exportName) => {
        const [outputKey, output] =
          Object.entries(assembly.template.Outputs ?? {}).find(([, o]) => o.Export?.Name === exportName) ?? [];
        if (!output) throw new StartupError(`the witness imports ${exportName}, which the Mitra stack does not export`);
        return outputKey === 'PublicBaseUrl' ? baseUrl : resolveReference(exportName, output.Value);
      },
      log,
    });
    if (witness) s3.onObjectCreated((bucket, key) => witness.objectCreated(bucket, key));

    const sfn: LocalStepFunctions = await startLocalStepFunctions({
      host,
      port: sfnPort,
      dataDir: join(dataDir, 'step-functions'),
      stateMachines: stateMachines.map((sm) => ({
        name: sm.name,
        arn: sm.arn,
        definition: resolveDefinitionFromTemplate(assembly.template, sm.logicalId, (logicalId, attribute) =>
          resolveReference(
            `${logicalId}.${attribute ?? 'Ref'}`,
            attribute ? { 'Fn::GetAtt': [logicalId, attribute] } : { Ref: logicalId },
          ),
        ),
      })),
      invokeLambda: invokeByArn,
      now: clock.get,
      log: (message, details) => log(`[step-functions] ${message}${details ? ` ${JSON.stringify(details)}` : ''}`),
    });
    stops.push(() => sfn.close());
    clock.onAdvance(() => sfn.clockAdvanced());

    const pollers: StreamPoller[] = [];
    for (const [mappingId, mapping] of assembly.resourcesOfType('AWS::Lambda::EventSourceMapping')) {
      const p = mapping.Properties ?? {};
      const source = referencedLogicalId(p.EventSourceArn);
      const target = referencedLogicalId(p.FunctionName);
      if (!source || source.logicalId !== tableLogicalId || !target) continue;
      const fn = functions.get(target.logicalId);
      if (!fn)
        throw new StartupError(`event source mapping ${mappingId} targets ${target.logicalId}, which has no bundle`);
      const filters = ((p.FilterCriteria as { Filters?: { Pattern: string }[] } | undefined)?.Filters ?? []).map(
        (f) => JSON.parse(f.Pattern) as unknown,
      );
      const poller = await startStreamPoller({
        dynamodb: dynamo.client,
        endpoint: dynamo.endpoint,
        tableName: tableLogicalId,
        mapping: {
          batchSize: Number(p.BatchSize ?? 100),
          parallelizationFactor: Number(p.ParallelizationFactor ?? 1),
          maximumRetryAttempts: Number(p.MaximumRetryAttempts ?? 3),
          filters,
        },
        invoke: (event) => fn.invoke(event),
        checkpointFile: join(dataDir, 'streams', `${mappingId}.json`),
        deadLetterFile: join(dataDir, 'streams', `${mappingId}.dead-letters.jsonl`),
        // Not while the runtime stops: Ctrl-C reaches DynamoDB Local too, and a read it fails then is no fault.
        log: (message, details) => {
          if (!stopping) log(`[stream → ${fn.spec.name}] ${message}${details ? ` ${JSON.stringify(details)}` : ''}`);
        },
      });
      pollers.push(poller);
      stops.push(() => poller.stop());
    }

    const identity = createLocalIdentity({ now: clock.get });
    const speech = createLocalSpeech();
    const records = createLocalRecords([...sampleHouseholds, ...(options.households ?? [])]);
    const registers = createLocalRegisters();
    const encumbrances = createLocalEncumbranceRegister();
    const statusRegisters = createLocalStatusRegisters({ now: clock.get });
    const billers = createLocalBillers({ now: clock.get, dataDir });
    const apsrtc = createLocalApsrtc({ now: clock.get, dataDir });
    const paymentGateway = createLocalPaymentGateway({
      publicBaseUrl: baseUrl,
      apiKey: LOCAL_DEFAULTS.paymentApiKey,
      webhookSecret: LOCAL_DEFAULTS.paymentWebhookSecret,
      callbackUrl: `${baseUrl}/payments/callback`,
      dataDir: join(dataDir, 'payment-gateway'),
      now: clock.get,
    });

    const whatsapp = createLocalWhatsApp({
      publicBaseUrl: baseUrl,
      appSecret: LOCAL_DEFAULTS.appSecret,
      accessToken: LOCAL_DEFAULTS.accessToken,
      phoneNumberId: LOCAL_DEFAULTS.phoneNumberId,
      dataDir: join(dataDir, 'whatsapp'),
      now: clock.get,
      clock,
      citizens: () => [...sampleCitizens],
      officers: () => [...sampleOfficers],
      lastOtp: (aadhaar) => identity.lastOtp(aadhaar),
      statusWebhooks: options.statusWebhooks ?? true,
      templates: LOCAL_TEMPLATES,
      // The local gateway is linked to the payment configuration, as a Razorpay account is in WhatsApp Manager.
      payments: {
        configurations: new Map([[LOCAL_DEFAULTS.paymentConfiguration, 'razorpay']]),
        checkout: (request) => paymentGateway.checkout(request),
      },
    });

    const routes = routesFromTemplate(assembly);
    const health = async () => {
      const components: Record<string, string> = {};
      await Promise.all([
        dynamo.client.send(new ListTablesCommand({})).then(
          () => (components.dynamodb = 'up'),
          (e: Error) => (components.dynamodb = `down: ${e.message}`),
        ),
        probe(`${s3.endpoint}/`).then((s) => (components.s3 = s)),
        probe(kms.endpoint, 'POST').then((s) => (components.kms = s)),
        probe(sfnEndpoint, 'POST').then((s) => (components.stepFunctions = s)),
      ]);
      components.streams = pollers.every((p) => p.healthy()) ? 'up' : 'down: stream polling is failing';
      components.functions = `${functions.size} loaded from ${assembly.dir}`;
      return { ok: Object.values(components).every((s) => !s.startsWith('down')), components };
    };

    handler = async (req, res) => {
      const url = new URL(req.url ?? '/', baseUrl);
      if (url.pathname === '/health' && req.method === 'GET') {
        const result = await health();
        res.writeHead(result.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: result.ok ? 'ok' : 'degraded', ...result }));
        return;
      }
      if (await serveRoute(req, res, url, routes, functions)) return;
      if (options.faults?.backEndDown?.(url)) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Service Unavailable' }));
        return;
      }
      if (await identity.handle(req, res, url)) return;
      if (await speech.handle(req, res, url)) return;
      if (await records.handle(req, res, url)) return;
      if (await encumbrances.handle(req, res, url)) return;
      if (await registers.handle(req, res, url)) return;
      if (await statusRegisters.handle(req, res, url)) return;
      if (await billers.handle(req, res, url)) return;
      if (await apsrtc.handle(req, res, url)) return;
      if (await paymentGateway.handle(req, res, url)) return;
      if (await whatsapp.handle(req, res, url)) return;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Not Found' }));
    };
    // Scheduled work (the alerts' pacing, due reminders) on the runtime's timer; stopped first, before what it writes to.
    const schedules = startScheduledRules({
      assembly,
      has: (logicalId) => functions.has(logicalId),
      invoke: (logicalId, event) => functions.get(logicalId)!.invoke(event),
      intervalMs: 1000,
      log,
    });
    stops.push(() => schedules.stop());
    // The log's API now answers the witness's consistency proofs: it co-signs what was archived while it was stopped.
    witness?.catchUp();

    const endpoints = {
      dynamodb: dynamo.endpoint,
      s3: s3.endpoint,
      kms: kms.endpoint,
      stepFunctions: sfnEndpoint,
      firehose: firehose.endpoint,
    };
    // Administrator tools (`npm run revoke`) find the running emulators here rather than opening the data folder a
    // second time; the file goes when the runtime stops.
    const unpublish = publishRuntimeEndpoints(dataDir, { pid: process.pid, baseUrl, ...endpoints });
    stops.push(async () => unpublish());

    return {
      baseUrl,
      whatsapp,
      clock,
      endpoints,
      names: {
        table: tableLogicalId,
        archiveBucket: bucketName(resolveBucket(assembly, 'ARCHIVE_BUCKET')),
        mediaBucket: bucketName(resolveBucket(assembly, 'MEDIA_BUCKET')),
        certificateWorkflowArn: stateMachines.find((sm) => sm.kind === 'certificate')?.arn ?? '',
        workflowArns: Object.fromEntries(stateMachines.map((sm) => [sm.kind, sm.arn])),
      },
      lake: { bucket: lakeStreams[0]?.bucket ?? '', flush: () => firehose.flush() },
      functions,
      drained: async () => {
        await Promise.all(pollers.map((p) => p.drained()));
        await witness?.drained();
      },
      health,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        fail(
          new StartupError(
            `port ${port} on ${host} is busy: stop whatever uses it, or start on another port, e.g. \`PORT=3100 npm start\``,
          ),
        );
      } else {
        fail(error);
      }
    });
    server.listen(port, host, () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function single(assembly: CloudAssembly, type: string) {
  const found = assembly.resourcesOfType(type);
  if (found.length !== 1)
    throw new StartupError(`the stack must declare exactly one ${type}; it declares ${found.length}`);
  return found[0]!;
}

function resolveBucket(assembly: CloudAssembly, variable: string): string {
  for (const fn of assembly.functions) {
    const ref = referencedLogicalId(fn.environment[variable]);
    if (ref) return ref.logicalId;
  }
  return '';
}

async function probe(url: string, method = 'GET'): Promise<string> {
  try {
    await fetch(url, { method, signal: AbortSignal.timeout(2000) });
    return 'up';
  } catch (error) {
    return `down: ${(error as Error).message}`;
  }
}

/**
 * The functions whose containers run in a thread of their own, as each Lambda container has a machine of its own. On
 * one machine the runtime's thread also serves every emulator (S3, Step Functions, the streams, the API, the
 * simulator), and under load the functions' cold starts, SDK calls and work queued behind one another there. The
 * webhook and the sender carry the conversation. The others are work no one waits on as it runs (rendering, signing
 * and archiving certificates, calling the department back ends, the lake's events, alerts and reminders): their
 * threads run at a lower priority, so that on a machine short of cores the replies come first. The webhook, which
 * takes each burst of messages first, spreads its containers over two threads, so that their cold starts run on both
 * cores. The public read routes stay on the runtime's thread.
 */
const FUNCTIONS_IN_THREADS = new Map<string, ThreadOptions>([
  ['webhook', { threads: 2 }],
  ['sender', {}],
  ['workflow-steps', { background: true }],
  ['certificate', { background: true }],
  ['certificate-tasks', { background: true }],
  ['events', { background: true }],
  ['alerts', { background: true }],
  ['reminders', { background: true }],
]);

/** The runtime's clock: real time plus an offset that tests move forward; kept across restarts. */
function createClock(file: string) {
  let offset = 0;
  if (existsSync(file)) offset = Number((JSON.parse(readFileSync(file, 'utf8')) as { offsetMs: number }).offsetMs) || 0;
  process.env.MITRA_CLOCK_OFFSET_MS = String(offset);
  const listeners: (() => void)[] = [];
  return {
    get: () => new Date(Date.now() + offset),
    offsetMs: () => offset,
    advance(seconds: number) {
      offset += seconds * 1000;
      process.env.MITRA_CLOCK_OFFSET_MS = String(offset);
      writeFileSync(file, JSON.stringify({ offsetMs: offset }));
      for (const listener of listeners) listener();
    },
    onAdvance(listener: () => void) {
      listeners.push(listener);
    },
  };
}
