import { type CfnElement, CfnResource, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * How cdk-nag spells `Fn::GetAtt [resource, attribute]` inside a finding id (`<ArchiveBucket1A2B3C4D.Arn>`), so an
 * acknowledgement can name the one wildcard it accepts instead of silencing a whole rule.
 */
export function nagAttribute(resource: IConstruct, attribute = 'Arn'): string {
  return `<${logicalIdOf(resource)}.${attribute}>`;
}

function logicalIdOf(resource: IConstruct): string {
  const element = CfnResource.isCfnResource(resource) ? resource : resource.node.defaultChild;
  if (!element || !CfnResource.isCfnResource(element)) {
    throw new Error(`${resource.node.path} has no CloudFormation resource to name in a cdk-nag finding`);
  }
  return Stack.of(element).getLogicalId(element as CfnElement);
}

/**
 * The AwsSolutions-IAM5 finding ids that cdk-nag will raise for one Allow statement with these actions and resources,
 * computed the way cdk-nag computes them, so the statement's author acknowledges exactly those and no others.
 */
export function wildcardFindings(
  scope: IConstruct,
  actions: readonly string[],
  resources: readonly string[],
): string[] {
  const stack = Stack.of(scope);
  const findings = [
    ...actions.filter((action) => action.includes('*')).map((action) => `Action::${action}`),
    ...resources
      .map((resource) => flatten(stack.resolve(resource)))
      .filter((resource) => resource.includes('*'))
      .map((resource) => `Resource::${resource}`),
  ];
  return [...new Set(findings)].map((finding) => `AwsSolutions-IAM5[${finding}]`);
}

// Mirrors cdk-nag's flattenCfnReference (src/utils/flatten-cfn-reference.ts).
function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const value = node as Record<string, unknown>;
    if (value['Fn::Join']) {
      const [delimiter, items] = value['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if (value['Fn::Sub']) return flatten(value['Fn::Sub']);
    if (value['Fn::GetAtt']) {
      const [resource, attribute] = value['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
    if (value['Fn::ImportValue']) return flatten(value['Fn::ImportValue']);
    if (value.Ref) return `<${flatten(value.Ref)}>`;
  }
  return JSON.stringify(node);
}
