import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the embedded runtime reads from `cdk synth` output: the same functions (by their bundles), table, routes,
 * stream mapping and state machines that deploy. Nothing here is written twice by hand.
 */
type Template = {
  Resources: Record<string, CfnResource>;
  Parameters?: Record<string, unknown>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }>;
};
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface FunctionSpec {
  logicalId: string;
  /** The short name the house construct gives every function (`webhook`, `sender`, …). */
  name: string;
  bundleDir: string;
  handlerFile: string;
  exportName: string;
  environment: Record<string, unknown>;
  /** Invocations it may run at once (`ReservedConcurrentExecutions`), when the stack reserves them. */
  reservedConcurrency?: number;
}

export interface CloudAssembly {
  dir: string;
  stackName: string;
  template: Template;
  functions: FunctionSpec[];
  functionByLogicalId(logicalId: string): FunctionSpec;
  functionByName(name: string): FunctionSpec;
  resourcesOfType(type: string): [string, CfnResource][];
}

class AssemblyError extends Error {}

type Manifest = { artifacts: Record<string, { type: string; properties?: { templateFile?: string } }> };

function readManifest(dir: string): Manifest | undefined {
  const manifestPath = join(dir, 'manifest.json');
  return existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : undefined;
}

/** Whether the cloud assembly holds this stack (the witness stack is synthesized only with `-c witness=true`). */
export function hasStack(dir: string, stackName: string): boolean {
  return readManifest(dir)?.artifacts[stackName]?.type === 'aws:cloudformation:stack';
}

export function readCloudAssembly(dir: string, stage = 'dev', stackName = `Mitra-${stage}`): CloudAssembly {
  const manifest = readManifest(dir);
  if (!manifest) throw new AssemblyError(`no cloud assembly at ${dir}: run \`npm run synth\` first`);
  const artifact = manifest.artifacts[stackName];
  if (artifact?.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) {
    throw new AssemblyError(`the cloud assembly at ${dir} has no stack ${stackName}: run \`npm run synth\``);
  }
  const template = JSON.parse(readFileSync(join(dir, artifact.properties.templateFile), 'utf8')) as Template;

  const functions: FunctionSpec[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const name = resource.Metadata?.['mitra:function'];
    const assetPath = resource.Metadata?.['aws:asset:path'];
    if (typeof name !== 'string' || typeof assetPath !== 'string') continue;
    const handler = String(resource.Properties?.Handler ?? 'index.handler');
    const dot = handler.lastIndexOf('.');
    const base = handler.slice(0, dot);
    const bundleDir = join(dir, assetPath);
    const handlerFile = ['.mjs', '.js', '.cjs']
      .map((ext) => join(bundleDir, base + ext))
      .find((file) => existsSync(file));
    if (!handlerFile)
      throw new AssemblyError(
        `the bundle of function ${name} (${bundleDir}) has no ${base}.mjs: run \`npm run synth\``,
      );
    const environment = ((resource.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
      ?.Variables ?? {}) as Record<string, unknown>;
    const reserved = Number(resource.Properties?.ReservedConcurrentExecutions);
    functions.push({
      logicalId,
      name,
      bundleDir,
      handlerFile,
      exportName: handler.slice(dot + 1),
      environment,
      ...(reserved > 0 ? { reservedConcurrency: reserved } : {}),
    });
  }
  if (functions.length === 0) throw new AssemblyError(`stack ${stackName} in ${dir} declares no Mitra functions`);

  return {
    dir,
    stackName,
    template,
    functions,
    functionByLogicalId(logicalId) {
      const found = functions.find((f) => f.logicalId === logicalId);
      if (!found) throw new AssemblyError(`no function ${logicalId} in ${stackName}`);
      return found;
    },
    functionByName(name) {
      const found = functions.find((f) => f.name === name);
      if (!found) throw new AssemblyError(`no function named ${name} in ${stackName}`);
      return found;
    },
    resourcesOfType(type) {
      return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
    },
  };
}

/** Newest modification time under the given paths, to tell whether cdk.out is older than the code it bundles. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirNames(path)) visit(join(path, entry));
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
    }
  };
  for (const path of paths) visit(path);
  return newest;
}

function readdirNames(path: string): string[] {
  return readdirSync(path).filter((name) => name !== 'node_modules');
}

/** The logical id a CloudFormation reference points at: `{ Ref }` or `{ Fn::GetAtt: [id, attr] }`. */
export function referencedLogicalId(value: unknown): { logicalId: string; attribute?: string } | undefined {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.Ref === 'string') return { logicalId: v.Ref };
    const getAtt = v['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string')
      return { logicalId: getAtt[0], attribute: String(getAtt[1]) };
  }
  return undefined;
}

/**
 * The KMS aliases the stack declares, alias name → the logical id of the key it targets: the embedded KMS creates
 * them as CloudFormation would (local/kms-server.ts), so signers that name an alias find the stack's key.
 */
export function keyAliases(assembly: CloudAssembly): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const [logicalId, alias] of assembly.resourcesOfType('AWS::KMS::Alias')) {
    const target = referencedLogicalId(alias.Properties?.TargetKeyId);
    const name = alias.Properties?.AliasName;
    if (!target || typeof name !== 'string') throw new Error(`alias ${logicalId} names no key`);
    aliases[name] = target.logicalId;
  }
  return aliases;
}
