import { describe, expect, it } from 'vitest';
import { prepareDefinition } from '../../local/step-functions/definition.ts';
import { resolveDefinitionFromTemplate } from '../../local/step-functions/index.ts';

const resolveRef = (logicalId: string, attribute?: string) =>
  attribute ? `arn:aws:lambda:local:000000000000:function:${logicalId}` : `ref-${logicalId}`;

const template = (properties: Record<string, unknown>) => ({
  Resources: { Workflow: { Type: 'AWS::StepFunctions::StateMachine', Properties: properties } },
});

describe('resolveDefinitionFromTemplate', () => {
  it('joins the JSON text of a CDK DefinitionString around the ARNs it references', () => {
    const definition = resolveDefinitionFromTemplate(
      template({
        DefinitionString: {
          'Fn::Join': [
            '',
            [
              '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:',
              { Ref: 'AWS::Partition' },
              ':states:::lambda:invoke","Parameters":{"FunctionName":"',
              { 'Fn::GetAtt': ['ValidateFn', 'Arn'] },
              '","Payload.$":"$"},"End":true}}}',
            ],
          ],
        },
      }),
      'Workflow',
      resolveRef,
    );
    expect(definition).toEqual({
      StartAt: 'A',
      States: {
        A: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'arn:aws:lambda:local:000000000000:function:ValidateFn', 'Payload.$': '$' },
          End: true,
        },
      },
    });
  });

  it('resolves Fn::Sub, pseudo parameters and DefinitionSubstitutions', () => {
    const definition = resolveDefinitionFromTemplate(
      template({
        DefinitionString: {
          'Fn::Sub': [
            // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub's own ${} syntax, not a JS template
            '{"Comment":"${AWS::Region} ${AWS::AccountId} ${AWS::URLSuffix} ${Table} ${Fn.Arn} ${!Literal} ${Extra}","StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}',
            { Extra: { Ref: 'Queue' } },
          ],
        },
        DefinitionSubstitutions: { Literal: { 'Fn::GetAtt': 'Fn.Arn' } },
      }),
      'Workflow',
      resolveRef,
    );
    expect(definition.Comment).toBe(
      'local 000000000000 amazonaws.com ref-Table arn:aws:lambda:local:000000000000:function:Fn ' +
        'arn:aws:lambda:local:000000000000:function:Fn ref-Queue',
    );
  });

  it('accepts a plain DefinitionString and names what it cannot resolve', () => {
    const plain = '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}';
    expect(resolveDefinitionFromTemplate(template({ DefinitionString: plain }), 'Workflow', resolveRef)).toEqual(
      JSON.parse(plain),
    );
    expect(() => resolveDefinitionFromTemplate(template({ DefinitionString: plain }), 'Missing', resolveRef)).toThrow(
      /'Missing' is not an AWS::StepFunctions::StateMachine/,
    );
    expect(() =>
      resolveDefinitionFromTemplate(
        template({ DefinitionString: { 'Fn::ImportValue': 'Shared' } }),
        'Workflow',
        resolveRef,
      ),
    ).toThrow(/Fn::ImportValue is not supported/);
  });
});

describe('prepareDefinition', () => {
  const pass = { Type: 'Pass', End: true };

  it('restores AWS semantics of ResultPath "$", which the library writes into a key named "$"', async () => {
    const { runnable } = prepareDefinition({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Result: { replaced: true }, ResultPath: '$', End: true } },
    });
    await expect(runnable.run({ original: true }).result).resolves.toEqual({ replaced: true });
  });

  it('indexes every Task, nested ones included, and takes Wait states and timeouts out of the library', () => {
    const { states, timeoutSeconds } = prepareDefinition({
      StartAt: 'Wait',
      TimeoutSeconds: 600,
      States: {
        Wait: { Type: 'Wait', Seconds: 5, Next: 'Checks' },
        Checks: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Callback',
              States: {
                Callback: {
                  Type: 'Task',
                  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
                  Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } },
                  HeartbeatSeconds: 60,
                  TimeoutSeconds: 3600,
                  End: true,
                },
              },
            },
            {
              StartAt: 'Direct',
              States: { Direct: { Type: 'Task', Resource: 'arn:aws:lambda:local:000000000000:function:f', End: true } },
            },
          ],
          End: true,
        },
      },
    });
    expect(timeoutSeconds).toBe(600);
    expect(Object.fromEntries(states)).toEqual({
      Wait: { kind: 'wait', seconds: 5 },
      Callback: {
        kind: 'task',
        target: { kind: 'lambda-invoke' },
        callback: true,
        heartbeatSeconds: 60,
        timeoutSeconds: 3600,
      },
      Direct: {
        kind: 'task',
        target: { kind: 'lambda-function', functionArn: 'arn:aws:lambda:local:000000000000:function:f' },
        callback: false,
      },
    });
  });

  it('refuses at start-up what it would otherwise run differently from AWS', () => {
    expect(() => prepareDefinition({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: pass } })).toThrow(/JSONata/);
    expect(() => prepareDefinition({ StartAt: 'Nowhere', States: { P: pass } })).toThrow(/invalid/);
  });
});
