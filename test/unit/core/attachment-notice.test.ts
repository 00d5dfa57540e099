import { describe, expect, it } from 'vitest';
import { approvalRequest, attachmentReplies } from '#core/applications/approval.ts';
import { graphPayload } from '#core/whatsapp/outbound.ts';
import { services } from './citizen.ts';

const service = services.services.find((s) => s.id === 'municipal.building-permission')!;
const application = {
  applicationId: 'AP-0000000000AB',
  submittedAt: '2026-11-28T10:00:00Z',
  values: {
    'applicant-name': 'Ravi Kumar',
    address: '4-12 Gandhi Nagar, Tenali',
    'survey-number': '123/4A',
    'site-plan': 'inbound/919876543210/pdf-1',
    'site-plan:kind': 'pdf',
    mobile: '9876543210',
  },
};

describe("the officer's notice of an application with attachments", () => {
  it('says which attachments were sent, in English and Telugu, never where they are kept', () => {
    const english = approvalRequest(service, application, new Date('2026-12-20T00:00:00Z'), false, 'en');
    expect(english.type === 'buttons' && english.body).toContain('Site plan: PDF received');
    expect(english.type === 'buttons' && english.body).toContain('Attachments, sent below: Site plan');
    expect(JSON.stringify(english)).not.toContain('inbound/');
    const telugu = approvalRequest(service, application, new Date('2026-12-20T00:00:00Z'), false, 'te');
    expect(telugu.type === 'buttons' && telugu.body).toContain('జతపత్రాలు, కింద పంపినవి: స్థల ప్లాన్');
  });

  it("sends each attachment from the application's own copy, a PDF as a named document", () => {
    const [reply, ...rest] = attachmentReplies(service, application, 'en');
    expect(rest).toEqual([]);
    expect(reply).toEqual({
      type: 'media',
      bucket: 'media',
      key: 'applications/AP-0000000000AB/site-plan',
      mediaType: 'document',
      filename: 'AP-0000000000AB-site-plan.pdf',
      caption: 'Application AP-0000000000AB: Site plan',
    });
    if (reply?.type !== 'media') throw new Error('expected a media reply');
    expect(graphPayload('919000000001', reply, 'media-9')).toMatchObject({
      type: 'document',
      document: {
        id: 'media-9',
        filename: 'AP-0000000000AB-site-plan.pdf',
        caption: 'Application AP-0000000000AB: Site plan',
      },
    });
  });

  it('sends a photo as an image', () => {
    const values = { ...application.values, 'site-plan:kind': 'image' };
    const [reply] = attachmentReplies(service, { ...application, values }, 'en');
    if (reply?.type !== 'media') throw new Error('expected a media reply');
    expect(reply.mediaType).toBe('image');
    expect(graphPayload('919000000001', reply, 'media-9')).toMatchObject({
      type: 'image',
      image: { id: 'media-9', caption: 'Application AP-0000000000AB: Site plan' },
    });
  });

  it('sends nothing more for an application without attachments', () => {
    const { 'site-plan': _, 'site-plan:kind': __, ...values } = application.values;
    expect(attachmentReplies(service, { ...application, values }, 'en')).toEqual([]);
  });
});
