/** Answers a `Ref` (no attribute) or an `Fn::GetAtt` (with one) for a resource of the template. */
type ResolveRef = (logicalId: string, attribute?: string) => string;

// The embedded runtime's account: the values the local emulators put into every ARN they mint.
const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'local',
  'AWS::AccountId': '000000000000',
  'AWS::URLSuffix': 'amazonaws.com',
};

interface TemplateResource {
  Type?: string;
  Properties?: Record<string, unknown>;
}

/**
 * The ASL of an `AWS::StepFunctions::StateMachine` in a synthesized template, with its intrinsics (CDK writes the
 * definition as an `Fn::Join` of JSON text and function ARNs) and DefinitionSubstitutions resolved, so the
 * embedded runtime runs exactly the definition that deploys.
 */
export function resolveDefinitionFromTemplate(
  template: object,
  stateMachineLogicalId: string,
  resolveRef: ResolveRef,
): Record<string, unknown> {
  const resources = (template as { Resources?: Record<string, TemplateResource> }).Resources ?? {};
  const resource = resources[stateMachineLogicalId];
  if (resource?.Type !== 'AWS::StepFunctions::StateMachine') {
    throw new Error(`'${stateMachineLogicalId}' is not an AWS::StepFunctions::StateMachine of the template`);
  }
  const properties = resource.Properties ?? {};
  const resolve = (value: unknown) => resolveIntrinsics(value, resolveRef);
  let text: string;
  if (properties.DefinitionString !== undefined) {
    const resolved = resolve(properties.DefinitionString);
    if (typeof resolved !== 'string') throw new Error(`${stateMachineLogicalId}: DefinitionString is not a string`);
    text = resolved;
  } else if (properties.Definition !== undefined) {
    text = JSON.stringify(resolve(properties.Definition));
  } else {
    throw new Error(`${stateMachineLogicalId}: only DefinitionString or Definition is supported (not an S3 location)`);
  }
  const substitutions = (properties.DefinitionSubstitutions ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(substitutions)) {
    // Plain text replacement, as CloudFormation does it: the value lands unescaped in the JSON.
    text = text.replaceAll('${' + key + '}', String(resolve(value)));
  }
  const definition: unknown = JSON.parse(text);
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw new Error(`${stateMachineLogicalId}: the definition is not a JSON object`);
  }
  return definition as Record<string, unknown>;
}

function resolveIntrinsics(value: unknown, resolveRef: ResolveRef): unknown {
  const resolve = (inner: unknown) => resolveIntrinsics(inner, resolveRef);
  if (Array.isArray(value)) return value.map(resolve);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [key, argument] = entries[0] ?? [];
  if (entries.length !== 1 || !key || !(key === 'Ref' || key.startsWith('Fn::'))) {
    return Object.fromEntries(entries.map(([k, v]) => [k, resolve(v)]));
  }
  switch (key) {
    case 'Ref':
      return PSEUDO_PARAMETERS[argument as string] ?? resolveRef(argument as string);
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = Array.isArray(argument) ? argument : String(argument).split(/\.(.*)/s);
      return resolveRef(String(logicalId), String(resolve(attribute)));
    }
    case 'Fn::Join': {
      const [separator, parts] = argument as [string, unknown];
      return (resolve(parts) as unknown[]).map(String).join(separator);
    }
    case 'Fn::Sub': {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
      return substitute(String(text), resolve(variables) as Record<string, unknown>, resolveRef);
    }
    case 'Fn::Select': {
      const [index, list] = argument as [unknown, unknown];
      return (resolve(list) as unknown[])[Number(resolve(index))];
    }
    case 'Fn::Split': {
      const [separator, text] = argument as [string, unknown];
      return String(resolve(text)).split(separator);
    }
    default:
      throw new Error(`${key} is not supported in a state machine definition run locally`);
  }
}

function substitute(text: string, variables: Record<string, unknown>, resolveRef: ResolveRef): string {
  return text.replace(/\$\{([^}]*)\}/g, (_match, name: string) => {
    if (name.startsWith('!')) return '${' + name.slice(1) + '}';
    if (name in variables) return String(variables[name]);
    if (name in PSEUDO_PARAMETERS) return PSEUDO_PARAMETERS[name]!;
    const dot = name.indexOf('.');
    return dot === -1 ? resolveRef(name) : resolveRef(name.slice(0, dot), name.slice(dot + 1));
  });
}
