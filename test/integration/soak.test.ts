import { describe, expect, it } from 'vitest';
import { runSoak } from '../../bench/soak.ts';

// `npm run soak` at a small scale: five citizens from "Hi" to an instant certificate while every fault comes and
// goes (Graph API 500s for one recipient, DynamoDB throttling, S3 SlowDown, the household records down, the
// certificate function crashing). What they notice: every reply arrives once, and each gets one certificate.

describe('the load and fault suite', () => {
  it('loses and doubles nothing and issues each citizen one certificate under every fault', async () => {
    const result = await runSoak({ citizens: 5, thinkMs: 0, maxSeconds: 100 });
    expect(result.faults.graph500).toBeGreaterThan(0);
    expect(result.faults.dynamodbThrottled).toBeGreaterThan(0);
    expect(result.faults.s3SlowDown).toBeGreaterThan(0);
    expect(result.faults.recordsDown).toBeGreaterThan(0);
    expect(result.faults.crashes).toBeGreaterThan(0);
    expect(result).toMatchObject({ messages: 75, lost: 0, doubled: 0, certificates: 5, issuedTwice: 0 });
    // Every citizen's certificate came after their OTP and within the wait a reply is allowed.
    expect(result.certificateP50Ms).toBeGreaterThan(0);
    expect(result.certificateP99Ms).toBeGreaterThanOrEqual(result.certificateP50Ms);
    expect(result.certificateP99Ms).toBeLessThan(90_000);
  }, 120_000);
});
