import { describe, expect, it } from 'vitest';
import { buildCertificateRecord, CertificateRequestSchema } from '#core/certificate/request.ts';
import { sampleRequest } from './certificate-fixtures.ts';

// What a ticket from Mitra's own inventory states: a free appointment its PNR, slot and one person, and no payment;
// a hotel booking its rooms, never a passenger count.

const issue = { certId: 'q83vEjRWeJCrze8SNFZ4kA', issuedAt: '2026-12-01T04:30:00.000Z' };
const ticket = (serviceId: string, values: Record<string, string>, payment?: { paymentId: string; amount: number }) =>
  buildCertificateRecord(
    CertificateRequestSchema.parse(
      sampleRequest({
        serviceId,
        values: { ...values, 'hold-id': 'AP-0123456789AB' },
        ...(payment ? { payment } : {}),
        posting: { answer: { billerReference: 'T0123456789AB' } },
      }),
    ),
    issue,
  );
const factsOf = (record: ReturnType<typeof ticket>) =>
  Object.fromEntries(Object.entries(record.document.facts).map(([id, fact]) => [id, fact.value.en]));

describe('a ticket sold from Mitra’s own inventory', () => {
  it('for a free hospital appointment states the PNR, the slot and one person, and no amount paid', () => {
    const facts = factsOf(
      ticket('health.hospital-appointment', {
        'applicant-name': 'Ravi Kumar Reddy',
        district: 'guntur',
        'travel-date': '2026-12-09',
        'slot-time': '10:00',
        'service-code': 'District Hospital, Guntur',
        amount: '0',
      }),
    );
    expect(facts).toMatchObject({
      pnr: 'T0123456789AB',
      journey: 'District Hospital, Guntur · 09-12-2026 10:00',
      'passenger-count': '1',
    });
    expect(facts).not.toHaveProperty('amount-paid');
  });

  it('for Haritha rooms states the rooms and the amount paid, and no passenger count', () => {
    const facts = factsOf(
      ticket(
        'tourism.hotel-booking',
        {
          'haritha-hotel': 'haritha-srisailam',
          'travel-date': '2026-12-09',
          rooms: '2',
          'applicant-name': 'Ravi Kumar Reddy',
          'slot-time': '12:00',
          'service-code': 'Haritha Hotel, Srisailam',
          amount: '3000',
        },
        { paymentId: 'pay_0123456789', amount: 3000 },
      ),
    );
    expect(facts).toMatchObject({ rooms: '2', 'amount-paid': '₹3,000' });
    expect(facts).not.toHaveProperty('passenger-count');
  });
});
