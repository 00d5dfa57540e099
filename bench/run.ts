import { bundleFigures } from './bundles.ts';
import { report } from './results-file.ts';

// `npm run bench`: every figure is measured beside its baseline in the same run; ratios, not absolute times, are
// what compare across machines.
const figures = [...(await bundleFigures())];
report(figures);
