import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  environmentOf,
  mitraFunction,
  PROD_WITH_EVERYTHING,
  resourcesOfType,
  type SynthesizedMitra,
  synthesizeMitra,
} from './mitra-template.ts';

/**
 * CONTRACT.md "HTTP routes", minus GET /health, which only the embedded runtime serves, and /webhook, which the
 * webhook function's own URL serves.
 */
const CONTRACT_ROUTES = [
  'GET /v/{certId}',
  'GET /log/checkpoint',
  'GET /log/proof/{certId}',
  'GET /log/consistency',
  'GET /keys',
  'GET /catalog',
  'GET /dashboard',
  'GET /check',
];
/**
 * Deployed beyond the contract: the payment gateway's signed callback (README, "Fees and payments"), and the verdict
 * on a QR code's claims for machines (docs/archive-format.md, "Verifying a QR code").
 */
const DEPLOYED_ROUTES = [
  ...CONTRACT_ROUTES,
  'POST /payments/callback',
  'POST /v/{certId}',
  // The dashboard's scripts and, behind sign-in, its figures (README, "The live dashboard").
  'GET /dashboard/chart.js',
  'GET /dashboard/dashboard.js',
  'GET /dashboard/api/figures',
  // The dashboard's alerts, behind the same sign-in (README, "Alerts").
  'GET /dashboard/alerts.js',
  'GET /dashboard/api/alerts',
  'GET /dashboard/api/alerts/reach',
  'POST /dashboard/api/alerts',
  // The check page's scripts (README, "Checking tickets offline").
  'GET /check/app.js',
  'GET /check/jsqr.js',
  'GET /check/sw.js',
];
/** The open reads: verification, the log, and the dashboard's page and scripts (not its signed-in figures). */
const THROTTLED_ROUTES = DEPLOYED_ROUTES.filter(
  (key) =>
    / \/(v|log)\//.test(key) ||
    key.startsWith('GET /check') ||
    (key.startsWith('GET /dashboard') && !key.includes('/api/')),
);

let dev: SynthesizedMitra;
let prod: SynthesizedMitra;

beforeAll(() => {
  dev = synthesizeMitra();
  prod = synthesizeMitra(PROD_WITH_EVERYTHING);
});

const routeKeys = (s: SynthesizedMitra) =>
  resourcesOfType(s.template, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey as string);

describe('HTTP API', () => {
  it("deploys exactly the contract's routes and the payment callback", () => {
    expect(routeKeys(dev).sort()).toEqual([...DEPLOYED_ROUTES].sort());
    expect(routeKeys(prod).sort()).toEqual([...DEPLOYED_ROUTES].sort());
  });

  it('never deploys the simulator, the local Graph API or an OTP route', () => {
    for (const key of [...routeKeys(dev), ...routeKeys(prod)]) {
      expect(key).not.toMatch(/\/sim|\/graph|otp|\/health/i);
    }
    expect(dev.json).not.toMatch(/\/sim\b|\/graph\/|api\/otp/);
  });

  it('sends the verification, catalog and payment callback routes to their functions', () => {
    const integrationOf = (key: string) => {
      const [, route] = resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Route').find(
        ([, r]) => r.Properties.RouteKey === key,
      )!;
      const target = route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const integrationId = target['Fn::Join'][1][1].Ref;
      const integration = dev.template.findResources('AWS::ApiGatewayV2::Integration')[integrationId]!;
      return (integration.Properties as { IntegrationUri: { 'Fn::GetAtt': [string, string] } }).IntegrationUri[
        'Fn::GetAtt'
      ][0];
    };
    const [verify] = mitraFunction(dev.template, 'verify');
    const [catalog] = mitraFunction(dev.template, 'catalog');
    for (const key of [
      'GET /v/{certId}',
      'GET /log/checkpoint',
      'GET /log/proof/{certId}',
      'GET /keys',
      'GET /check',
    ]) {
      expect(integrationOf(key)).toBe(verify);
    }
    expect(integrationOf('GET /catalog')).toBe(catalog);
    expect(integrationOf('POST /payments/callback')).toBe(mitraFunction(dev.template, 'payments')[0]);
  });

  it('throttles the stage, and /v, /log and the dashboard page more tightly', () => {
    const [stageId, stage] = resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Stage')[0]!;
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: expect.any(Number),
        ThrottlingBurstLimit: expect.any(Number),
        DetailedMetricsEnabled: true,
      },
    });
    const routeSettings = stage.Properties.RouteSettings as Record<string, Record<string, number>>;
    expect(Object.keys(routeSettings).sort()).toEqual([...THROTTLED_ROUTES].sort());
    const defaults = stage.Properties.DefaultRouteSettings as Record<string, number>;
    for (const key of THROTTLED_ROUTES) {
      expect(routeSettings[key]).toMatchObject({
        ThrottlingRateLimit: expect.any(Number),
        ThrottlingBurstLimit: expect.any(Number),
      });
      expect(routeSettings[key]!.ThrottlingRateLimit).toBeLessThan(defaults.ThrottlingRateLimit!);
    }
    // Route settings name routes that must exist before the stage is updated.
    const dependsOn = dev.template.toJSON().Resources[stageId].DependsOn as string[];
    expect(dependsOn.filter((id) => /^HttpApiGET(v|log)/.test(id)).length).toBeGreaterThanOrEqual(4);
  });

  it('writes JSON access logs of the default stage to an encrypted log group', () => {
    const [, stage] = resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Stage')[0]!;
    const settings = stage.Properties.AccessLogSettings as {
      DestinationArn: { 'Fn::GetAtt': [string] };
      Format: string;
    };
    expect(JSON.parse(settings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(settings.Format).not.toContain('querystring');
    const logGroup = dev.template.findResources('AWS::Logs::LogGroup')[settings.DestinationArn['Fn::GetAtt'][0]];
    expect(logGroup?.Properties).toMatchObject({ KmsKeyId: expect.anything() });
  });
});

describe("Meta's callback URL", () => {
  it("is the webhook function's own URL, open to Meta's signed calls only through the function, at /webhook", () => {
    const [webhook] = mitraFunction(dev.template, 'webhook');
    const urls = resourcesOfType(dev.template, 'AWS::Lambda::Url');
    expect(urls).toHaveLength(1);
    const [urlId, url] = urls[0]!;
    expect(url.Properties).toEqual({
      AuthType: 'NONE',
      InvokeMode: 'BUFFERED',
      TargetFunctionArn: { 'Fn::GetAtt': [webhook, 'Arn'] },
    });
    // Anyone may call the URL (the function checks Meta's signature), and only through the URL.
    const permissions = resourcesOfType(dev.template, 'AWS::Lambda::Permission')
      .map(([, p]) => p.Properties)
      .filter((p) => JSON.stringify(p.FunctionName).includes(webhook!));
    expect(permissions).toContainEqual(
      expect.objectContaining({ Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE' }),
    );
    // Function URLs made since October 2025 also need lambda:InvokeFunction: granted to anyone only as a URL call.
    const publicInvokes = permissions.filter((p) => p.Principal === '*' && p.Action === 'lambda:InvokeFunction');
    expect(publicInvokes).toEqual([expect.objectContaining({ InvokedViaFunctionUrl: true })]);
    for (const s of [dev, prod]) {
      const outputs = s.template.toJSON().Outputs as Record<string, { Value: unknown }>;
      expect(outputs.WebhookUrl?.Value).toEqual({
        'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^WebhookFunction/), 'FunctionUrl'] }, 'webhook']],
      });
    }
    expect(urlId).toMatch(/^WebhookFunction/);
  });
});

describe('public base URL', () => {
  it('falls back to the execute-api endpoint without a custom domain', () => {
    const endpoint = { 'Fn::GetAtt': [expect.stringMatching(/^HttpApi/), 'ApiEndpoint'] };
    expect(environmentOf(dev.template, 'certificate').PUBLIC_BASE_URL).toEqual(endpoint);
    expect(resourcesOfType(dev.template, 'AWS::ApiGatewayV2::DomainName')).toEqual([]);
  });

  it('uses the custom domain, mapped to the default stage, when one is configured', () => {
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'verify.example.gov.in',
      DomainNameConfigurations: [
        Match.objectLike({ CertificateArn: PROD_WITH_EVERYTHING.certificateArn, EndpointType: 'REGIONAL' }),
      ],
    });
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      DomainName: { Ref: Match.stringLikeRegexp('^HttpApiDomain') },
      ApiId: { Ref: Match.stringLikeRegexp('^HttpApi') },
      Stage: '$default',
    });
    expect(environmentOf(prod.template, 'certificate').PUBLIC_BASE_URL).toBe('https://verify.example.gov.in');
    expect(environmentOf(prod.template, 'verify').PUBLIC_BASE_URL).toBe('https://verify.example.gov.in');
    prod.template.hasOutput('VerifyBaseUrl', { Value: 'https://verify.example.gov.in/v/' });
  });

  it('outputs what an operator needs', () => {
    for (const output of [
      'ApiUrl',
      'VerifyBaseUrl',
      'WebhookUrl',
      'ArchiveBucketName',
      'TableName',
      'SigningKeyArn',
      'CheckpointSigningKeyArn',
      'WhatsAppSecretArn',
    ]) {
      dev.template.hasOutput(output, Match.anyValue());
    }
  });
});
