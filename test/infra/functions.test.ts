import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_PER_MARK } from '#adapters/live-counters.ts';
import {
  actionsOf,
  arnOf,
  asArray,
  environmentOf,
  mitraFunction,
  PROD_WITH_EVERYTHING,
  resourcesOfType,
  type Statement,
  type SynthesizedMitra,
  statementsOfFunction,
  statementsOfRole,
  synthesizeMitra,
} from './mitra-template.ts';

const FUNCTIONS = [
  'webhook',
  'sender',
  'workflow-steps',
  'certificate',
  'certificate-tasks',
  'verify',
  'catalog',
  'payments',
  'trust-anchor',
  'events',
  'dashboard',
  'alerts',
  'alert-desk',
  'reminders',
];

let dev: SynthesizedMitra;
let prod: SynthesizedMitra;

beforeAll(() => {
  dev = synthesizeMitra();
  prod = synthesizeMitra(PROD_WITH_EVERYTHING);
});

describe('house function construct', () => {
  it('declares exactly the fourteen functions, each named by mitra:function with its bundle as an asset', () => {
    const functions = resourcesOfType(dev.template, 'AWS::Lambda::Function');
    expect(functions.map(([, fn]) => fn.Metadata?.['mitra:function']).sort()).toEqual([...FUNCTIONS].sort());
    for (const [, fn] of functions) {
      expect(fn.Metadata?.['aws:asset:path']).toEqual(expect.any(String));
      expect(fn.Metadata?.['aws:asset:property']).toBe('Code');
    }
  });

  it.each(FUNCTIONS)('runs %s on Node 24, arm64, traced, as an ESM bundle with source maps', (name) => {
    const [, fn] = mitraFunction(dev.template, name);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      // The webhook, called four times a message, is traced where its caller's request was sampled.
      TracingConfig: { Mode: name === 'webhook' ? 'PassThrough' : 'Active' },
      Handler: 'index.handler',
    });
    expect(environmentOf(dev.template, name)).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: name,
    });
  });

  it.each(FUNCTIONS)('writes %s logs to its own encrypted log group with the stage retention', (name) => {
    const [, fn] = mitraFunction(dev.template, name);
    // JSON lines; the function's own from INFO, Lambda's per-invocation START, END and REPORT lines left out.
    expect(fn.Properties.LoggingConfig).toMatchObject({
      LogFormat: 'JSON',
      ApplicationLogLevel: 'INFO',
      SystemLogLevel: 'WARN',
    });
    const logGroupId = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    const groups = (s: SynthesizedMitra) => s.template.findResources('AWS::Logs::LogGroup');
    expect(groups(dev)[logGroupId]?.Properties).toMatchObject({
      RetentionInDays: 30,
      KmsKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^OperationsKey/), 'Arn'] },
    });
    const [, prodFn] = mitraFunction(prod.template, name);
    const prodGroupId = (prodFn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(groups(prod)[prodGroupId]?.Properties).toMatchObject({ RetentionInDays: 365 });
  });

  it('gives the certificate function 1024 MB', () => {
    expect(mitraFunction(dev.template, 'certificate')[1].Properties.MemorySize).toBe(1024);
  });

  it('gives the sender, which mostly waits on the Graph API, 256 MB', () => {
    expect(mitraFunction(dev.template, 'sender')[1].Properties.MemorySize).toBe(256);
  });

  it('uses no AWS managed policy: each role may write only its own log group', () => {
    for (const [, role] of resourcesOfType(dev.template, 'AWS::IAM::Role')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
    for (const name of FUNCTIONS) {
      const [, fn] = mitraFunction(dev.template, name);
      const logGroup = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      const logStatements = statementsOfFunction(dev.template, name).filter((s) =>
        asArray(s.Action).some((a) => a.startsWith('logs:')),
      );
      expect(logStatements).toEqual([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [logGroup, 'Arn'] },
        },
      ]);
    }
  });
});

describe('environment: each variable is set together with its grant', () => {
  it.each([
    [
      'webhook',
      [
        'TABLE_NAME',
        'CERTIFICATE_WORKFLOW_ARN',
        'APPLICATION_WORKFLOW_ARN',
        'GRIEVANCE_WORKFLOW_ARN',
        'BILL_PAYMENT_WORKFLOW_ARN',
        'BOOKING_WORKFLOW_ARN',
        'BILLERS_ENDPOINT',
        'RESERVATIONS_ENDPOINT',
        'WHATSAPP_SECRET_ARN',
        'MEDIA_BUCKET',
        'WHATSAPP_VERIFY_TOKEN',
        'WHATSAPP_PHONE_NUMBER_ID',
        'GRAPH_API_BASE',
        'IDENTITY_ENDPOINT',
        'AADHAAR_HASH_KEY_SECRET_ARN',
        'SESSION_INACTIVITY_MINUTES',
        'SPEECH_ENDPOINT',
        'STATUS_REGISTERS_ENDPOINT',
        // WhatsApp's payment statuses are confirmed with the gateway's lookup.
        'PAYMENT_GATEWAY_ENDPOINT',
        'PAYMENT_SECRET_ARN',
        // "Remind me" under "my bills" schedules the bills' reminders after the turn.
        'REMINDER_SCHEDULE_GROUP',
        'REMINDER_FUNCTION_ARN',
        'REMINDER_SCHEDULER_ROLE_ARN',
      ],
    ],
    [
      'sender',
      [
        'TABLE_NAME',
        'WHATSAPP_SECRET_ARN',
        'ARCHIVE_BUCKET',
        'MEDIA_BUCKET',
        'WHATSAPP_PHONE_NUMBER_ID',
        'GRAPH_API_BASE',
        'WHATSAPP_REPLY_TEMPLATE',
        'WHATSAPP_DOCUMENT_TEMPLATE',
        'WHATSAPP_DECISION_TEMPLATE',
        'WHATSAPP_GRIEVANCE_TEMPLATE_PREFIX',
      ],
    ],
    [
      'workflow-steps',
      [
        'TABLE_NAME',
        'BILLERS_ENDPOINT',
        'RESERVATIONS_ENDPOINT',
        'PAYMENT_GATEWAY_ENDPOINT',
        'PAYMENT_SECRET_ARN',
        'WHATSAPP_PAYMENT_CONFIGURATION',
        'WHATSAPP_PAYMENT_GATEWAY',
        'RECORDS_ENDPOINT',
        'REGISTERS_ENDPOINT',
        'STATUS_REGISTERS_ENDPOINT',
        // An issued ticket schedules its reminder.
        'REMINDER_SCHEDULE_GROUP',
        'REMINDER_FUNCTION_ARN',
        'REMINDER_SCHEDULER_ROLE_ARN',
      ],
    ],
    ['certificate', ['TABLE_NAME', 'ARCHIVE_BUCKET', 'SIGNING_KEY_ID', 'CHECKPOINT_SIGNING_KEY_ID', 'PUBLIC_BASE_URL']],
    [
      'certificate-tasks',
      [
        'TABLE_NAME',
        'ARCHIVE_BUCKET',
        'CHECKPOINT_SIGNING_KEY_ID',
        'MEDIA_BUCKET',
        'PAYMENT_GATEWAY_ENDPOINT',
        'PAYMENT_SECRET_ARN',
        'RESERVATIONS_ENDPOINT',
      ],
    ],
    ['verify', ['TABLE_NAME', 'ARCHIVE_BUCKET', 'PUBLIC_BASE_URL']],
    ['catalog', []],
    ['payments', ['TABLE_NAME', 'PAYMENT_SECRET_ARN']],
    ['trust-anchor', ['SIGNING_KEY_ID', 'CHECKPOINT_SIGNING_KEY_ID']],
  ])('%s gets exactly its variables', (name, variables) => {
    const common = ['NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'MITRA_STAGE'];
    expect(Object.keys(environmentOf(dev.template, name)).sort()).toEqual([...common, ...variables].sort());
  });

  it('names the approved reply templates for the sender, mitra_update, mitra_document, mitra_decision and mitra_grievance_* by default', () => {
    expect(environmentOf(dev.template, 'sender')).toMatchObject({
      WHATSAPP_REPLY_TEMPLATE: 'mitra_update',
      WHATSAPP_DOCUMENT_TEMPLATE: 'mitra_document',
      WHATSAPP_DECISION_TEMPLATE: 'mitra_decision',
      WHATSAPP_GRIEVANCE_TEMPLATE_PREFIX: 'mitra_grievance',
    });
  });

  it('points GRAPH_API_BASE at the configured Graph API version, v23.0 by default', () => {
    expect(environmentOf(dev.template, 'webhook').GRAPH_API_BASE).toBe('https://graph.facebook.com/v23.0');
    const v24 = synthesizeMitra({ graphApiVersion: 'v24.0' });
    expect(environmentOf(v24.template, 'sender').GRAPH_API_BASE).toBe('https://graph.facebook.com/v24.0');
  });

  it('takes the verify token and phone number id from stack parameters, the token NoEcho', () => {
    dev.template.hasParameter('WhatsAppVerifyToken', { Type: 'String', NoEcho: true });
    dev.template.hasParameter('WhatsAppPhoneNumberId', { Type: 'String' });
    expect(environmentOf(dev.template, 'webhook')).toMatchObject({
      WHATSAPP_VERIFY_TOKEN: { Ref: 'WhatsAppVerifyToken' },
      WHATSAPP_PHONE_NUMBER_ID: { Ref: 'WhatsAppPhoneNumberId' },
    });
  });
});

describe('least privilege', () => {
  const signingKey = (s: SynthesizedMitra) => arnOf(s.template, 'AWS::KMS::Key', 'CertificateSigningKey');
  const table = (s: SynthesizedMitra) => arnOf(s.template, 'AWS::DynamoDB::Table', 'StateTable');

  it('lets only the certificate function sign certificates, and it and certificate-tasks sign checkpoints, each through its alias', () => {
    const aliasOf = (prefix: string) => {
      const found = resourcesOfType(dev.template, 'AWS::KMS::Alias').filter(([id]) => id.startsWith(prefix));
      expect(found).toHaveLength(1);
      const [logicalId, alias] = found[0]!;
      expect(alias.Properties?.TargetKeyId).toEqual(arnOf(dev.template, 'AWS::KMS::Key', prefix));
      return { name: String(alias.Properties?.AliasName), ref: { Ref: logicalId } };
    };
    const certificateAlias = aliasOf('CertificateSigningKey');
    const checkpointAlias = aliasOf('CheckpointSigningKey');
    expect([certificateAlias.name, checkpointAlias.name]).toEqual([
      'alias/mitra-dev-certificate-signing',
      'alias/mitra-dev-checkpoint-signing',
    ]);
    const signingOf = (name: string) =>
      statementsOfFunction(dev.template, name).filter((s) => asArray(s.Action).includes('kms:Sign'));
    // Whichever key the alias names after a rotation, and only through the alias.
    const through = (alias: { ref: unknown }) => ({
      Effect: 'Allow',
      Action: ['kms:GetPublicKey', 'kms:Sign'],
      Resource: {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':kms:',
            { Ref: 'AWS::Region' },
            ':',
            { Ref: 'AWS::AccountId' },
            ':key/*',
          ],
        ],
      },
      Condition: { StringEquals: { 'kms:RequestAlias': [alias.ref] } },
    });
    const signing = signingOf('certificate');
    expect(signing).toEqual([through(certificateAlias), through(checkpointAlias)]);
    const revoking = signingOf('certificate-tasks');
    expect(revoking).toEqual([through(checkpointAlias)]);
    expect(environmentOf(dev.template, 'certificate').SIGNING_KEY_ID).toEqual(certificateAlias.ref);
    for (const name of ['certificate', 'certificate-tasks'])
      expect(environmentOf(dev.template, name).CHECKPOINT_SIGNING_KEY_ID).toEqual(checkpointAlias.ref);

    const allStatements = resourcesOfType(dev.template, 'AWS::IAM::Role').flatMap(([id]) =>
      statementsOfRole(dev.template, id),
    );
    const signers = allStatements.filter((s) => actionsOf([s]).some((a) => a === 'kms:Sign' || a === 'kms:*'));
    expect(signers).toEqual([...signing, ...revoking]);
  });

  it('outputs the trust anchor read from both signing keys at deploy time, by a function that may only read them', () => {
    const checkpointKey = arnOf(dev.template, 'AWS::KMS::Key', 'CheckpointSigningKey');
    const [logicalId, anchor] = resourcesOfType(dev.template, 'Custom::MitraTrustAnchor')[0]!;
    expect(anchor.Properties).toMatchObject({ CertificateKey: signingKey(dev), CheckpointKey: checkpointKey });
    const outputs = dev.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    for (const name of ['TrustAnchor', 'CertificateKeyId', 'CheckpointKeyId']) {
      expect(outputs[name]?.Value).toEqual({ 'Fn::GetAtt': [logicalId, name] });
    }
    const statements = statementsOfFunction(dev.template, 'trust-anchor').filter((s) =>
      actionsOf([s]).some((a) => a.startsWith('kms:')),
    );
    expect(new Set(actionsOf(statements))).toEqual(new Set(['kms:GetPublicKey']));
    expect(statements.flatMap((st) => [st.Resource].flat())).toEqual([signingKey(dev), checkpointKey]);
  });

  it('keeps the webhook from signing', () => {
    expect(actionsOf(statementsOfFunction(dev.template, 'webhook'))).not.toContain('kms:Sign');
  });

  it('lets verify read the table and archive (public keys included), and write or sign nothing', () => {
    const statements = statementsOfFunction(dev.template, 'verify');
    const actions = actionsOf(statements);
    for (const forbidden of [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      's3:PutObject',
      's3:DeleteObject',
      'kms:Sign',
    ]) {
      expect(actions).not.toContain(forbidden);
    }
    const dataActions = actions.filter((a) => /^(dynamodb|s3|kms):/.test(a));
    expect(dataActions.filter((a) => /\*|Write|Put|Delete|Update|Sign|Encrypt|GenerateDataKey/.test(a))).toEqual([]);
    expect(actions.filter((a) => a === 'kms:GetPublicKey' || a === 'kms:Sign')).toEqual([]);
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'] }),
    );
  });

  it('grants table access on the table and its named indexes, never index/*', () => {
    const tableStatements = statementsOfFunction(dev.template, 'webhook').filter((s) =>
      asArray(s.Action).some((a) => a.startsWith('dynamodb:')),
    );
    expect(tableStatements.map((s) => s.Resource)).toEqual([
      table(dev),
      [
        { 'Fn::Join': ['', [table(dev), '/index/awaitingDecision']] },
        { 'Fn::Join': ['', [table(dev), '/index/awaitingDecisionInDistrict']] },
        { 'Fn::Join': ['', [table(dev), '/index/byCitizen']] },
        { 'Fn::Join': ['', [table(dev), '/index/officersByDepartment']] },
      ],
      // Deleting only the alert subscriptions a turn ends (least-privilege.test.ts).
      table(dev),
    ]);
  });

  it('lets only the functions that resume waiting workflows send task success, on the workflows only', () => {
    const machines = resourcesOfType(dev.template, 'AWS::StepFunctions::StateMachine')
      .map(([logicalId]) => ({ Ref: logicalId }))
      .sort((a, b) => a.Ref.localeCompare(b.Ref));
    // The webhook settles payments made inside WhatsApp, whose statuses arrive with its messages.
    for (const name of ['certificate-tasks', 'payments', 'webhook']) {
      const resuming = statementsOfFunction(dev.template, name).filter((s) =>
        asArray(s.Action).includes('states:SendTaskSuccess'),
      );
      expect(resuming).toHaveLength(1);
      expect(asArray(resuming[0]!.Resource)).toEqual(machines);
    }
    for (const name of ['sender', 'workflow-steps', 'certificate', 'verify', 'catalog']) {
      const actions = statementsOfFunction(dev.template, name).flatMap((s) => asArray(s.Action));
      expect(actions).not.toContain('states:SendTaskSuccess');
    }
  });

  it('lets the certificate function add archive objects only under the archive layout prefixes, never delete', () => {
    const statements = statementsOfFunction(dev.template, 'certificate');
    const archive = arnOf(dev.template, 'AWS::S3::Bucket', 'CertificateArchiveBucket');
    const puts = statements.filter((s) => asArray(s.Action).includes('s3:PutObject'));
    expect(puts).toHaveLength(1);
    expect(asArray(puts[0]!.Resource)).toEqual(
      ['certificates/*', 'keys/*', 'log/*'].map((prefix) => ({ 'Fn::Join': ['', [archive, `/${prefix}`]] })),
    );
    expect(
      actionsOf(statements).filter((a) => /^s3:(Delete|PutObjectRetention|PutObjectLegalHold|Bypass)/.test(a)),
    ).toEqual([]);
  });

  it('has no Action "*" anywhere, and Resource "*" only for actions without resource-level permissions', () => {
    // Exactly the acknowledged cases: X-Ray, the stream mapping's ListStreams, Step Functions log delivery.
    const resourceless =
      /^(xray:|dynamodb:ListStreams$|logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups)$)/;
    for (const s of [dev, prod]) {
      const statements: Statement[] = resourcesOfType(s.template, 'AWS::IAM::Role').flatMap(([id]) =>
        statementsOfRole(s.template, id),
      );
      expect(statements.length).toBeGreaterThan(20);
      for (const statement of statements.filter((st) => st.Effect === 'Allow')) {
        for (const action of asArray(statement.Action)) {
          expect(action).not.toBe('*');
          expect(action).not.toMatch(/^[a-z0-9-]+:\*$/);
        }
        if (asArray(statement.Resource).includes('*')) {
          for (const action of asArray(statement.Action)) expect(action).toMatch(resourceless);
        }
      }
    }
  });

  it('lets the webhook start the fulfilment workflows and read its secrets, nothing more of either', () => {
    const statements = statementsOfFunction(dev.template, 'webhook');
    const started = statements.filter((s) => asArray(s.Action).includes('states:StartExecution'));
    expect(started).toHaveLength(1);
    expect(started[0]!.Resource).toEqual(
      ['Application', 'BillPayment', 'Booking', 'Certificate', 'Grievance'].map((kind) => ({
        Ref: expect.stringMatching(new RegExp(`^${kind}WorkflowStateMachine`)),
      })),
    );
    const secretsRead = statements
      .filter((s) => s.Action === 'secretsmanager:GetSecretValue')
      .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
    expect(secretsRead).toEqual(
      expect.arrayContaining([
        { Ref: expect.stringMatching(/^WhatsAppSecret/) },
        { Ref: expect.stringMatching(/^AadhaarHashKeySecret/) },
        // The gateway's API key, for the lookup that confirms a payment made inside WhatsApp.
        { Ref: expect.stringMatching(/^PaymentSecret/) },
      ]),
    );
    expect(secretsRead).toHaveLength(3);
  });

  it('gives the webhook the identity endpoint, the Aadhaar hash key and the inactivity timeout from the stage', () => {
    expect(environmentOf(dev.template, 'webhook')).toMatchObject({
      IDENTITY_ENDPOINT: 'unconfigured',
      AADHAAR_HASH_KEY_SECRET_ARN: { Ref: expect.stringMatching(/^AadhaarHashKeySecret/) },
      SESSION_INACTIVITY_MINUTES: '30',
    });
    const configured = synthesizeMitra({
      identityEndpoint: 'https://aua.example.gov.in/otp',
      sessionInactivityMinutes: 15,
    });
    expect(environmentOf(configured.template, 'webhook')).toMatchObject({
      IDENTITY_ENDPOINT: 'https://aua.example.gov.in/otp',
      SESSION_INACTIVITY_MINUTES: '15',
    });
  });

  it('grants the imported secret by its complete ARN', () => {
    expect(statementsOfFunction(prod.template, 'sender')).toContainEqual({
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: PROD_WITH_EVERYTHING.whatsAppSecretArn,
    });
    expect(environmentOf(prod.template, 'webhook').WHATSAPP_SECRET_ARN).toBe(PROD_WITH_EVERYTHING.whatsAppSecretArn);
  });
});

/** The one filter pattern of the stream mapping that invokes this function. */
function filterOfMapping(s: SynthesizedMitra, name: string): unknown {
  const filters = filtersOfMapping(s, name);
  expect(filters).toHaveLength(1);
  return filters[0];
}

/** The filter patterns of the stream mapping that invokes this function (a record passing any of them). */
function filtersOfMapping(s: SynthesizedMitra, name: string): unknown[] {
  const [functionId] = mitraFunction(s.template, name);
  const mappings = resourcesOfType(s.template, 'AWS::Lambda::EventSourceMapping').filter(
    ([, m]) => (m.Properties.FunctionName as { Ref?: string }).Ref === functionId,
  );
  expect(mappings).toHaveLength(1);
  const filters = (mappings[0]![1].Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
  return filters.map((filter) => JSON.parse(filter.Pattern));
}

describe('events: the consumer that feeds the lake and the live counters', () => {
  it('reads the table stream in order, a batch as many records as one run of the live counters counts', () => {
    const [eventsId] = mitraFunction(dev.template, 'events');
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: eventsId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StateTable'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      // A message's session write means one or two events: a full batch is one or two counted runs, one Firehose put.
      BatchSize: EVENTS_PER_MARK,
      MaximumBatchingWindowInSeconds: 1,
      ParallelizationFactor: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(
      resourcesOfType(dev.template, 'AWS::Lambda::EventSourceMapping').find(
        ([, m]) => (m.Properties.FunctionName as { Ref?: string }).Ref === eventsId,
      )?.[1].Properties.BisectBatchOnFunctionError,
    ).toBeUndefined();
  });
});

describe('certificate-tasks: the consumer of certificate work asked for in the chat', () => {
  it('reads only certificate-task INSERTs from the table stream, with partial batch failures and a failure queue', () => {
    const [functionId] = mitraFunction(dev.template, 'certificate-tasks');
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StateTable'), 'StreamArn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CertificateTaskFailures'), 'Arn'] } },
      },
    });
    expect(filterOfMapping(dev, 'certificate-tasks')).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { kind: { S: ['certificate-task'] } } },
    });
  });

  it("reads media, keeps an officer's resolution photo under applications/ only, appends to the log under the archive prefixes only, and deletes nothing", () => {
    const statements = statementsOfFunction(dev.template, 'certificate-tasks');
    const actions = actionsOf(statements);
    for (const forbidden of ['s3:DeleteObject', 'states:StartExecution', 'dynamodb:DeleteTable']) {
      expect(actions).not.toContain(forbidden);
    }
    const archive = arnOf(dev.template, 'AWS::S3::Bucket', 'CertificateArchiveBucket');
    const writable = statements
      .filter((st) => asArray(st.Action).includes('s3:PutObject'))
      .flatMap((st) => asArray(st.Resource as unknown));
    const media = arnOf(dev.template, 'AWS::S3::Bucket', 'MediaBucket');
    expect(writable).toHaveLength(4);
    expect(writable).toEqual(
      expect.arrayContaining([
        ...['certificates/*', 'log/*', 'keys/*'].map((prefix) => ({ 'Fn::Join': ['', [archive, `/${prefix}`]] })),
        { 'Fn::Join': ['', [media, '/applications/*']] },
      ]),
    );
    const readable = statements
      .filter((st) => asArray(st.Action).includes('s3:GetObject'))
      .flatMap((st) => asArray(st.Resource as unknown));
    expect(readable).toContainEqual({ 'Fn::Join': ['', [media, '/*']] });
    expect(actions).toContain('dynamodb:PutItem');
  });
});

describe('sender: the outbox consumer', () => {
  it('reads the table stream in order, only outbox INSERTs and session writes with replies, with partial batch failures and a failure queue', () => {
    const [senderId] = mitraFunction(dev.template, 'sender');
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: senderId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StateTable'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
      ParallelizationFactor: 10,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: Match.anyValue(),
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SenderFailures'), 'Arn'] } },
      },
    });
    expect(filtersOfMapping(dev, 'sender')).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['outbox'] } } } },
      { dynamodb: { NewImage: { kind: { S: ['session'] }, repliesTo: { S: [{ exists: true }] } } } },
    ]);
  });

  it('sends failures to an encrypted, TLS-only queue', () => {
    dev.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    dev.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});
