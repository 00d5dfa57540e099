import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  environmentOf,
  resourcesOfType,
  type SynthesizedMitra,
  statementsOfFunction,
  synthesizeMitra,
} from './mitra-template.ts';

let dev: SynthesizedMitra;
beforeAll(() => {
  dev = synthesizeMitra();
});

const routes = () =>
  Object.fromEntries(
    resourcesOfType(dev.template, 'AWS::ApiGatewayV2::Route').map(([, route]) => [
      String(route.Properties.RouteKey),
      route.Properties,
    ]),
  );

describe('the live dashboard', () => {
  it('needs a Cognito access token for its figures; its page and scripts, which hold none, are open', () => {
    const byKey = routes();
    expect(byKey['GET /dashboard/api/figures']).toMatchObject({ AuthorizationType: 'JWT' });
    for (const key of ['GET /dashboard', 'GET /dashboard/chart.js', 'GET /dashboard/dashboard.js'])
      expect(byKey[key]?.AuthorizationType ?? 'NONE').toBe('NONE');
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('signs in only accounts an administrator made, with a strong password and an authenticator app', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
    });
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  it('reads the live counters and nothing else: no write, only LIVE# keys', () => {
    const statements = statementsOfFunction(dev.template, 'dashboard');
    const actions = actionsOf(statements);
    expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:Query',
    ]);
    const table = statements.find((s) => actionsOf([s]).includes('dynamodb:GetItem')) as unknown as {
      Condition: unknown;
    };
    expect(table.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LIVE#*'] } });
    expect(Object.keys(environmentOf(dev.template, 'dashboard')).sort()).toEqual([
      'DASHBOARD_SIGN_IN',
      'MITRA_STAGE',
      'NODE_OPTIONS',
      'POWERTOOLS_SERVICE_NAME',
      'TABLE_NAME',
    ]);
  });

  it('tells the operator where it is and where its users are added', () => {
    const outputs = dev.template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['DashboardUrl', 'DashboardUserPoolId']));
  });
});
