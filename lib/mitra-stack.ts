import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { AadhaarHashKey } from './aadhaar-hash-key.ts';
import { AccessLogBucket } from './access-log-bucket.ts';
import { AlertSending } from './alert-sending.ts';
import { CertificateArchive } from './certificate-archive.ts';
import { Dashboard } from './dashboard.ts';
import { DataLake } from './data-lake.ts';
import { HttpApi } from './http-api.ts';
import { MediaBucket } from './media-bucket.ts';
import { MitraFunction } from './mitra-function.ts';
import { Monitoring } from './monitoring.ts';
import { OperationsKey } from './operations-key.ts';
import { PaymentCredentials } from './payment-credentials.ts';
import { Reminders } from './reminders.ts';
import { SigningKey } from './signing-key.ts';
import type { StageConfig } from './stage-config.ts';
import { StateTable } from './state-table.ts';
import { TrustAnchor } from './trust-anchor.ts';
import { WebhookUrl } from './webhook-url.ts';
import { WhatsAppCredentials } from './whatsapp-credentials.ts';
import { FulfilmentWorkflow } from './workflows/fulfilment-workflow.ts';
import { WORKFLOW_KINDS, workflowArnVariable } from './workflows/workflow-kinds.ts';

/**
 * Concurrency kept for the public routes (each also its ceiling), so a flood on one cannot starve the sender, the
 * workflows and the certificate function. The account's concurrency quota must leave 100 unreserved besides.
 */
const RESERVED_CONCURRENCY = { webhook: 100, verify: 30, catalog: 5 } as const;

export interface MitraStackProps extends StackProps {
  readonly config: StageConfig;
}

/** The whole of Mitra in one stack; DESIGN.md "Shape" shows how the parts talk to each other. */
export class MitraStack extends Stack {
  readonly table: StateTable;
  readonly archive: CertificateArchive;
  readonly media: MediaBucket;
  readonly certificateSigningKey: SigningKey;
  readonly checkpointSigningKey: SigningKey;
  readonly whatsApp: WhatsAppCredentials;
  readonly payment: PaymentCredentials;
  /** One fulfilment workflow per service kind that has one, by kind. */
  readonly workflows: Readonly<Record<string, FulfilmentWorkflow>>;
  readonly api: HttpApi;
  /** Meta's callback URL: the webhook function's own URL. */
  readonly webhookUrl: WebhookUrl;
  readonly dashboard: Dashboard;
  readonly alerts: AlertSending;
  readonly reminders: Reminders;
  readonly functions: Record<
    | 'webhook'
    | 'sender'
    | 'workflowSteps'
    | 'certificate'
    | 'certificateTasks'
    | 'verify'
    | 'catalog'
    | 'payments'
    | 'events',
    MitraFunction
  >;
  readonly monitoring: Monitoring;
  readonly lake: DataLake;
  /** Names of the stack's exports that the witness stack imports. */
  readonly exports: { archiveBucketName: string; archiveKeyArn: string; publicBaseUrl: string };

  constructor(scope: Construct, id: string, props: MitraStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.exports = {
      archiveBucketName: `${id}-ArchiveBucketName`,
      archiveKeyArn: `${id}-ArchiveKeyArn`,
      publicBaseUrl: `${id}-PublicBaseUrl`,
    };

    const operationsKey = new OperationsKey(this, 'OperationsKey', {
      stage: config.stage,
      removalPolicy: config.removalPolicy,
    });
    this.table = new StateTable(this, 'StateTable', { config });
    const accessLogs = new AccessLogBucket(this, 'AccessLogs', { config });
    this.archive = new CertificateArchive(this, 'CertificateArchive', { config, accessLogs: accessLogs.bucket });
    this.media = new MediaBucket(this, 'MediaBucket', { config, accessLogs: accessLogs.bucket });
    this.certificateSigningKey = new SigningKey(this, 'CertificateSigningKey', { config, purpose: 'certificate' });
    this.checkpointSigningKey = new SigningKey(this, 'CheckpointSigningKey', { config, purpose: 'checkpoint' });
    this.whatsApp = new WhatsAppCredentials(this, 'WhatsApp', { config });
    this.payment = new PaymentCredentials(this, 'Payment', { config });

    const common = { config, operationsKey };
    const webhook = new MitraFunction(this, 'Webhook', {
      ...common,
      name: 'webhook',
      description:
        'WhatsApp webhook: verifies Meta signatures, runs one conversation turn, writes replies to the outbox',
      memorySize: 1024,
      timeout: Duration.seconds(10),
      reservedConcurrency: RESERVED_CONCURRENCY.webhook,
      // Four invocations a message (the message, then Meta's sent, delivered and read): active tracing, fixed for
      // Lambda at 5 % beyond one a second, would cost $1 a million messages, a third of the budget, to show one read
      // and one write that its logs and DynamoDB's metrics already show. The sender and the workflows keep it.
      tracing: 'pass-through',
    });
    const sender = new MitraFunction(this, 'Sender', {
      ...common,
      name: 'sender',
      description: 'Sends outbox messages to the WhatsApp Cloud API in order per citizen',
      // It waits on the Graph API and is billed for the wait: little memory, with room for one media upload.
      memorySize: 256,
      timeout: Duration.seconds(60),
    });
    const workflowSteps = new MitraFunction(this, 'WorkflowSteps', {
      ...common,
      name: 'workflow-steps',
      description: 'The certificate workflow steps that are not issuing: validate, payment, officer decision, notices',
      memorySize: 512,
      timeout: Duration.seconds(30),
    });
    const certificate = new MitraFunction(this, 'Certificate', {
      ...common,
      name: 'certificate',
      description: 'Issues a certificate: PDF with QR code, KMS signature, WORM archive, transparency log leaf',
      memorySize: 1024,
      timeout: Duration.seconds(60),
      bundleFonts: true,
    });
    const certificateTasks = new MitraFunction(this, 'CertificateTasks', {
      ...common,
      name: 'certificate-tasks',
      description:
        'Work asked in the chat: checks photographed QR codes; revocations and decisions by officers; cancelled tickets',
      // Decoding a 12 MP photo takes hundreds of milliseconds; more memory is more CPU.
      memorySize: 1024,
      timeout: Duration.seconds(30),
    });
    const verify = new MitraFunction(this, 'Verify', {
      ...common,
      name: 'verify',
      description: 'Certificate verification page, public keys and transparency-log proofs',
      memorySize: 512,
      timeout: Duration.seconds(10),
      reservedConcurrency: RESERVED_CONCURRENCY.verify,
      // The /check page's QR decoder for browsers without BarcodeDetector.
      bundleFiles: ['node_modules/jsqr/dist/jsQR.js'],
    });
    const catalog = new MitraFunction(this, 'Catalog', {
      ...common,
      name: 'catalog',
      description: 'The public list of departments and services',
      memorySize: 256,
      timeout: Duration.seconds(10),
      reservedConcurrency: RESERVED_CONCURRENCY.catalog,
    });
    const payments = new MitraFunction(this, 'Payments', {
      ...common,
      name: 'payments',
      description: "The payment gateway's signed callback: settles an application's fee and resumes its workflow",
      memorySize: 512,
      timeout: Duration.seconds(10),
    });
    this.certificateSigningKey.signOnlyBy([certificate.role]);
    this.checkpointSigningKey.signOnlyBy([certificate.role, certificateTasks.role]);
    const events = new MitraFunction(this, 'Events', {
      ...common,
      name: 'events',
      description: "Domain events from the table's stream: tokenised into the data lake and the live counters",
      memorySize: 512,
      timeout: Duration.seconds(60),
    });
    this.functions = {
      webhook,
      sender,
      workflowSteps,
      certificate,
      certificateTasks,
      verify,
      catalog,
      payments,
      events,
    };
    this.lake = new DataLake(this, 'DataLake', { config, accessLogs: accessLogs.bucket, operationsKey });

    this.workflows = Object.fromEntries(
      WORKFLOW_KINDS.map(({ kind, constructId, checksHouseholdRecords }) => [
        kind,
        new FulfilmentWorkflow(this, constructId, {
          ...common,
          kind,
          checksHouseholdRecords,
          workflowSteps: workflowSteps.function,
          documents: certificate.function,
        }),
      ]),
    );
    const stateMachines = Object.entries(this.workflows).map(([kind, workflow]) => ({
      kind,
      stateMachine: workflow.stateMachine,
    }));
    this.api = new HttpApi(this, 'HttpApi', {
      ...common,
      handlers: {
        verify: verify.function,
        catalog: catalog.function,
        payments: payments.function,
      },
    });
    this.webhookUrl = new WebhookUrl(this, 'MetaCallback', { handler: webhook.function });
    this.alerts = new AlertSending(this, 'Alerts', { ...common, table: this.table });
    this.dashboard = new Dashboard(this, 'Dashboard', {
      ...common,
      table: this.table,
      api: this.api,
      alertTemplate: this.alerts.templateName,
    });
    this.reminders = new Reminders(this, 'Reminders', { ...common, table: this.table });
    const { whatsApp } = this;

    webhook
      .useTable(this.table, 'readWrite')
      // A turn that changes a citizen's alerts deletes the subscription items it ends.
      .deleteFromTable(this.table, ['ALERTS#*'])
      // Every application is started in the workflow of its service's kind.
      .useWorkflows(
        stateMachines.map(({ kind, stateMachine }) => ({ stateMachine, variable: workflowArnVariable(kind) })),
      )
      .useWhatsAppSecret(whatsApp.secret)
      .useMediaBucket(this.media.bucket, 'write')
      // A submitted application's attachments are copied to where they outlive its SLA (lib/media-bucket.ts).
      .useMediaBucket(this.media.bucket, 'read')
      .addEnvironment('WHATSAPP_VERIFY_TOKEN', whatsApp.verifyToken)
      .addEnvironment('WHATSAPP_PHONE_NUMBER_ID', whatsApp.phoneNumberId)
      .addEnvironment('GRAPH_API_BASE', whatsApp.graphApiBase)
      .useIdentity(config.identityEndpoint, new AadhaarHashKey(this, 'AadhaarHashKey', { config }).secret)
      .addEnvironment('SESSION_INACTIVITY_MINUTES', String(config.sessionInactivityMinutes))
      // A citizen who turns on bill reminders has each remembered bill's due date reminded of.
      .useReminderScheduling({
        group: this.reminders.group,
        target: this.reminders.function.function,
        role: this.reminders.schedulerRole,
      })
      // Off unless the stage names a model: free text is then read by it first, checked against the catalog.
      .useUnderstandingModel(config.understandingModelId)
      // Voice notes are transcribed within the turn by the configured speech service.
      .addEnvironment('SPEECH_ENDPOINT', config.speechEndpoint ?? 'unconfigured')
      // Status lookups are answered within the turn from the department's register.
      .addEnvironment('STATUS_REGISTERS_ENDPOINT', config.statusRegistersEndpoint ?? 'unconfigured')
      // Bills are fetched from their biller within the turn.
      .addEnvironment('BILLERS_ENDPOINT', config.billersEndpoint ?? 'unconfigured')
      // Bus services are searched and seats held in APSRTC's reservation system within the turn.
      .addEnvironment('RESERVATIONS_ENDPOINT', config.reservationsEndpoint ?? 'unconfigured')
      // A payment status from WhatsApp (paid in the chat) is confirmed with the gateway's lookup, then settles the
      // application and resumes its workflow.
      .usePaymentGateway(this.payment.secret, this.payment.endpoint)
      .useTaskCallbacks(stateMachines.map(({ stateMachine }) => stateMachine));

    // The failure destination receives only the batch's stream coordinates, not message content.
    const senderFailures = new Queue(this, 'SenderFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(senderFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself the dead-letter destination of the sender's stream mapping; a failure queue for it " +
        'would add nothing, and its ApproximateNumberOfMessagesVisible alarm pages an operator.',
    });
    sender
      // Its items: the outbox, the citizen's session and pacing, the wamid links and the parked replies.
      .useTable(this.table, 'readWrite', {
        leadingKeys: ['OUTBOX#*', 'CITIZEN#*', 'PARKED-REPLIES'],
        // A redrive replaces a parked item with a pending copy and drops the copy kept while parked.
        deletes: true,
      })
      .useWhatsAppSecret(whatsApp.secret)
      .useArchive(this.archive.bucket, 'read')
      // An application's attachments go to the officers who decide it.
      .useMediaBucket(this.media.bucket, 'read')
      .addEnvironment('WHATSAPP_PHONE_NUMBER_ID', whatsApp.phoneNumberId)
      .addEnvironment('GRAPH_API_BASE', whatsApp.graphApiBase)
      // Approved UTILITY templates for replies outside the 24-hour window: body {{1}}, a document-header variant, and a
      // variant with Approve / Reject quick replies.
      .addEnvironment('WHATSAPP_REPLY_TEMPLATE', String(this.node.tryGetContext('replyTemplate') ?? 'mitra_update'))
      .addEnvironment(
        'WHATSAPP_DOCUMENT_TEMPLATE',
        String(this.node.tryGetContext('documentTemplate') ?? 'mitra_document'),
      )
      // Approve / Reject quick replies for officers' decision notices.
      .addEnvironment(
        'WHATSAPP_DECISION_TEMPLATE',
        String(this.node.tryGetContext('decisionTemplate') ?? 'mitra_decision'),
      )
      // A grievance's question, resolution (with and without a photo), officer's notice and relayed answer, each with
      // its quick replies: <prefix>_question, _resolved, _resolved_photo, _officer and _answer.
      .addEnvironment(
        'WHATSAPP_GRIEVANCE_TEMPLATE_PREFIX',
        String(this.node.tryGetContext('grievanceTemplatePrefix') ?? 'mitra_grievance'),
      )
      .consumeStream(this.table.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        // Lambda keeps the records of one item in order at any parallelisation, and a citizen's turns are one item
        // (their session, CITIZEN#<citizen>): so ten batches per shard at once, and within a batch the sender sends
        // different citizens' replies concurrently, each citizen's in order. A notice is an item of its own: one of
        // work the citizen's latest turn started waits for that turn's replies (lambdas/sender/delivery.ts).
        parallelizationFactor: 10,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(senderFailures),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { kind: { S: FilterRule.isEqual('outbox') } } },
          }),
          // A turn's replies ride on the session item: only its writes that queued replies (the sender checks that
          // the old image did not hold them already).
          FilterCriteria.filter({
            dynamodb: {
              NewImage: { kind: { S: FilterRule.isEqual('session') }, repliesTo: { S: FilterRule.exists() } },
            },
          }),
        ],
      });

    // Replies the sender parked (Meta failing for a recipient, a throttled table) are queued again every 5 minutes.
    new Rule(this, 'RedriveParkedReplies', {
      description: 'Queues the replies the sender parked again',
      schedule: Schedule.rate(Duration.minutes(5)),
      targets: [new LambdaFunction(sender.function, { retryAttempts: 2 })],
    });

    workflowSteps
      .useTable(this.table, 'readWrite')
      // "Await payment" creates the application's payment link, and asks for the payment inside WhatsApp where the
      // stage set up WhatsApp's payments.
      .usePaymentGateway(this.payment.secret, this.payment.endpoint)
      .addEnvironment('WHATSAPP_PAYMENT_CONFIGURATION', config.whatsAppPayments?.configuration ?? 'unconfigured')
      .addEnvironment('WHATSAPP_PAYMENT_GATEWAY', config.whatsAppPayments?.gateway ?? 'razorpay')
      // Validate confirms a certificate's declared facts from the household records (by UID token only).
      .addEnvironment('RECORDS_ENDPOINT', config.recordsEndpoint ?? 'unconfigured')
      // …and a birth, death or training certificate's from its register.
      .addEnvironment('REGISTERS_ENDPOINT', config.registersEndpoint ?? 'unconfigured')
      // …and a signed land record extract states what the department's register holds when it is issued.
      .addEnvironment('STATUS_REGISTERS_ENDPOINT', config.statusRegistersEndpoint ?? 'unconfigured')
      // "Post to biller" posts a paid bill to its biller.
      .addEnvironment('BILLERS_ENDPOINT', config.billersEndpoint ?? 'unconfigured')
      // A paid bus ticket is confirmed (or its hold released) in APSRTC's reservation system.
      .addEnvironment('RESERVATIONS_ENDPOINT', config.reservationsEndpoint ?? 'unconfigured')
      // An issued ticket schedules its reminder before the bus leaves or the darshan begins.
      .useReminderScheduling({
        group: this.reminders.group,
        target: this.reminders.function.function,
        role: this.reminders.schedulerRole,
      });

    payments
      .useTable(this.table, 'readWrite')
      .usePaymentGateway(this.payment.secret)
      .useTaskCallbacks(stateMachines.map(({ stateMachine }) => stateMachine));

    certificate
      .useTable(this.table, 'readWrite')
      .useArchive(this.archive.bucket, 'write')
      .signThrough(this.certificateSigningKey.alias, 'SIGNING_KEY_ID')
      .signThrough(this.checkpointSigningKey.alias, 'CHECKPOINT_SIGNING_KEY_ID')
      .addEnvironment('PUBLIC_BASE_URL', this.api.publicBaseUrl);

    const certificateTaskFailures = new Queue(this, 'CertificateTaskFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(certificateTaskFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the certificate-tasks stream mapping; a failure queue ' +
        'for it would add nothing, and its ApproximateNumberOfMessagesVisible alarm pages an operator.',
    });
    certificateTasks
      .useTable(this.table, 'readWrite')
      // A revocation is a leaf of the transparency log: leaves and signed checkpoints go to the archive.
      .useArchive(this.archive.bucket, 'write')
      .signThrough(this.checkpointSigningKey.alias, 'CHECKPOINT_SIGNING_KEY_ID')
      .useMediaBucket(this.media.bucket, 'read')
      // An officer's photo of a grievance's resolution is copied to the grievance (applications/<id>/…).
      .useMediaBucket(this.media.bucket, 'write', 'applications/*')
      // An officer's decision resumes the application's workflow, waiting on its task token.
      .useTaskCallbacks(stateMachines.map(({ stateMachine }) => stateMachine))
      // A ticket the citizen cancels is refunded through the gateway, and a bus ticket cancelled with APSRTC.
      .usePaymentGateway(this.payment.secret, this.payment.endpoint)
      .addEnvironment('RESERVATIONS_ENDPOINT', config.reservationsEndpoint ?? 'unconfigured')
      .consumeStream(this.table.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 5,
        // Tasks are independent of each other: a failed one is retried alone, the others are answered.
        reportBatchItemFailures: true,
        retryAttempts: 3,
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(certificateTaskFailures),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { kind: { S: FilterRule.isEqual('certificate-task') } } },
          }),
        ],
      });

    const eventFailures = new Queue(this, 'EventFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(eventFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself the dead-letter destination of the events function's stream mapping; a failure queue " +
        'for it would add nothing.',
    });
    events
      // The live dashboard's counters and the marks that count each event once.
      .useTable(this.table, 'readWrite')
      .useLake(this.lake.deliveryStream, this.lake.tokenKey)
      .consumeStream(this.table.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        // As many records as one run of the live counters counts (a mark lists 300 events; most writes mean one or
        // two): at state scale a batch fills within the window, and its events cost one Firehose put and a
        // transaction or two.
        batchSize: 300,
        maxBatchingWindow: Duration.seconds(1),
        // In order: a failed record is retried with every record after it, so nothing is counted out of turn.
        parallelizationFactor: 1,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(eventFailures),
        filters: [
          FilterCriteria.filter({
            dynamodb: {
              NewImage: {
                kind: {
                  S: FilterRule.or('session', 'outbox', 'delivery-status', 'application', 'certificate'),
                },
              },
            },
          }),
        ],
      });

    verify
      // Certificates and the transparency log, nothing of citizens or applications.
      .useTable(this.table, 'read', { leadingKeys: ['CERT#*', 'LOG', 'LOG#*'] })
      // Public keys come from the archive's keys/, as an auditor reads them: verify never calls KMS.
      .useArchive(this.archive.bucket, 'read')
      .addEnvironment('PUBLIC_BASE_URL', this.api.publicBaseUrl);
    // The witness's key is the operator's to give (it lives in the witness stack, which depends on this one).
    if (config.witnessPublicKey) verify.addEnvironment('WITNESS_PUBLIC_KEY', config.witnessPublicKey);

    this.monitoring = new Monitoring(this, 'Monitoring', {
      config,
      key: operationsKey.key,
      functions: [
        ...Object.values(this.functions),
        this.dashboard.function,
        this.dashboard.alertDesk,
        this.alerts.function,
      ],
      sender,
      senderFailures,
      certificateTaskFailures,
      workflows: Object.fromEntries(stateMachines.map(({ kind, stateMachine }) => [kind, stateMachine])),
      webhook,
    });

    // The keys auditors start from, as stack outputs (TrustAnchor, CertificateKeyId, CheckpointKeyId).
    new TrustAnchor(this, 'AuditorTrust', {
      ...common,
      certificateKey: this.certificateSigningKey.key,
      checkpointKey: this.checkpointSigningKey.key,
    });

    const output = (id: string, value: string, description: string, exportName?: string) =>
      new CfnOutput(this, id, { value, description, ...(exportName ? { exportName } : {}) });
    output('ApiUrl', this.api.api.apiEndpoint, 'The execute-api endpoint (fallback when no custom domain is set)');
    output('VerifyBaseUrl', `${this.api.publicBaseUrl}/v/`, 'Base of the verification URLs printed in QR codes');
    output('WebhookUrl', this.webhookUrl.callbackUrl, 'Callback URL to enter in the Meta app dashboard');
    output(
      'ArchiveBucketName',
      this.archive.bucket.bucketName,
      'The WORM certificate archive, for auditors',
      this.exports.archiveBucketName,
    );
    // What the witness stack imports (lib/witness-stack.ts): it takes these by name, not as constructs.
    output('ArchiveKeyArn', this.archive.key.keyArn, 'KMS key of the archive', this.exports.archiveKeyArn);
    output('PublicBaseUrl', this.api.publicBaseUrl, 'Base of every public URL', this.exports.publicBaseUrl);
    output('TableName', this.table.table.tableName, 'The state table');
    output('SigningKeyArn', this.certificateSigningKey.key.keyArn, 'The first KMS key that signs certificates');
    output(
      'CheckpointSigningKeyArn',
      this.checkpointSigningKey.key.keyArn,
      'The first KMS key that signs transparency-log checkpoints',
    );
    // Signers name the aliases; npm run rotate-key moves them to a new key.
    output('SigningKeyAlias', this.certificateSigningKey.alias.aliasName, 'The alias certificates are signed through');
    output(
      'CheckpointSigningKeyAlias',
      this.checkpointSigningKey.alias.aliasName,
      'The alias checkpoints are signed through (npm run revoke and rotate-key sign with it)',
    );
    output('WhatsAppSecretArn', whatsApp.secret.secretArn, 'Put {"accessToken","appSecret"} from Meta here');
    output(
      'PaymentCallbackUrl',
      `${this.api.publicBaseUrl}/payments/callback`,
      'Callback (webhook) URL to register with the payment gateway',
    );
    output('PaymentSecretArn', this.payment.secret.secretArn, 'Put {"apiKey","webhookSecret"} from the gateway here');
    output('AlarmTopicArn', this.monitoring.topic.topicArn, 'Subscribe on-call to this topic');
    output('DashboardUrl', this.dashboard.url, 'The live dashboard; its users sign in with the user pool below');
    output(
      'DashboardUserPoolId',
      this.dashboard.userPool.userPoolId,
      'Add dashboard users here (aws cognito-idp admin-create-user); they set up an authenticator app at first sign-in',
    );
    if (this.api.domainName) {
      output(
        'CustomDomainTarget',
        this.api.domainName.regionalDomainName,
        `Point ${config.domainName} (CNAME or alias) at this regional API Gateway domain`,
      );
    }
  }
}
