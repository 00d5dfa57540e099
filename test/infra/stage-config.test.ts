import { generateKeyPairSync } from 'node:crypto';
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { readStageConfig, StageConfigError } from '../../lib/stage-config.ts';

const read = (context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) =>
  readStageConfig((key) => context[key], env);

describe('stage config', () => {
  it('defaults to dev in ap-south-1: destroyable, one-day GOVERNANCE archive, a month of logs', () => {
    expect(read({})).toMatchObject({
      stage: 'dev',
      region: 'ap-south-1',
      account: undefined,
      archiveRetentionMode: 'GOVERNANCE',
      archiveRetentionDays: 1,
      graphApiVersion: 'v23.0',
      removalPolicy: RemovalPolicy.DESTROY,
      logRetention: RetentionDays.ONE_MONTH,
      deletionProtection: false,
    });
  });

  it('makes prod retained, deletion-protected, COMPLIANCE for ten years, with longer logs', () => {
    expect(read({ stage: 'prod' })).toMatchObject({
      stage: 'prod',
      archiveRetentionMode: 'COMPLIANCE',
      archiveRetentionDays: 3650,
      removalPolicy: RemovalPolicy.RETAIN,
      logRetention: RetentionDays.ONE_YEAR,
      deletionProtection: true,
    });
  });

  it("takes WhatsApp's payments (configuration name and gateway, razorpay by default) only when named", () => {
    expect(read({}).whatsAppPayments).toBeUndefined();
    expect(read({ whatsAppPaymentConfiguration: 'mitra-upi' }).whatsAppPayments).toEqual({
      configuration: 'mitra-upi',
      gateway: 'razorpay',
    });
    expect(read({ whatsAppPaymentConfiguration: 'ap-bills', whatsAppPaymentGateway: 'payu' }).whatsAppPayments).toEqual(
      { configuration: 'ap-bills', gateway: 'payu' },
    );
    expect(() => read({ whatsAppPaymentConfiguration: 'mitra upi' })).toThrow(StageConfigError);
    expect(() => read({ whatsAppPaymentConfiguration: 'x', whatsAppPaymentGateway: 'paypal' })).toThrow(
      /whatsAppPaymentGateway must be one of razorpay, payu, billdesk, zaakpay/,
    );
  });

  it('takes an https identity endpoint and the inactivity minutes, defaulting to none and 30', () => {
    expect(read({})).toMatchObject({ identityEndpoint: undefined, sessionInactivityMinutes: 30 });
    expect(read({ identityEndpoint: 'https://aua.example.gov.in/otp', sessionInactivityMinutes: '15' })).toMatchObject({
      identityEndpoint: 'https://aua.example.gov.in/otp',
      sessionInactivityMinutes: 15,
    });
    expect(() => read({ identityEndpoint: 'http://aua.example.gov.in' })).toThrow(StageConfigError);
    expect(() => read({ sessionInactivityMinutes: 0 })).toThrow(/sessionInactivityMinutes/);
  });

  it('takes an https household-records endpoint, and none by default', () => {
    expect(read({}).recordsEndpoint).toBeUndefined();
    expect(read({ recordsEndpoint: 'https://records.ap.gov.in' }).recordsEndpoint).toBe('https://records.ap.gov.in');
    expect(() => read({ recordsEndpoint: 'http://records.ap.gov.in' })).toThrow(/recordsEndpoint must be an https/);
  });

  it('takes an https status-registers endpoint, and none by default', () => {
    expect(read({}).statusRegistersEndpoint).toBeUndefined();
    expect(read({ statusRegistersEndpoint: 'https://registers.ap.gov.in' }).statusRegistersEndpoint).toBe(
      'https://registers.ap.gov.in',
    );
    expect(() => read({ statusRegistersEndpoint: 'http://registers.ap.gov.in' })).toThrow(
      /statusRegistersEndpoint must be an https/,
    );
  });

  it('takes an https endpoint of the birth, death and training registers, and none by default', () => {
    expect(read({}).registersEndpoint).toBeUndefined();
    expect(read({ registersEndpoint: 'https://crs.ap.gov.in' }).registersEndpoint).toBe('https://crs.ap.gov.in');
    expect(() => read({ registersEndpoint: 'http://crs.ap.gov.in' })).toThrow(/registersEndpoint must be an https/);
  });

  it('reads numbers given on the command line as strings, and from cdk.json as numbers', () => {
    expect(read({ stage: 'prod', archiveRetentionDays: '2555' }).archiveRetentionDays).toBe(2555);
    expect(read({ stage: 'prod', archiveRetentionDays: 2555 }).archiveRetentionDays).toBe(2555);
  });

  it('takes the region from context, else the CLI default, and the account only from the CLI', () => {
    expect(read({ region: 'ap-south-2' }, { CDK_DEFAULT_REGION: 'us-east-1' }).region).toBe('ap-south-2');
    expect(read({}, { CDK_DEFAULT_REGION: 'eu-west-1', CDK_DEFAULT_ACCOUNT: '123456789012' })).toMatchObject({
      region: 'eu-west-1',
      account: '123456789012',
    });
  });

  it.each([
    [{ stage: 'staging' }, /stage must be one of dev, prod/],
    [{ region: 'mumbai' }, /region must look like/],
    [{ domainName: 'verify.example.gov.in' }, /domainName and certificateArn must be given together/],
    [{ certificateArn: 'arn:aws:acm:ap-south-1:123456789012:certificate/abc' }, /must be given together/],
    [
      { domainName: 'Verify.Example', certificateArn: 'arn:aws:acm:ap-south-1:123456789012:certificate/abc' },
      /domainName must be/,
    ],
    [
      { domainName: 'verify.example.gov.in', certificateArn: 'not-an-arn' },
      /certificateArn must be an ACM certificate ARN/,
    ],
    [
      { domainName: 'verify.example.gov.in', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
      /must be in the stack's region ap-south-1/,
    ],
    [{ archiveRetentionDays: 'ten years' }, /archiveRetentionDays must be a whole number/],
    [{ archiveRetentionDays: 0 }, /archiveRetentionDays must be a whole number from 1/],
    [{ archiveRetentionDays: 1.5 }, /archiveRetentionDays must be a whole number/],
    [
      { whatsAppSecretArn: 'arn:aws:secretsmanager:ap-south-1:123456789012:secret:mitra/whatsapp' },
      /complete secret ARN/,
    ],
    [{ alarmEmail: 'oncall' }, /alarmEmail must be an e-mail address/],
    [{ graphApiVersion: '23' }, /graphApiVersion must look like v23.0/],
    [{ stage: 42 }, /stage must be a string/],
  ])('rejects %j with a message naming the key', (context, message) => {
    expect(() => read(context)).toThrow(StageConfigError);
    expect(() => read(context)).toThrow(message);
  });

  it("takes the witness's public key as `aws kms get-public-key` prints it, and refuses any other key", () => {
    const spki = (type: 'ec' | 'rsa', options: object) =>
      generateKeyPairSync(type as 'ec', options as { namedCurve: string })
        .publicKey.export({ format: 'der', type: 'spki' })
        .toString('base64');
    const witness = spki('ec', { namedCurve: 'P-256' });
    expect(read({ witnessPublicKey: witness }).witnessPublicKey).toBe(witness);
    expect(read({}).witnessPublicKey).toBeUndefined();
    for (const wrong of ['not a key', spki('ec', { namedCurve: 'P-384' }), spki('rsa', { modulusLength: 2048 })]) {
      expect(() => read({ witnessPublicKey: wrong })).toThrow(/witnessPublicKey must be the base64 DER public key/);
    }
  });
});
