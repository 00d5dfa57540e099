import { bundleFigures } from './bundles.ts';
import { costFigures } from './cost.ts';
import { report } from './results-file.ts';

// `npm run bench`: every figure is measured beside its baseline in the same run; ratios, not absolute times, are
// what compare across machines. The cost model comes last because it uses the durations measured before it.
const measured = [...(await bundleFigures())];
report([...measured, ...costFigures(measured)]);
