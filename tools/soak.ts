import { parseArgs } from 'node:util';
import { report } from '../bench/results-file.ts';
import { runSoak } from '../bench/soak.ts';

// `npm run soak [-- --citizens 200 --think-ms 1000 --max-seconds 900 --without-faults]`: the load and fault suite on
// the embedded runtime (loopback only). Prints what the citizens saw and merges the soak figures into
// bench/results.json; `--without-faults` runs the same load with no fault, as `soak.without_faults.*`.
const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '200' },
    'think-ms': { type: 'string', default: '1000' },
    'max-seconds': { type: 'string', default: '900' },
    verbose: { type: 'boolean', default: false },
    'without-faults': { type: 'boolean', default: false },
  },
});
const number = (name: string, text: string, max: number) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    console.error(`--${name} must be a whole number from 0 to ${max}`);
    process.exit(2);
  }
  return value;
};
const citizens = number('citizens', values.citizens, 2000);
if (citizens === 0) {
  console.error('--citizens must be at least 1');
  process.exit(2);
}
const result = await runSoak({
  citizens,
  thinkMs: number('think-ms', values['think-ms'], 60_000),
  maxSeconds: number('max-seconds', values['max-seconds'], 3600),
  faults: !values['without-faults'],
  ...(values.verbose ? { log: (line: string) => console.error(line) } : {}),
});
console.log(
  [
    `citizens             ${result.citizens} in ${Math.round(result.seconds)} s`,
    `messages             ${result.messages}`,
    `lost                 ${result.lost}`,
    `doubled              ${result.doubled}`,
    `reply p50 / p99      ${Math.round(result.replyP50Ms)} ms / ${Math.round(result.replyP99Ms)} ms`,
    `certificates issued  ${result.certificates}, p50 / p99 ${Math.round(result.certificateP50Ms)} ms / ${Math.round(result.certificateP99Ms)} ms from the OTP`,
    `issued twice         ${result.issuedTwice}`,
    `calls per message    DynamoDB ${(result.calls.dynamodb / Math.max(1, result.messages)).toFixed(1)}, S3 ${(result.calls.s3 / Math.max(1, result.messages)).toFixed(1)}`,
    `event loop delay     p50 ${result.eventLoopDelayMs.p50.toFixed(0)} ms, p99 ${result.eventLoopDelayMs.p99.toFixed(0)} ms, at most ${result.eventLoopDelayMs.max.toFixed(0)} ms`,
    `set aside            ${result.setAside.streamRecords} stream records, ${result.setAside.parkedReplies} replies left parked`,
    `faults injected      ${Object.entries(result.faults)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ')}`,
    '',
  ].join('\n'),
);
const prefix = values['without-faults'] ? 'soak.without_faults' : 'soak';
report([
  { name: `${prefix}.messages`, value: result.messages, unit: 'messages' },
  { name: `${prefix}.lost`, value: result.lost, unit: 'messages' },
  { name: `${prefix}.doubled`, value: result.doubled, unit: 'messages' },
  { name: `${prefix}.reply_p50_ms`, value: result.replyP50Ms, unit: 'ms' },
  { name: `${prefix}.reply_p99_ms`, value: result.replyP99Ms, unit: 'ms' },
  { name: `${prefix}.certificates`, value: result.certificates, unit: 'certificates' },
  { name: `${prefix}.certificate_p50_ms`, value: result.certificateP50Ms, unit: 'ms' },
  { name: `${prefix}.certificate_p99_ms`, value: result.certificateP99Ms, unit: 'ms' },
  { name: `${prefix}.issued_twice`, value: result.issuedTwice, unit: 'certificates' },
  { name: `${prefix}.event_loop_delay_p99_ms`, value: result.eventLoopDelayMs.p99, unit: 'ms' },
]);
process.exit(result.lost === 0 && result.doubled === 0 && result.issuedTwice === 0 ? 0 : 1);
