import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { locationRequest } from '#core/grievances/actions.ts';
import { grievanceNotice } from '#core/grievances/perform.ts';
import { fitReply } from '#core/whatsapp/limits.ts';
import { graphPayload } from '#core/whatsapp/outbound.ts';

const services = catalog();
const powerComplaint = services.services.find((s) => s.id === 'energy.power-complaint')!;
const record = {
  applicationId: 'AP-000000000001',
  serviceId: powerComplaint.id,
  waId: '919876543210',
  language: 'en' as const,
  state: 'awaiting-approval',
  submittedAt: '2026-12-04T08:00:00.000Z',
  dueAt: '2026-12-05T12:30:00.000Z',
  values: {
    'consumer-number': '1234567890123',
    complaint: 'No power in our street since last night',
    latitude: '16.4167',
    longitude: '80.4542',
  },
  department: 'energy',
  district: 'guntur',
  grievance: {},
};

describe("the officer's notice of a grievance", () => {
  it('shows the citizen by a masked number, the shared place as a map link, and Accept / Transfer', () => {
    const notice = grievanceNotice(powerComplaint, record, services, 'en', false);
    if (notice.type !== 'buttons') throw new Error('a notice with buttons');
    // Stars print as the asterisk operator, so WhatsApp does not read them as bold.
    expect(notice.body).toContain(`${'\u2217'.repeat(8)}3210`);
    expect(notice.body).not.toContain('919876543210');
    expect(notice.body).toContain('https://maps.google.com/?q=16.4167,80.4542');
    expect(notice.buttons.map((b) => b.title)).toEqual(['Accept', 'Transfer']);
  });

  it('says, in Telugu too, when no officer is registered for the place and it came to the district officer', () => {
    const notice = grievanceNotice(powerComplaint, record, services, 'te', true);
    if (notice.type !== 'buttons') throw new Error('a notice with buttons');
    expect(notice.body).toContain('జిల్లా అధికారిగా');
    expect(notice.buttons.map((b) => b.title)).toEqual(['స్వీకరించు', 'బదిలీ']);
  });
});

describe("WhatsApp's location request", () => {
  it("goes out as Meta's location_request_message with the send_location action, within the body limit", () => {
    const request = locationRequest('te');
    if (request.type !== 'location-request') throw new Error('a location request');
    const { reply, problems } = fitReply(request);
    expect(problems).toEqual([]);
    expect(graphPayload('919876543210', reply)).toMatchObject({
      type: 'interactive',
      interactive: { type: 'location_request_message', action: { name: 'send_location' } },
    });
  });
});
