import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  DomainName,
  HttpApi as HttpApiL2,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { OperationsKey } from './operations-key.ts';
import type { StageConfig } from './stage-config.ts';

type RouteTarget = 'verify' | 'catalog' | 'payments';

interface PublicRoute {
  readonly method: HttpMethod;
  readonly path: string;
  readonly target: RouteTarget;
  /** Public, unauthenticated read routes get their own, lower throttle. */
  readonly throttled: boolean;
  /** Why this route has no API Gateway authorizer (AwsSolutions-APIG4). */
  readonly openBecause: string;
}

const SIGNED_BY_GATEWAY =
  'The payment gateway calls back server to server without credentials API Gateway could check; the function ' +
  'authenticates every POST by its X-Payment-Signature HMAC over the raw body with the webhook secret (401 ' +
  'otherwise), and only settles payments on links Mitra created.';
const PUBLIC_BY_DESIGN =
  'Public by design: anyone holding a printed certificate must be able to verify it, and auditors to fetch the ' +
  'transparency log and keys, without an account. The route only reads, and is throttled per route.';

const STAFF_PAGE =
  'Public by design: a conductor or gate keeper checks tickets and certificates without an account. The page and ' +
  'its scripts hold no data; the QR code is checked in the browser against the public keys.';

/**
 * The deployed routes: CONTRACT.md "HTTP routes" minus /health (embedded runtime only) and /webhook (the webhook
 * function's own URL, lib/webhook-url.ts). The simulator, local Graph API and OTP routes are never deployed; the
 * infra tests fail if one appears.
 */
const PUBLIC_ROUTES: readonly PublicRoute[] = [
  {
    method: HttpMethod.POST,
    path: '/payments/callback',
    target: 'payments',
    throttled: false,
    openBecause: SIGNED_BY_GATEWAY,
  },
  { method: HttpMethod.GET, path: '/v/{certId}', target: 'verify', throttled: true, openBecause: PUBLIC_BY_DESIGN },
  // A machine that read a QR code posts its claims and gets the verdict as JSON.
  { method: HttpMethod.POST, path: '/v/{certId}', target: 'verify', throttled: true, openBecause: PUBLIC_BY_DESIGN },
  { method: HttpMethod.GET, path: '/log/checkpoint', target: 'verify', throttled: true, openBecause: PUBLIC_BY_DESIGN },
  {
    method: HttpMethod.GET,
    path: '/log/proof/{certId}',
    target: 'verify',
    throttled: true,
    openBecause: PUBLIC_BY_DESIGN,
  },
  {
    method: HttpMethod.GET,
    path: '/log/consistency',
    target: 'verify',
    throttled: true,
    openBecause: PUBLIC_BY_DESIGN,
  },
  { method: HttpMethod.GET, path: '/keys', target: 'verify', throttled: false, openBecause: PUBLIC_BY_DESIGN },
  // The staff's offline check page and its scripts: they carry no data; the page reads /keys.
  ...['/check', '/check/app.js', '/check/jsqr.js', '/check/sw.js'].map(
    (path): PublicRoute => ({
      method: HttpMethod.GET,
      path,
      target: 'verify',
      throttled: true,
      openBecause: STAFF_PAGE,
    }),
  ),
  {
    method: HttpMethod.GET,
    path: '/catalog',
    target: 'catalog',
    throttled: false,
    openBecause: 'The service catalogue is public information, published so that anyone can see what Mitra offers.',
  },
];

/** Whole stage: room for bursts of verification and payment callbacks, well under the account's regional limit. */
const STAGE_THROTTLE = { rateLimit: 500, burstLimit: 1000 } as const;
/** Verification and log routes: a QR scan is one request; a scraper or loop should not starve the callbacks. */
const PUBLIC_READ_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

export interface HttpApiProps {
  readonly config: StageConfig;
  readonly operationsKey: OperationsKey;
  readonly handlers: Record<RouteTarget, IFunction>;
}

/**
 * The HTTP API in front of the verify, catalog, payments and dashboard functions: one `$default` stage with JSON
 * access logs (no query strings: QR claims carry names), a stage throttle and lower per-route throttles on /v and
 * /log, detailed metrics per route, and an optional custom domain. Printed QR codes
 * outlive deployments, so `publicBaseUrl` is the custom domain whenever one is configured.
 */
export class HttpApi extends Construct {
  readonly api: HttpApiL2;
  readonly stage: HttpStage;
  readonly routes: HttpRoute[] = [];
  readonly domainName?: DomainName;
  /** `https://<domainName>` if configured, else the execute-api endpoint; the base of every URL in a QR code. */
  readonly publicBaseUrl: string;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const { config } = props;

    this.api = new HttpApiL2(this, 'Api', {
      description: `Mitra ${config.stage}: certificate verification, transparency log, catalogue, payments, dashboard`,
      createDefaultStage: false,
    });

    if (config.domainName && config.certificateArn) {
      this.domainName = new DomainName(this, 'Domain', {
        domainName: config.domainName,
        certificate: Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn),
      });
    }

    const accessLogs = props.operationsKey.logGroup(this, 'AccessLogs', config.logRetention, config.removalPolicy);
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
      domainMapping: this.domainName ? { domainName: this.domainName } : undefined,
    });

    const integrations: Record<RouteTarget, HttpLambdaIntegration> = {
      verify: new HttpLambdaIntegration('Verify', props.handlers.verify),
      catalog: new HttpLambdaIntegration('Catalog', props.handlers.catalog),
      payments: new HttpLambdaIntegration('Payments', props.handlers.payments),
    };
    // CfnStage.routeSettings is untyped JSON: CDK passes it through as is, so the keys are CloudFormation's own.
    const routeSettings: Record<string, Record<string, unknown>> = {};
    for (const route of PUBLIC_ROUTES) {
      const [created] = this.api.addRoutes({
        path: route.path,
        methods: [route.method],
        integration: integrations[route.target],
      });
      Validations.of(created).acknowledge({ id: 'AwsSolutions-APIG4', reason: route.openBecause });
      this.routes.push(created);
      if (route.throttled) {
        routeSettings[`${route.method} ${route.path}`] = {
          ThrottlingRateLimit: PUBLIC_READ_THROTTLE.rateLimit,
          ThrottlingBurstLimit: PUBLIC_READ_THROTTLE.burstLimit,
          // A route's settings replace the stage defaults for that route; keep its detailed metrics.
          DetailedMetricsEnabled: true,
        };
        // Route settings name routes by key; CloudFormation rejects a stage whose routes do not exist yet.
        this.stage.node.addDependency(created);
      }
    }
    (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;

    this.publicBaseUrl = this.domainName ? `https://${config.domainName}` : this.api.apiEndpoint;
    this.routeSettings = routeSettings;
  }

  private readonly routeSettings: Record<string, Record<string, unknown>>;

  /**
   * The live dashboard: its page and scripts are open (they carry no figures) and throttled as public reads; its
   * figures and its alerts need the authorizer's token.
   */
  addDashboard(handlers: { page: IFunction; alerts: IFunction }, authorizer: IHttpRouteAuthorizer): void {
    const integration = new HttpLambdaIntegration('Dashboard', handlers.page);
    for (const path of ['/dashboard', '/dashboard/chart.js', '/dashboard/dashboard.js', '/dashboard/alerts.js']) {
      const [created] = this.api.addRoutes({ path, methods: [HttpMethod.GET], integration });
      Validations.of(created).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          "The dashboard's page and scripts hold no figures: the page signs its user in with Cognito and sends the " +
          'access token to /dashboard/api/*, the only routes with data, which have the Cognito authorizer.',
      });
      this.routes.push(created);
      this.routeSettings[`GET ${path}`] = {
        ThrottlingRateLimit: PUBLIC_READ_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUBLIC_READ_THROTTLE.burstLimit,
        DetailedMetricsEnabled: true,
      };
      this.stage.node.addDependency(created);
    }
    const [figures] = this.api.addRoutes({
      path: '/dashboard/api/figures',
      methods: [HttpMethod.GET],
      integration,
      authorizer,
    });
    this.routes.push(figures);
    const alerts = new HttpLambdaIntegration('DashboardAlerts', handlers.alerts);
    for (const [path, method] of [
      ['/dashboard/api/alerts', HttpMethod.GET],
      ['/dashboard/api/alerts/reach', HttpMethod.GET],
      ['/dashboard/api/alerts', HttpMethod.POST],
    ] as const)
      this.routes.push(...this.api.addRoutes({ path, methods: [method], integration: alerts, authorizer }));
  }
}
