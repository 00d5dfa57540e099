import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MitraStack } from './mitra-stack.ts';
import { readStageConfig } from './stage-config.ts';
import { WitnessStack } from './witness-stack.ts';

/**
 * Adds the Mitra stack for the stage in the app's context, with cdk-nag's AwsSolutions checks on the whole app:
 * any finding not acknowledged, with its reason, next to the code that causes it fails synthesis. bin/mitra.ts and
 * the infra tests both build the app through here, so the tests check what `cdk synth` deploys.
 */
export function addMitraStack(app: App, env: NodeJS.ProcessEnv = process.env): MitraStack {
  const config = readStageConfig((key) => app.node.tryGetContext(key), env);
  const stack = new MitraStack(app, `Mitra-${config.stage}`, {
    // The account only when the CLI knows it: synth works offline with no credentials.
    env: { region: config.region, ...(config.account ? { account: config.account } : {}) },
    description: `Mitra (${config.stage}): WhatsApp governance — civil services and verifiable certificates`,
    config,
    tags: { project: 'mitra', stage: config.stage },
  });
  if (config.witness) {
    // Deployed with `cdk deploy --all -c witness=true`: a stack of its own, so its key and state answer to nobody
    // who administers the Mitra stack alone.
    new WitnessStack(app, `Mitra-${config.stage}-Witness`, {
      env: { region: config.region, ...(config.account ? { account: config.account } : {}) },
      description: `Mitra (${config.stage}): witness that co-signs the transparency log's checkpoints`,
      config,
      imports: stack.exports,
      tags: { project: 'mitra', stage: config.stage },
    }).addStackDependency(stack, 'imports the archive and the public URL');
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
