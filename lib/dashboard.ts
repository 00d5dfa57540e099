import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { HttpApi } from './http-api.ts';
import { MitraFunction, type TableRef } from './mitra-function.ts';
import type { OperationsKey } from './operations-key.ts';
import type { StageConfig } from './stage-config.ts';

export interface DashboardProps {
  readonly config: StageConfig;
  readonly operationsKey: OperationsKey;
  readonly table: TableRef;
  readonly api: HttpApi;
  /** The approved template alerts go as, shown to the operator who composes one. */
  readonly alertTemplate: string;
}

/** The Cognito group whose members may send alerts from the dashboard; the others see its figures only. */
const ALERT_SENDERS_GROUP = 'alert-senders';

/**
 * The live dashboard at /dashboard: a function that serves the page and today's figures from the live counters, and
 * the Cognito user pool its users sign in with. Accounts are created by an administrator only (no self sign-up),
 * with a strong password and an authenticator app. The page and its scripts carry no figures and are open; the
 * figures route takes only an access token of this pool's dashboard client. Its alerts (reach, send, progress) are a
 * second function, which alone may start campaigns, for the members of the alert senders' group only.
 */
export class Dashboard extends Construct {
  readonly function: MitraFunction;
  /** The dashboard's alerts: reach, sending (as `npm run alert` does) and progress. */
  readonly alertDesk: MitraFunction;
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** Where the dashboard is, and where Cognito sends its users back to. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const { config } = props;
    this.url = `${props.api.publicBaseUrl}/dashboard`;

    this.userPool = new UserPool(this, 'Users', {
      userPoolName: `mitra-${config.stage}-dashboard`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: config.removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Threat protection needs the Plus feature plan, priced per user; the dashboard has a few administrator-made ' +
        'accounts, each with a strong password and a required authenticator app, and reads only aggregate counts.',
    });
    this.domain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: `mitra-${config.stage}-${Stack.of(this).account}` },
    });
    this.client = this.userPool.addClient('Dashboard', {
      generateSecret: false,
      // The hosted sign-in only: no password or refresh flow reaches the pool from the page.
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [this.url],
        logoutUrls: [this.url],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
    });

    const signIn = this.domain.baseUrl();
    this.function = new MitraFunction(this, 'Function', {
      config,
      operationsKey: props.operationsKey,
      name: 'dashboard',
      description: "The live dashboard's page and today's figures from the live counters",
      memorySize: 256,
      timeout: Duration.seconds(10),
      bundleFiles: ['node_modules/chart.js/dist/chart.umd.js'],
    })
      // The live counters, nothing else of the table.
      .useTable(props.table, 'read', { leadingKeys: ['LIVE#*'] })
      .addEnvironment(
        'DASHBOARD_SIGN_IN',
        Stack.of(this).toJsonString({
          authorizeUrl: `${signIn}/oauth2/authorize`,
          tokenUrl: `${signIn}/oauth2/token`,
          logoutUrl: `${signIn}/logout`,
          clientId: this.client.userPoolClientId,
          redirectUri: this.url,
        }),
      );

    new CfnUserPoolGroup(this, 'AlertSenders', {
      userPoolId: this.userPool.userPoolId,
      groupName: ALERT_SENDERS_GROUP,
      description: 'May send alerts to opted-in citizens from the dashboard',
    });
    this.alertDesk = new MitraFunction(this, 'AlertDesk', {
      config,
      operationsKey: props.operationsKey,
      name: 'alert-desk',
      description:
        "The dashboard's alerts: how many citizens one would reach, sending it, and its recipients' statuses",
      memorySize: 256,
      timeout: Duration.seconds(10),
    })
      // Counts subscribers, reads campaigns and their recipients' outbox statuses; writes only new campaigns.
      .useTable(props.table, 'read', { leadingKeys: ['ALERTS#*', 'CAMPAIGN#*', 'CAMPAIGNS#*', 'OUTBOX#*'] })
      .putIntoTable(props.table, ['CAMPAIGN#*', 'CAMPAIGNS#*'])
      .addEnvironment('WHATSAPP_ALERT_TEMPLATE', props.alertTemplate)
      .addEnvironment('ALERT_SENDERS', ALERT_SENDERS_GROUP);

    props.api.addDashboard(
      { page: this.function.function, alerts: this.alertDesk.function },
      new HttpUserPoolAuthorizer('DashboardSignIn', this.userPool, { userPoolClients: [this.client] }),
    );
  }
}
