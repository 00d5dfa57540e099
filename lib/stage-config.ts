import { createPublicKey } from 'node:crypto';
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

const STAGES = ['dev', 'prod'] as const;
type Stage = (typeof STAGES)[number];

/** Where Mitra deploys when neither `-c region=…` nor the CLI's default region says otherwise. */
const DEFAULT_REGION = 'ap-south-1';
const DEFAULT_GRAPH_API_VERSION = 'v23.0';
/** Ten years: the prod archive's COMPLIANCE retention unless `archiveRetentionDays` says otherwise. */
const DEFAULT_PROD_ARCHIVE_RETENTION_DAYS = 3650;
/** One day of GOVERNANCE retention in dev, so a developer can empty the bucket and `cdk destroy` the next day. */
const DEFAULT_DEV_ARCHIVE_RETENTION_DAYS = 1;

const WHATSAPP_PAYMENT_GATEWAYS = ['razorpay', 'payu', 'billdesk', 'zaakpay'] as const;
type WhatsAppPaymentGateway = (typeof WHATSAPP_PAYMENT_GATEWAYS)[number];

/** Everything a deployment may vary, parsed once from CDK context; the constructs never read context themselves. */
export interface StageConfig {
  readonly stage: Stage;
  readonly region: string;
  readonly account?: string;
  /** Custom domain for the public URLs printed in QR codes; set together with `certificateArn`. */
  readonly domainName?: string;
  /** Regional ACM certificate for `domainName`, in the stack's region. */
  readonly certificateArn?: string;
  readonly archiveRetentionDays: number;
  readonly archiveRetentionMode: 'GOVERNANCE' | 'COMPLIANCE';
  /** Complete ARN of an existing secret `{"accessToken","appSecret"}`; absent means the stack creates one. */
  readonly whatsAppSecretArn?: string;
  readonly alarmEmail?: string;
  readonly graphApiVersion: string;
  /** HTTPS endpoint of the Aadhaar OTP identity service (the department adapter); absent: identity checks unavailable. */
  readonly identityEndpoint?: string;
  /**
   * HTTPS endpoint of the state's household records (the department adapter), asked by UID token; absent: no
   * certificate is issued without an officer, since nothing can confirm what the citizen declared.
   */
  readonly recordsEndpoint?: string;
  /**
   * HTTPS base of the departments' status registers (docs/department-systems.md), asked when a citizen looks
   * something up (rice card, pension, land records…); absent: lookups answer that the register is unavailable.
   */
  readonly statusRegistersEndpoint?: string;
  /**
   * HTTPS base of the birth and death registers and the training records (docs/department-systems.md), asked before a
   * birth, death or training certificate is issued without an officer; absent: an officer decides every one of them.
   */
  readonly registersEndpoint?: string;
  /**
   * HTTPS base of the billers (docs/department-systems.md, "Billers"): bills are fetched from it and paid bills posted
   * to it; absent: bills answer that the biller is unavailable.
   */
  readonly billersEndpoint?: string;
  /**
   * HTTPS base of the departments' reservation systems (docs/department-systems.md, "Reservations": APSRTC's): bus
   * services searched, seats held, sold and cancelled; absent: bus tickets answer that reservations are unavailable.
   */
  readonly reservationsEndpoint?: string;
  /** Minutes without a message after which a conversation in progress starts over. */
  readonly sessionInactivityMinutes: number;
  /**
   * Amazon Bedrock model (or cross-region inference profile) id that reads free-text requests before the built-in
   * rules; absent (the default), only the rules read them.
   */
  readonly understandingModelId?: string;
  /**
   * HTTPS endpoint of the speech service that transcribes voice notes (lambdas/adapters/speech.ts: the national
   * speech service's gateway, or a function in front of Amazon Transcribe); absent: a voice note is answered with a
   * request to type.
   */
  readonly speechEndpoint?: string;
  /** HTTPS endpoint of the payment gateway's API (payment links); absent: fees cannot be taken. */
  readonly paymentGatewayEndpoint?: string;
  /** Complete ARN of an existing secret `{"apiKey","webhookSecret"}`; absent means the stack creates one. */
  readonly paymentSecretArn?: string;
  /**
   * WhatsApp's payments in India: the name of the payment configuration set up in WhatsApp Manager, and its gateway
   * (`razorpay`, `payu`, `billdesk` or `zaakpay`; context whatsAppPaymentGateway, default razorpay). With it, fees and
   * bills are paid inside the chat while the citizen's 24-hour window is open; absent: by payment link only.
   */
  readonly whatsAppPayments?: { readonly configuration: string; readonly gateway: WhatsAppPaymentGateway };
  /**
   * Whether the app also holds the witness stack (`Mitra-<stage>-Witness`), which co-signs the transparency log's
   * checkpoints with a key of its own. Context `witness=true`.
   */
  readonly witness: boolean;
  /**
   * The witness's public key (DER SubjectPublicKeyInfo, base64, as `aws kms get-public-key --key-id <WitnessKeyArn>
   * --query PublicKey --output text` prints it): the verify page checks that the log including each certificate was
   * co-signed by it. Context `witnessPublicKey`, given on the deploy after the witness stack's first.
   */
  readonly witnessPublicKey?: string;
  /** For stateful resources: the table, buckets, keys, secret and log groups. */
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: RetentionDays;
  readonly accessLogRetentionDays: number;
  readonly deletionProtection: boolean;
}

export class StageConfigError extends Error {
  constructor(message: string) {
    super(`Invalid Mitra context: ${message}`);
    this.name = 'StageConfigError';
  }
}

export type ContextReader = (key: string) => unknown;

/**
 * Parses the CDK context (`-c key=value` arrives as a string, cdk.json may hold numbers) and the CLI's
 * environment into a StageConfig, failing with a message that names the key and what it should be.
 */
export function readStageConfig(context: ContextReader, env: NodeJS.ProcessEnv = {}): StageConfig {
  const stage = optionalString(context, 'stage') ?? 'dev';
  if (!isStage(stage)) {
    throw new StageConfigError(`stage must be one of ${STAGES.join(', ')}, got "${stage}"`);
  }
  const prod = stage === 'prod';

  const region = optionalString(context, 'region') ?? nonEmpty(env.CDK_DEFAULT_REGION) ?? DEFAULT_REGION;
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region)) {
    throw new StageConfigError(`region must look like ap-south-1, got "${region}"`);
  }
  const account = nonEmpty(env.CDK_DEFAULT_ACCOUNT);

  const domainName = optionalString(context, 'domainName');
  const certificateArn = optionalString(context, 'certificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new StageConfigError('domainName and certificateArn must be given together (or neither)');
  }
  if (
    domainName !== undefined &&
    !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domainName)
  ) {
    throw new StageConfigError(
      `domainName must be a lower-case DNS name such as verify.example.gov.in, got "${domainName}"`,
    );
  }
  if (certificateArn !== undefined) {
    const match = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/.exec(certificateArn);
    if (!match) {
      throw new StageConfigError(`certificateArn must be an ACM certificate ARN, got "${certificateArn}"`);
    }
    // An HTTP API's regional custom domain only accepts a certificate from its own region.
    if (match[1] !== region) {
      throw new StageConfigError(`certificateArn must be in the stack's region ${region}, got one in ${match[1]}`);
    }
  }

  const archiveRetentionDays =
    optionalInteger(context, 'archiveRetentionDays', 1, 36500) ??
    (prod ? DEFAULT_PROD_ARCHIVE_RETENTION_DAYS : DEFAULT_DEV_ARCHIVE_RETENTION_DAYS);

  const whatsAppSecretArn = completeSecretArn(context, 'whatsAppSecretArn');
  const paymentSecretArn = completeSecretArn(context, 'paymentSecretArn');

  const alarmEmail = optionalString(context, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alarmEmail)) {
    throw new StageConfigError(`alarmEmail must be an e-mail address, got "${alarmEmail}"`);
  }

  const graphApiVersion = optionalString(context, 'graphApiVersion') ?? DEFAULT_GRAPH_API_VERSION;
  if (!/^v\d+\.\d+$/.test(graphApiVersion)) {
    throw new StageConfigError(`graphApiVersion must look like v23.0, got "${graphApiVersion}"`);
  }

  const identityEndpoint = httpsEndpoint(context, 'identityEndpoint');
  const recordsEndpoint = httpsEndpoint(context, 'recordsEndpoint');
  const statusRegistersEndpoint = httpsEndpoint(context, 'statusRegistersEndpoint');
  const registersEndpoint = httpsEndpoint(context, 'registersEndpoint');
  const billersEndpoint = httpsEndpoint(context, 'billersEndpoint');
  const reservationsEndpoint = httpsEndpoint(context, 'reservationsEndpoint');
  const sessionInactivityMinutes = optionalInteger(context, 'sessionInactivityMinutes', 1, 1440) ?? 30;
  const paymentGatewayEndpoint = httpsEndpoint(context, 'paymentGatewayEndpoint');
  const witness = optionalBoolean(context, 'witness') ?? false;
  const witnessPublicKey = optionalString(context, 'witnessPublicKey');
  if (witnessPublicKey !== undefined && !isP256PublicKey(witnessPublicKey)) {
    throw new StageConfigError(
      'witnessPublicKey must be the base64 DER public key that `aws kms get-public-key` prints for the witness key (ECC_NIST_P256)',
    );
  }
  const whatsAppPayments = readWhatsAppPayments(context);
  const understandingModelId = optionalString(context, 'understandingModelId');
  const speechEndpoint = httpsEndpoint(context, 'speechEndpoint');
  if (understandingModelId !== undefined && !/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/.test(understandingModelId)) {
    throw new StageConfigError(
      `understandingModelId must be a Bedrock model or inference profile id such as amazon.nova-lite-v1:0, got "${understandingModelId}"`,
    );
  }

  return {
    stage,
    region,
    account,
    domainName,
    certificateArn,
    archiveRetentionDays,
    archiveRetentionMode: prod ? 'COMPLIANCE' : 'GOVERNANCE',
    whatsAppSecretArn,
    alarmEmail,
    graphApiVersion,
    identityEndpoint,
    recordsEndpoint,
    statusRegistersEndpoint,
    registersEndpoint,
    billersEndpoint,
    reservationsEndpoint,
    sessionInactivityMinutes,
    understandingModelId,
    speechEndpoint,
    paymentGatewayEndpoint,
    paymentSecretArn,
    ...(whatsAppPayments ? { whatsAppPayments } : {}),
    witness,
    witnessPublicKey,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    accessLogRetentionDays: prod ? 730 : 30,
    deletionProtection: prod,
  };
}

function isP256PublicKey(base64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  } catch {
    return false;
  }
}

function readWhatsAppPayments(context: ContextReader): StageConfig['whatsAppPayments'] {
  const configuration = optionalString(context, 'whatsAppPaymentConfiguration');
  const gateway = optionalString(context, 'whatsAppPaymentGateway') ?? 'razorpay';
  if (!(WHATSAPP_PAYMENT_GATEWAYS as readonly string[]).includes(gateway)) {
    throw new StageConfigError(
      `whatsAppPaymentGateway must be one of ${WHATSAPP_PAYMENT_GATEWAYS.join(', ')}, got "${gateway}"`,
    );
  }
  if (configuration === undefined) return undefined;
  // WhatsApp Manager's names: letters, digits, dashes and underscores.
  if (!/^[A-Za-z0-9_-]{1,60}$/.test(configuration)) {
    throw new StageConfigError(
      `whatsAppPaymentConfiguration must be the payment configuration's name in WhatsApp Manager (letters, digits, - and _), got "${configuration}"`,
    );
  }
  return { configuration, gateway: gateway as WhatsAppPaymentGateway };
}

function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function optionalString(context: ContextReader, key: string): string | undefined {
  const value = context(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new StageConfigError(`${key} must be a string, got ${JSON.stringify(value)}`);
  }
  return nonEmpty(value);
}

/** A partial ARN would force a `-??????` wildcard into every grant; the complete one names exactly one secret. */
function completeSecretArn(context: ContextReader, key: string): string | undefined {
  const arn = optionalString(context, key);
  if (
    arn !== undefined &&
    !/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$/.test(arn)
  ) {
    throw new StageConfigError(
      `${key} must be the complete secret ARN, ending in the 6-character suffix Secrets Manager adds, got "${arn}"`,
    );
  }
  return arn;
}

function optionalBoolean(context: ContextReader, key: string): boolean | undefined {
  const value = context(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new StageConfigError(`${key} must be true or false, got ${JSON.stringify(value)}`);
}

function optionalInteger(context: ContextReader, key: string, min: number, max: number): number | undefined {
  const value = context(key);
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new StageConfigError(`${key} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** An adapter endpoint from context: Aadhaar data, payment links and keys travel to it, so never over plain HTTP. */
function httpsEndpoint(context: ContextReader, key: string): string | undefined {
  const value = optionalString(context, key);
  if (value !== undefined && !/^https:\/\/[^\s]+$/.test(value)) {
    throw new StageConfigError(`${key} must be an https:// URL, got "${value}"`);
  }
  return value;
}
