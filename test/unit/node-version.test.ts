import { describe, expect, it } from 'vitest';

describe('test runtime', () => {
  it('runs on Node 24, the Lambda runtime', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
