import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aws, type Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnDeliveryStream } from 'aws-cdk-lib/aws-kinesisfirehose';
import type { IAlias, IKey } from 'aws-cdk-lib/aws-kms';
import {
  ApplicationLogLevel,
  Architecture,
  type CfnFunction,
  type IFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, type DynamoEventSourceProps } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { wildcardFindings } from './nag-findings.ts';
import type { OperationsKey } from './operations-key.ts';
import type { StageConfig } from './stage-config.ts';

/** The repository root: entries, the lock file and the fonts are found from here, wherever the CLI was started. */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * CloudFormation Metadata key naming a function's folder under lambdas/. The embedded runtime reads it together with
 * `aws:asset:path` to load each handler from its bundle in cdk.out.
 */
const FUNCTION_METADATA_KEY = 'mitra:function';

// esbuild's ESM output has no `require`; CommonJS dependencies bundled into it still call it.
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** The single table, as a function needs it: its indexes are named so no grant needs an `index/*` wildcard. */
export interface TableRef {
  readonly table: ITable;
  readonly indexNames: readonly string[];
}

export interface MitraFunctionProps {
  /** Folder under lambdas/ holding handler.ts; also the function's service name and its `mitra:function` metadata. */
  readonly name: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly config: StageConfig;
  readonly operationsKey: OperationsKey;
  /** Copy the fonts (and HarfBuzz's wasm) into the bundle, for functions that render PDFs. */
  readonly bundleFonts?: boolean;
  /** Files of the repository (paths from its root) copied next to the bundle, for a function that serves them. */
  readonly bundleFiles?: readonly string[];
  readonly environment?: Record<string, string>;
  /**
   * Concurrency kept for this function alone (and its ceiling), so a flood on one public route cannot take the
   * account's concurrency from the rest.
   */
  readonly reservedConcurrency?: number;
  /**
   * X-Ray: `active` (the default) samples the function's own invocations; `pass-through` traces it only where its
   * caller's request was sampled, for a function called so often that tracing it would cost more than what it shows.
   */
  readonly tracing?: 'active' | 'pass-through';
}

/**
 * The house Lambda function: Node 24 on arm64, an ESM bundle built locally by esbuild (minified, with source maps),
 * active tracing, its own encrypted log group with retention, and a role that starts with nothing but writing to that
 * log group. Every other permission comes from a `use…` method that sets the environment variable naming the resource
 * and grants exactly the access it describes, so the two cannot drift.
 */
export class MitraFunction extends Construct {
  readonly name: string;
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: MitraFunctionProps) {
    super(scope, id);
    this.name = props.name;
    const { config } = props;

    // Our own role instead of the default one with AWSLambdaBasicExecutionRole, which may write to every log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Mitra ${config.stage} ${props.name} function`,
    });
    this.logGroup = props.operationsKey.logGroup(this, 'Logs', config.logRetention, config.removalPolicy);
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      description: props.description,
      entry: join(PROJECT_ROOT, 'lambdas', props.name, 'handler.ts'),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      tracing: props.tracing === 'pass-through' ? Tracing.PASS_THROUGH : Tracing.ACTIVE,
      // JSON lines, the functions' own at INFO and up. Lambda's START, END and REPORT lines (about 350 bytes an
      // invocation, a third of a message's log bill) are left out: the service's metrics carry durations and errors,
      // and its warnings (a timeout, an out-of-memory end) still come.
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.name,
        MITRA_STAGE: config.stage,
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        // Prefer packages' ESM builds: they tree-shake, and no package is bundled twice as CommonJS and ESM.
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        // Telugu text as UTF-8 (3 bytes a letter) rather than \u escapes (6): the bilingual strings and catalog are
        // a third of the webhook's bundle. An esbuild argument, since this CDK version does not pass `charset` on.
        esbuildArgs: { '--charset': 'utf8', '--conditions': 'mitra-bundle,module' },
        // The catalog and the strings leave the code for JSON files beside it (bundleData): the catalog's sources and
        // schema are swapped for the reader of the catalog checked at build time by the `mitra-bundle` condition
        // (package.json#imports), and the strings' literal is left out where MITRA_BUNDLE_DATA is defined. `module` is
        // esbuild's default condition, kept.
        define: { 'process.env.MITRA_BUNDLE_DATA': '"true"' },
        // Error classes keep their names through minification: Step Functions matches Retry and Catch on them,
        // and operators read them in execution histories and logs.
        keepNames: true,
        sourceMap: true,
        forceDockerBundling: false,
        commandHooks: afterBundling(
          dataFiles,
          replyDictionaries,
          ...(props.bundleFonts ? [fontAssets] : []),
          ...(props.bundleFiles ? [copiedFiles(props.bundleFiles)] : []),
        ),
      },
    });

    const cfnFunction = this.function.node.defaultChild as CfnFunction;
    cfnFunction.addMetadata(FUNCTION_METADATA_KEY, props.name);

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level ' +
        'permissions (Service Authorization Reference for AWS X-Ray), so their resource must be "*".',
    });
  }

  addEnvironment(name: string, value: string): this {
    this.function.addEnvironment(name, value);
    return this;
  }

  /**
   * TABLE_NAME, and item access to the table and its named indexes: reading (Get, BatchGet, Query), writing (Put,
   * Update, and the condition checks of the transactions), deleting only where `deletes` says so. `leadingKeys`
   * limits every item action to partition keys matching those patterns (`dynamodb:LeadingKeys`), for functions whose
   * items all live under known prefixes.
   */
  useTable(
    { table, indexNames }: TableRef,
    access: 'read' | 'readWrite',
    scope: { leadingKeys?: readonly string[]; deletes?: boolean } = {},
  ): this {
    const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
    const write = [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      // Condition checks inside TransactWriteItems (the webhook's single atomic write).
      'dynamodb:ConditionCheckItem',
      ...(scope.deletes ? ['dynamodb:DeleteItem'] : []),
    ];
    this.addEnvironment('TABLE_NAME', table.tableName);
    const conditions = scope.leadingKeys
      ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...scope.leadingKeys] } }
      : undefined;
    this.allow(access === 'read' ? read : [...read, ...write], [table.tableArn], undefined, conditions);
    if (indexNames.length > 0) {
      this.allow(
        ['dynamodb:Query'],
        indexNames.map((index) => `${table.tableArn}/index/${index}`),
      );
    }
    return this;
  }

  /**
   * ARCHIVE_BUCKET. Readers may read any object; the writer may also add objects under the archive's three
   * prefixes. Nobody gets delete, overwrite protection or retention permissions: Object Lock does the rest.
   */
  useArchive(bucket: IBucket, access: 'read' | 'write'): this {
    this.addEnvironment('ARCHIVE_BUCKET', bucket.bucketName);
    // ListBucket turns a missing object into 404 instead of 403, which the verify page reports as "unknown".
    this.allow(['s3:ListBucket'], [bucket.bucketArn]);
    this.allow(
      ['s3:GetObject'],
      [bucket.arnForObjects('*')],
      'The archive is read by key (certificates/{yyyy}/{mm}/{dd}/{certId}.*, log/…, keys/{keyId}.pem), and the keys ' +
        'are only known at request time; the bucket holds nothing else, and its policy denies plain HTTP.',
    );
    if (access === 'write') {
      this.allow(
        ['s3:PutObject'],
        ['certificates/*', 'log/*', 'keys/*'].map((prefix) => bucket.arnForObjects(prefix)),
        'Each certificate, log leaf, checkpoint and public key is a new object named by a random id or a tree size ' +
          'under one of the archive layout prefixes (docs/archive-format.md); writing is limited to those prefixes, ' +
          'and Object Lock makes every version immutable.',
      );
    }
    this.allowKeyThroughS3(bucket, access === 'write');
    return this;
  }

  /**
   * ARCHIVE_BUCKET for the transparency log's witness: it reads checkpoints and writes its co-signatures, and nothing
   * else of the archive.
   */
  useCosignatures(bucket: IBucket): this {
    this.addEnvironment('ARCHIVE_BUCKET', bucket.bucketName);
    this.allow(['s3:ListBucket'], [bucket.bucketArn]);
    this.allow(
      ['s3:GetObject'],
      ['log/checkpoints/*', 'log/cosignatures/*'].map((prefix) => bucket.arnForObjects(prefix)),
      'Checkpoints are named by tree size (log/checkpoints/{treeSize}.json), known only when one is archived; a ' +
        'co-signature is read back before it is written, so a retry never writes it twice.',
    );
    this.allow(
      ['s3:PutObject'],
      [bucket.arnForObjects('log/cosignatures/*')],
      'Co-signatures are named by the tree size they co-sign (log/cosignatures/{treeSize}.json).',
    );
    this.allowKeyThroughS3(bucket, true);
    return this;
  }

  /**
   * MEDIA_BUCKET: inbound citizen media (photos of documents), which expire. `objects` narrows a grant to a prefix
   * (e.g. `applications/*`, where an application's media is kept).
   */
  useMediaBucket(bucket: IBucket, access: 'read' | 'write', objects = '*'): this {
    this.addEnvironment('MEDIA_BUCKET', bucket.bucketName);
    this.allow(
      [access === 'write' ? 's3:PutObject' : 's3:GetObject'],
      [bucket.arnForObjects(objects)],
      'Media objects are keyed by the WhatsApp media id, known only when a message arrives, or by the application ' +
        'id; the bucket holds only this expiring media and denies plain HTTP.',
    );
    this.allowKeyThroughS3(bucket, access === 'write');
    return this;
  }

  /**
   * `variable` names the signing key's alias: sign through it, with whichever key it points to. KMS evaluates the
   * grant on the key, so the statement names every key of the account but holds only for requests that name this
   * alias (`kms:RequestAlias`); each key's own policy still decides who may sign with it.
   */
  signThrough(alias: IAlias, variable: string): this {
    this.addEnvironment(variable, alias.aliasName);
    this.allow(
      ['kms:Sign', 'kms:GetPublicKey'],
      [`arn:${Aws.PARTITION}:kms:${Aws.REGION}:${Aws.ACCOUNT_ID}:key/*`],
      'A rotation (npm run rotate-key) moves the alias to a new key without a deployment; the grant holds only for ' +
        'requests made through this alias, and the key policy of every key the alias may name denies signing to all ' +
        'but its signers and the key administrator.',
      { StringEquals: { 'kms:RequestAlias': [alias.aliasName] } },
    );
    return this;
  }

  /** SIGNING_KEY_ID (the key's ARN): sign with it, or only read its public key to verify. */
  useSigningKey(key: IKey, use: 'sign' | 'verify', variable = 'SIGNING_KEY_ID'): this {
    this.addEnvironment(variable, key.keyArn);
    // The signer also reads the public key, to publish it as keys/{keyId}.pem in the archive it signs into.
    this.allow(use === 'sign' ? ['kms:Sign', 'kms:GetPublicKey'] : ['kms:GetPublicKey'], [key.keyArn]);
    return this;
  }

  /**
   * `<KIND>_WORKFLOW_ARN` for each workflow: start executions (named by application id, so a retry cannot start a
   * second one), only on these state machines.
   */
  useWorkflows(workflows: readonly { stateMachine: IStateMachine; variable: string }[]): this {
    for (const { stateMachine, variable } of workflows) this.addEnvironment(variable, stateMachine.stateMachineArn);
    this.allow(
      ['states:StartExecution'],
      workflows.map(({ stateMachine }) => stateMachine.stateMachineArn),
    );
    return this;
  }

  /**
   * Answer a `.waitForTaskToken` wait of these state machines (payment callbacks, officer decisions): only
   * states:SendTaskSuccess, only on them. The token itself names the task.
   */
  useTaskCallbacks(stateMachines: readonly IStateMachine[]): this {
    this.allow(
      ['states:SendTaskSuccess'],
      stateMachines.map((stateMachine) => stateMachine.stateMachineArn),
    );
    return this;
  }

  /**
   * PAYMENT_SECRET_ARN: the payment gateway's `{ apiKey, webhookSecret }` secret, read once per cold start; and, for a
   * function that creates payment links, PAYMENT_GATEWAY_ENDPOINT.
   */
  usePaymentGateway(secret: ISecret, endpoint?: string): this {
    if (endpoint !== undefined) this.addEnvironment('PAYMENT_GATEWAY_ENDPOINT', endpoint);
    this.addEnvironment('PAYMENT_SECRET_ARN', secret.secretArn);
    this.allow(['secretsmanager:GetSecretValue'], [secret.secretArn]);
    return this;
  }

  /** WHATSAPP_SECRET_ARN: the `{ accessToken, appSecret }` secret, read once per cold start. */
  useWhatsAppSecret(secret: ISecret): this {
    this.addEnvironment('WHATSAPP_SECRET_ARN', secret.secretArn);
    this.allow(['secretsmanager:GetSecretValue'], [secret.secretArn]);
    return this;
  }

  /**
   * The conversation's identity settings: IDENTITY_ENDPOINT (the Aadhaar OTP department adapter, or `unconfigured`)
   * and AADHAAR_HASH_KEY_SECRET_ARN, the key of the Aadhaar hashes, readable by this function only.
   */
  useIdentity(endpoint: string | undefined, hashKey: ISecret): this {
    this.addEnvironment('IDENTITY_ENDPOINT', endpoint ?? 'unconfigured');
    this.addEnvironment('AADHAAR_HASH_KEY_SECRET_ARN', hashKey.secretArn);
    this.allow(['secretsmanager:GetSecretValue'], [hashKey.secretArn]);
    return this;
  }

  /**
   * LAKE_DELIVERY_STREAM and LAKE_TOKEN_KEY_SECRET_ARN: put records into the lake's delivery stream (only that one), and
   * read the key of the citizen tokens.
   */
  useLake(deliveryStream: CfnDeliveryStream, tokenKey: ISecret): this {
    this.addEnvironment('LAKE_DELIVERY_STREAM', deliveryStream.ref);
    this.addEnvironment('LAKE_TOKEN_KEY_SECRET_ARN', tokenKey.secretArn);
    this.allow(['firehose:PutRecordBatch'], [deliveryStream.attrArn]);
    this.allow(['secretsmanager:GetSecretValue'], [tokenKey.secretArn]);
    return this;
  }

  /**
   * UNDERSTANDING_MODEL_ID: the Bedrock model that reads free-text requests first, with the right to invoke that model
   * only. A cross-region inference profile (`apac.…`, `us.…`, `global.…`) routes to its model in any region it names.
   */
  useUnderstandingModel(modelId: string | undefined): this {
    if (modelId === undefined) return this;
    this.addEnvironment('UNDERSTANDING_MODEL_ID', modelId);
    const { region, account, partition } = Stack.of(this);
    const profile = /^(apac|us|eu|jp|au|ca|global)\./.exec(modelId);
    if (!profile) {
      this.allow(['bedrock:InvokeModel'], [`arn:${partition}:bedrock:${region}::foundation-model/${modelId}`]);
      return this;
    }
    this.allow(
      ['bedrock:InvokeModel'],
      [
        `arn:${partition}:bedrock:${region}:${account}:inference-profile/${modelId}`,
        `arn:${partition}:bedrock:*::foundation-model/${modelId.slice(profile[0].length)}`,
      ],
      'A cross-region inference profile sends each request to its model in whichever of its regions has capacity; ' +
        'the grant names the one model, in any region, and the one profile.',
    );
    return this;
  }

  /** Consume a table's stream; the mapping's own grants include the unavoidable dynamodb:ListStreams on "*". */
  consumeStream(table: ITable, props: DynamoEventSourceProps): this {
    this.function.addEventSource(new DynamoEventSource(table, props));
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The DynamoDB stream mapping needs dynamodb:ListStreams, which supports no resource-level permissions; ' +
        'reading records (GetRecords, GetShardIterator, DescribeStream) is granted on this table stream only.',
    });
    return this;
  }

  /**
   * REMINDER_SCHEDULE_GROUP, REMINDER_FUNCTION_ARN, REMINDER_SCHEDULER_ROLE_ARN: create one-time schedules in the
   * reminders' group only, and pass the scheduler the one role that may invoke the reminder function.
   */
  useReminderScheduling(scheduling: { group: IScheduleGroup; target: IFunction; role: IRole }): this {
    const { group, target, role } = scheduling;
    this.addEnvironment('REMINDER_SCHEDULE_GROUP', group.scheduleGroupName)
      .addEnvironment('REMINDER_FUNCTION_ARN', target.functionArn)
      .addEnvironment('REMINDER_SCHEDULER_ROLE_ARN', role.roleArn);
    this.allow(
      ['scheduler:CreateSchedule'],
      [
        Stack.of(this).formatArn({
          service: 'scheduler',
          resource: 'schedule',
          resourceName: `${group.scheduleGroupName}/*`,
        }),
      ],
      'A reminder is a one-time schedule named after its booking or bill, created as the booking is issued or the ' +
        "bill listed: its name is not known in advance, so the resource is every schedule of the reminders' own group.",
    );
    this.allow(['iam:PassRole'], [role.roleArn], undefined, {
      StringEquals: { 'iam:PassedToService': ['scheduler.amazonaws.com'] },
    });
    return this;
  }

  /** Adding items to the table, only under partition keys matching these patterns (the rest of its access is `useTable`'s). */
  putIntoTable({ table }: TableRef, leadingKeys: readonly string[]): this {
    this.allow(['dynamodb:PutItem'], [table.tableArn], undefined, {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] },
    });
    return this;
  }

  /** Deleting items of the table, only under partition keys matching these patterns (the rest of its access is `useTable`'s). */
  deleteFromTable({ table }: TableRef, leadingKeys: readonly string[]): this {
    this.allow(['dynamodb:DeleteItem'], [table.tableArn], undefined, {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] },
    });
    return this;
  }

  /**
   * Adds one Allow statement to the role. A statement with a wildcard must say why in `wildcardReason`; each of its
   * cdk-nag findings is then acknowledged individually with that reason, and any other wildcard fails synthesis.
   */
  private allow(
    actions: string[],
    resources: string[],
    wildcardReason?: string,
    conditions?: Record<string, Record<string, string[]>>,
  ): void {
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions, resources, ...(conditions ? { conditions } : {}) }));
    if (wildcardReason) {
      for (const id of wildcardFindings(this, actions, resources)) {
        Validations.of(this).acknowledge({ id, reason: wildcardReason });
      }
    }
  }

  /** SSE-KMS objects need the bucket's key, and only for calls S3 makes on the function's behalf. */
  private allowKeyThroughS3(bucket: IBucket, write: boolean): void {
    if (!bucket.encryptionKey) return;
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: write ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
        resources: [bucket.encryptionKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
  }
}

/**
 * Copies the fonts with their licence into the bundle's fonts/ folder, where the code finds them at
 * `new URL('./fonts/NotoSans-Regular.ttf', import.meta.url)`, and HarfBuzz's wasm next to index.mjs, where the
 * bundled harfbuzzjs looks for it (`new URL('harfbuzz.wasm', import.meta.url)`).
 */
type AfterBundling = (inputDir: string, outputDir: string) => string[];

/** Command hooks running each of these after esbuild, in order. */
function afterBundling(...steps: AfterBundling[]): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => steps.flatMap((step) => step(inputDir, outputDir)),
  };
}

function copiedFiles(files: readonly string[]): AfterBundling {
  return (inputDir, outputDir) => files.map((file) => `cp "${inputDir}/${file}" "${outputDir}/"`);
}

const fontAssets: AfterBundling = (inputDir, outputDir) => {
  const commands = [
    `mkdir -p "${outputDir}/fonts"`,
    `cp "${inputDir}"/assets/fonts/*.ttf "${inputDir}/assets/fonts/OFL.txt" "${outputDir}/fonts/"`,
  ];
  for (const wasm of ['node_modules/harfbuzzjs/hb.wasm', 'node_modules/harfbuzzjs/dist/harfbuzz.wasm']) {
    if (existsSync(join(PROJECT_ROOT, wasm))) commands.push(`cp "${inputDir}/${wasm}" "${outputDir}/"`);
  }
  return commands;
};

/**
 * The reply dictionaries session items are packed with (lambdas/core/whatsapp/turn-replies.ts), every version of them,
 * beside each bundle that reads or writes those items.
 */
const replyDictionaries: AfterBundling = (inputDir, outputDir) => [
  `if grep -q 'reply-dictionary-' "${outputDir}/index.mjs"; then cp "${inputDir}"/lambdas/core/whatsapp/reply-dictionary-*.txt "${outputDir}/"; fi`,
];

/** The JSON files of lambdas/core/bundle-data.ts, each copied beside the bundles that read it. */
const BUNDLE_DATA_FILES = ['catalog.json', 'strings.json', 'inventories.json'];
let bundleDataDir: string | undefined;

/**
 * tools/bundle-data.ts writes the data files once a synth, into a folder of its own, when the first bundle is built;
 * each bundle that names a file gets a copy.
 */
const dataFiles: AfterBundling = (inputDir, outputDir) => {
  if (!bundleDataDir) {
    const dir = mkdtempSync(join(tmpdir(), 'mitra-bundle-data-'));
    // The copies beside the bundles are what deploys; the synth's own folder goes with the synth.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    bundleDataDir = dir;
  }
  const tool = `"${process.execPath}" --import tsx "${inputDir}/tools/bundle-data.ts" "${bundleDataDir}"`;
  return [
    `[ -f "${bundleDataDir}/${BUNDLE_DATA_FILES[0]}" ] || ${tool}`,
    ...BUNDLE_DATA_FILES.map(
      (file) => `if grep -q '${file}' "${outputDir}/index.mjs"; then cp "${bundleDataDir}/${file}" "${outputDir}/"; fi`,
    ),
  ];
};
