import { beforeAll, describe, expect, it } from 'vitest';
import { readStageConfig } from '../../lib/stage-config.ts';
import {
  actionsOf,
  environmentOf,
  type SynthesizedMitra,
  statementsOfFunction,
  synthesizeMitra,
} from './mitra-template.ts';

const GATEWAY = 'https://payments.example.in/v1';
const IMPORTED_SECRET = 'arn:aws:secretsmanager:ap-south-1:123456789012:secret:mitra/payments-XyZ789';

let dev: SynthesizedMitra;
let configured: SynthesizedMitra;

beforeAll(() => {
  dev = synthesizeMitra();
  configured = synthesizeMitra({ paymentGatewayEndpoint: GATEWAY, paymentSecretArn: IMPORTED_SECRET });
});

/** Every fulfilment workflow: any of them may wait for a fee. */
const stateMachines = ['Application', 'BillPayment', 'Booking', 'Certificate', 'Grievance'].map((kind) => ({
  Ref: expect.stringMatching(new RegExp(`^${kind}WorkflowStateMachine`)),
}));

describe('fees through a payment gateway', () => {
  it('lets the payments function resume the fulfilment workflows, with SendTaskSuccess only', () => {
    const statements = statementsOfFunction(dev.template, 'payments');
    const states = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('states:')));
    expect(states).toEqual([{ Effect: 'Allow', Action: 'states:SendTaskSuccess', Resource: stateMachines }]);
    expect(actionsOf(statements)).not.toContain('states:StartExecution');
  });

  it('creates a payment secret with a generated webhook secret, never a value in the template', () => {
    const secrets = dev.template.findResources('AWS::SecretsManager::Secret');
    const [, secret] = Object.entries(secrets).find(([id]) => id.startsWith('PaymentSecret'))!;
    const generate = (secret.Properties as { GenerateSecretString: Record<string, unknown> }).GenerateSecretString;
    expect(generate).toMatchObject({ GenerateStringKey: 'webhookSecret' });
    expect(JSON.parse(String(generate.SecretStringTemplate))).toEqual({ apiKey: 'replace-with-the-gateway-api-key' });
    expect(secret.Properties).not.toHaveProperty('SecretString');
  });

  it('lets the link-making workflow steps, the callback, the webhook (lookups) and certificate-tasks (refunds of cancelled tickets) read only that secret', () => {
    for (const name of ['workflow-steps', 'payments', 'certificate-tasks']) {
      const reads = statementsOfFunction(dev.template, name).filter(
        (s) => s.Action === 'secretsmanager:GetSecretValue',
      );
      expect(reads).toEqual([
        {
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: { Ref: expect.stringMatching(/^PaymentSecret/) },
        },
      ]);
    }
    const otherReads = ['sender', 'certificate', 'verify', 'catalog'].flatMap((name) =>
      statementsOfFunction(dev.template, name)
        .filter((s) => s.Action === 'secretsmanager:GetSecretValue')
        .map((s) => JSON.stringify(s.Resource)),
    );
    expect(otherReads.join()).not.toMatch(/PaymentSecret/);
  });

  it('points the workflow steps at the configured gateway, and uses an imported secret by its complete ARN', () => {
    expect(environmentOf(dev.template, 'workflow-steps').PAYMENT_GATEWAY_ENDPOINT).toBe('unconfigured');
    expect(environmentOf(configured.template, 'workflow-steps')).toMatchObject({
      PAYMENT_GATEWAY_ENDPOINT: GATEWAY,
      PAYMENT_SECRET_ARN: IMPORTED_SECRET,
    });
    expect(environmentOf(configured.template, 'payments').PAYMENT_SECRET_ARN).toBe(IMPORTED_SECRET);
    expect(Object.keys(configured.template.findResources('AWS::SecretsManager::Secret')).join()).not.toMatch(
      /^PaymentSecret|,PaymentSecret/,
    );
  });

  it('tells the operator the callback URL to register with the gateway', () => {
    const outputs = dev.template.findOutputs('PaymentCallbackUrl');
    expect(JSON.stringify(outputs)).toContain('/payments/callback');
  });

  it('refuses a gateway endpoint that is not https, and a partial secret ARN', () => {
    const read = (context: Record<string, string>) => () => readStageConfig((key) => context[key]);
    expect(read({ paymentGatewayEndpoint: 'http://payments.example.in' })).toThrow(/paymentGatewayEndpoint.*https/);
    expect(read({ paymentSecretArn: 'arn:aws:secretsmanager:ap-south-1:123456789012:secret:mitra/payments' })).toThrow(
      /paymentSecretArn must be the complete secret ARN/,
    );
    expect(read({ paymentGatewayEndpoint: GATEWAY })().paymentGatewayEndpoint).toBe(GATEWAY);
  });
});
