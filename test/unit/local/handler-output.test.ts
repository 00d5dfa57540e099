import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeHandlerOutputReadable, readableLine } from '../../../local/handler-output.ts';

const metric = JSON.stringify({
  _aws: {
    Timestamp: 1796397655536,
    CloudWatchMetrics: [
      { Namespace: 'Mitra', Dimensions: [['service']], Metrics: [{ Name: 'DeliveryFailed', Unit: 'Count' }] },
    ],
  },
  service: 'webhook',
  DeliveryFailed: 1,
});
const warning = JSON.stringify({
  level: 'WARN',
  message: 'webhook rejected: missing or wrong signature',
  timestamp: '2026-12-04T15:20:43.986Z',
  service: 'webhook',
  cold_start: false,
  function_arn: 'arn:aws:lambda:local:000000000000:function:WebhookFunction6FF7199F',
  function_memory_size: '1024',
  function_name: 'webhook',
  function_request_id: '11ea845d-fe0a-45cd-bb02-974d641f0ed3',
  sampling_rate: 0,
  bytes: 2,
});

describe('what npm start shows of the handlers’ output', () => {
  it('leaves out metric records', () => {
    expect(readableLine(metric)).toBeUndefined();
  });

  it('shows a log record as one line: time, level, function, message and its own details, without the context', () => {
    const line = readableLine(warning)!;
    expect(line).toMatch(
      /^\d\d:\d\d:\d\d WARN {2}\[webhook\] webhook rejected: missing or wrong signature {2}bytes=2$/,
    );
    expect(line).not.toContain('function_arn');
  });

  it('keeps an error on the same line, with its name, message and where it was thrown', () => {
    const line = readableLine(
      JSON.stringify({
        level: 'ERROR',
        message: 'reply failed for good',
        service: 'sender',
        reason: 'window closed',
        error: {
          name: 'GraphError',
          message: 'Graph API answered 400\n(131047)',
          location: 'delivery.ts:42',
          stack: 'a\nb',
        },
      }),
    )!;
    expect(line).not.toContain('\n');
    expect(line).toContain('ERROR [sender] reply failed for good');
    expect(line).toContain('reason="window closed"');
    expect(line).toContain('error="GraphError: Graph API answered 400 (131047) at delivery.ts:42"');
  });

  it('passes every other line through unchanged', () => {
    for (const line of ['Mitra is running at http://127.0.0.1:3000', '{not json', '{"status":"ok"}', '[1,2]'])
      expect(readableLine(line)).toBe(line);
  });

  it('rewrites a stream line by line, even when a record arrives in pieces', () => {
    const sink = new PassThrough();
    let written = '';
    sink.on('data', (chunk) => (written += String(chunk)));
    const stream = sink as unknown as NodeJS.WriteStream;
    const restore = makeHandlerOutputReadable(stream);
    stream.write(`${metric}\nplain line\n`);
    stream.write(warning.slice(0, 40));
    stream.write(Buffer.from(`${warning.slice(40)}\n`));
    stream.write('prompt> ');
    restore();
    stream.write(`${metric}\n`);
    const lines = written.split('\n');
    expect(lines[0]).toBe('plain line');
    expect(lines[1]).toMatch(/WARN {2}\[webhook\] webhook rejected/);
    expect(lines[2]).toBe(`prompt> ${metric}`);
  });
});
