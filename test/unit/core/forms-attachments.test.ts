import { describe, expect, it } from 'vitest';
import { type Field, FieldSchema } from '#core/catalog/schema.ts';
import { validateAttachment, validateField } from '#core/forms/validators.ts';
import { services } from './citizen.ts';

const sitePlan = FieldSchema.parse({
  id: 'site-plan',
  type: 'attachment',
  label: { en: 'Site plan', te: 'స్థల ప్లాన్' },
  prompt: { en: 'Send the site plan.', te: 'స్థల ప్లాన్ పంపండి.' },
});
const photoOnly: Field = { ...sitePlan, accepts: ['image'] };
const key = 'inbound/919876543210/m-1';

describe('attachment answers', () => {
  it('takes a JPEG or PNG photo as the key of the kept media', () => {
    expect(validateAttachment(sitePlan, { mediaType: 'image', mimeType: 'image/jpeg', key })).toEqual({
      ok: true,
      value: key,
      kind: 'image',
    });
    expect(validateAttachment(sitePlan, { mediaType: 'image', mimeType: 'image/png', key })).toMatchObject({
      ok: true,
      kind: 'image',
    });
  });

  it('takes a PDF known by its MIME type, or by its name when WhatsApp gives no type', () => {
    expect(validateAttachment(sitePlan, { mediaType: 'document', mimeType: 'application/pdf', key })).toMatchObject({
      ok: true,
      kind: 'pdf',
    });
    expect(validateAttachment(sitePlan, { mediaType: 'document', filename: 'Plan.PDF', key })).toMatchObject({
      ok: true,
      kind: 'pdf',
    });
  });

  it('refuses voice notes, videos, stickers and documents that are no PDF', () => {
    const refused = [
      { mediaType: 'audio', mimeType: 'audio/ogg; codecs=opus' },
      { mediaType: 'video', mimeType: 'video/mp4' },
      { mediaType: 'sticker', mimeType: 'image/webp' },
      { mediaType: 'document', mimeType: 'application/msword', filename: 'plan.doc' },
      // A name is not enough when the type says otherwise.
      { mediaType: 'document', mimeType: 'text/plain', filename: 'plan.pdf' },
    ] as const;
    for (const media of refused)
      expect(validateAttachment(sitePlan, { ...media, key })).toEqual({ ok: false, error: 'attachmentWrongType' });
  });

  it('asks for a photo when the question takes only a photo and a PDF was sent', () => {
    expect(validateAttachment(photoOnly, { mediaType: 'document', mimeType: 'application/pdf', key })).toEqual({
      ok: false,
      error: 'attachmentPhotoExpected',
    });
  });

  it('answers typed text with the request for a photo or a PDF', () => {
    expect(validateField(sitePlan, 'here it is', new Date(), 'en')).toEqual({
      ok: false,
      error: 'attachmentExpected',
      values: undefined,
    });
    expect(validateField(photoOnly, 'sent', new Date(), 'te')).toMatchObject({ error: 'attachmentPhotoExpected' });
  });
});

describe('attachment questions in the catalog', () => {
  it('are never printed on a document', () => {
    expect(FieldSchema.safeParse({ ...sitePlan, printed: true }).success).toBe(false);
  });

  it('say what they accept only when they are attachments', () => {
    const name = services.services[0]!.fields[0]!;
    expect(FieldSchema.safeParse({ ...name, accepts: ['pdf'] }).success).toBe(false);
  });

  it('are asked by a handful of services an officer decides', () => {
    const asking = services.services.filter((s) => s.fields.some((f) => f.type === 'attachment'));
    expect(asking.length).toBeGreaterThanOrEqual(5);
    expect(asking.length).toBeLessThanOrEqual(10);
    for (const service of asking) expect(service.officerApproval, service.id).toBe(true);
  });
});
