import { parseArgs } from 'node:util';
import { report } from '../bench/results-file.ts';
import { runSoak } from '../bench/soak.ts';

// `npm run soak [-- --citizens 200 --think-ms 1000 --max-seconds 900]`: the load and fault suite on the embedded
// runtime (loopback only). Prints what the citizens saw and merges the soak figures into bench/results.json.
const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '200' },
    'think-ms': { type: 'string', default: '1000' },
    'max-seconds': { type: 'string', default: '900' },
    verbose: { type: 'boolean', default: false },
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
  ...(values.verbose ? { log: (line: string) => console.error(line) } : {}),
});
console.log(
  [
    `citizens             ${result.citizens} in ${Math.round(result.seconds)} s`,
    `messages             ${result.messages}`,
    `lost                 ${result.lost}`,
    `doubled              ${result.doubled}`,
    `reply p50 / p99      ${Math.round(result.replyP50Ms)} ms / ${Math.round(result.replyP99Ms)} ms`,
    `certificates issued  ${result.certificates}`,
    `issued twice         ${result.issuedTwice}`,
    `calls per message    DynamoDB ${(result.calls.dynamodb / Math.max(1, result.messages)).toFixed(1)}, S3 ${(result.calls.s3 / Math.max(1, result.messages)).toFixed(1)}`,
    `set aside            ${result.setAside.streamRecords} stream records, ${result.setAside.parkedReplies} replies left parked`,
    `faults injected      ${Object.entries(result.faults)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ')}`,
    '',
  ].join('\n'),
);
report([
  { name: 'soak.messages', value: result.messages, unit: 'messages' },
  { name: 'soak.lost', value: result.lost, unit: 'messages' },
  { name: 'soak.doubled', value: result.doubled, unit: 'messages' },
  { name: 'soak.reply_p50_ms', value: result.replyP50Ms, unit: 'ms' },
  { name: 'soak.reply_p99_ms', value: result.replyP99Ms, unit: 'ms' },
  { name: 'soak.certificates', value: result.certificates, unit: 'certificates' },
  { name: 'soak.issued_twice', value: result.issuedTwice, unit: 'certificates' },
]);
process.exit(result.lost === 0 && result.doubled === 0 && result.issuedTwice === 0 ? 0 : 1);
