import { describe, expect, it } from 'vitest';
import { mayRevoke, RevocationReasonSchema } from '#core/certificate/revocation.ts';
import type { Officer } from '#core/officers.ts';

const tahsildar: Officer = {
  id: 'REV-GNT-0042',
  waId: '919000000042',
  name: 'K. Srinivas',
  department: 'Revenue Department',
  role: 'tahsildar',
};

describe('who may revoke a certificate', () => {
  it('lets a revoking officer of the service’s department revoke, recorded by officer number only', () => {
    expect(mayRevoke(tahsildar, { serviceId: 'revenue.income-certificate' })).toEqual({
      allowed: true,
      revokedBy: 'officer:REV-GNT-0042',
    });
  });

  it('refuses an officer of another department and a clerk', () => {
    expect(mayRevoke(tahsildar, { serviceId: 'municipal.birth-certificate' })).toMatchObject({ allowed: false });
    expect(mayRevoke({ ...tahsildar, role: 'clerk' }, { serviceId: 'revenue.income-certificate' })).toEqual({
      allowed: false,
      why: 'a clerk cannot revoke certificates',
    });
  });

  it('takes a reason of 3 to 200 characters on one line', () => {
    expect(RevocationReasonSchema.parse('  Issued\non a  forged\tstatement ')).toBe('Issued on a forged statement');
    expect(RevocationReasonSchema.safeParse('no').success).toBe(false);
    expect(RevocationReasonSchema.safeParse('x'.repeat(201)).success).toBe(false);
  });
});
