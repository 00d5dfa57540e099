// The CDK app: `npx cdk synth` (stage dev), `npx cdk synth -c stage=prod`. Every context key is described in
// lib/stage-config.ts. The region is context `region`, which cdk.json pins to ap-south-1 so that citizens' data
// stays where it was meant to be whatever the deployer's CLI profile says; without it, the CLI's default region.
import { App } from 'aws-cdk-lib';
import { addMitraStack } from '../lib/mitra-app.ts';
import { StageConfigError } from '../lib/stage-config.ts';

const app = new App();
try {
  addMitraStack(app);
} catch (error) {
  // A wrong `-c key=value` is the operator's mistake, not a crash: say which key, without a stack trace.
  if (!(error instanceof StageConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
