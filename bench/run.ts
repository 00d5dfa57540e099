import { bookingFigures } from './bookings.ts';
import { bundleFigures } from './bundles.ts';
import { certificateFigures } from './certificate.ts';
import { costFigures } from './cost.ts';
import { endToEndFigures } from './end-to-end.ts';
import { lakeEventFigures } from './lake-events.ts';
import { report } from './results-file.ts';
import { transparencyLogFigures } from './transparency-log.ts';
import { turnItemFigures } from './turn-items.ts';
import { understandingFigures } from './understanding.ts';
import { webhookFigures } from './webhook.ts';

// `npm run bench`: every figure is measured beside its baseline in the same run; ratios, not absolute times, are
// what compare across machines. The cost model comes last because it uses the durations measured before it.
const measured = [
  ...(await bundleFigures()),
  ...(await webhookFigures()),
  ...(await certificateFigures()),
  ...(await transparencyLogFigures()),
  ...(await bookingFigures()),
  ...(await endToEndFigures()),
  ...(await lakeEventFigures()),
  ...understandingFigures(),
  ...turnItemFigures(),
];
report([...measured, ...costFigures(measured)]);
