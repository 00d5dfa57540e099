import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Language } from '#core/catalog/schema.ts';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { mediaKey } from '#core/media-keys.ts';
import { Citizen } from './citizen.ts';

const SERVICE = 'municipal.building-permission';
const photo = { type: 'media', mediaType: 'image', mediaId: 'photo-1', mimeType: 'image/jpeg' } as const;
const pdf = {
  type: 'media',
  mediaType: 'document',
  mediaId: 'pdf-1',
  mimeType: 'application/pdf',
  filename: 'site-plan.pdf',
} as const;

/** A citizen at the building permission's site plan question (after name, address and survey number). */
function atSitePlan(language: Language = 'en'): Citizen {
  const citizen = new Citizen().ready(language);
  citizen.tap(`svc:${SERVICE}`);
  citizen.text('Ravi Kumar');
  citizen.text('4-12 Gandhi Nagar, Tenali');
  citizen.text('123/4A');
  return citizen;
}

const fieldAsked = (citizen: Citizen) => (citizen.session.step.name === 'form' ? citizen.session.step.fieldIndex : -1);

describe('a question that asks for a photo or a PDF', () => {
  it('asks for the site plan as a photo or a PDF', () => {
    const citizen = atSitePlan();
    expect(citizen.said).toContain('site plan');
    expect(citizen.said).toContain('photo or a PDF');
  });

  it('takes a photo as the answer, kept under its key in the media bucket, and is no QR scan', () => {
    const citizen = atSitePlan();
    const turn = citizen.send(photo);
    expect(turn.effects).toEqual([]);
    expect(citizen.said).not.toContain('QR');
    expect(citizen.said).toContain('mobile number');
    const step = citizen.session.step;
    expect(step.name === 'form' && step.values).toMatchObject({
      'site-plan': mediaKey({ waId: citizen.waId, mediaId: 'photo-1' }, DEFAULT_SETTINGS.aadhaarHashKey),
      'site-plan:kind': 'image',
    });
  });

  it('takes a PDF as the answer', () => {
    const citizen = atSitePlan();
    citizen.send(pdf);
    const step = citizen.session.step;
    expect(step.name === 'form' && step.values).toMatchObject({
      'site-plan': mediaKey({ waId: citizen.waId, mediaId: 'pdf-1' }, DEFAULT_SETTINGS.aadhaarHashKey),
      'site-plan:kind': 'pdf',
    });
  });

  it('answers typed text with a request for a photo or a PDF, in English and in Telugu', () => {
    const english = atSitePlan('en');
    const at = fieldAsked(english);
    english.text('I will bring it to the office');
    expect(english.said).toContain('Please send a photo or a PDF here');
    expect(fieldAsked(english)).toBe(at);

    const telugu = atSitePlan('te');
    telugu.text('తర్వాత ఇస్తాను');
    expect(telugu.said).toContain('దయచేసి ఇక్కడ ఫోటో లేదా PDF పంపండి');
  });

  it('refuses a voice note, a video or a document that is no PDF, saying what it takes', () => {
    for (const media of [
      { type: 'media', mediaType: 'audio', mediaId: 'a-1', mimeType: 'audio/ogg; codecs=opus' },
      { type: 'media', mediaType: 'video', mediaId: 'v-1', mimeType: 'video/mp4' },
      {
        type: 'media',
        mediaType: 'document',
        mediaId: 'd-1',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        filename: 'plan.docx',
      },
    ] as const) {
      const citizen = atSitePlan();
      const at = fieldAsked(citizen);
      const turn = citizen.send(media);
      expect(turn.effects).toEqual([]);
      expect(citizen.said).toContain('only a photo (JPEG or PNG) or a PDF document');
      expect(fieldAsked(citizen)).toBe(at);
    }
  });

  it('shows "photo received" or "PDF received" in the summary, never the key, in both languages', () => {
    for (const [language, sent, wording] of [
      ['en', photo, 'Site plan: photo received'],
      ['en', pdf, 'Site plan: PDF received'],
      ['te', photo, 'స్థల ప్లాన్: ఫోటో అందింది'],
      ['te', pdf, 'స్థల ప్లాన్: PDF అందింది'],
    ] as const) {
      const citizen = atSitePlan(language);
      citizen.send(sent);
      citizen.text('9876543210');
      expect(citizen.session.step.name).toBe('confirm');
      expect(citizen.said).toContain(wording);
      expect(citizen.said).not.toContain('inbound/');
    }
  });

  it('still checks a photo for a QR code at a question that takes none', () => {
    const citizen = new Citizen().ready();
    citizen.tap(`svc:${SERVICE}`);
    const turn = citizen.send(photo);
    expect(turn.effects).toEqual([
      {
        type: 'scan-certificate',
        waId: citizen.waId,
        mediaKey: mediaKey({ waId: citizen.waId, mediaId: 'photo-1' }, DEFAULT_SETTINGS.aadhaarHashKey),
        language: 'en',
      },
    ]);
    expect(fieldAsked(citizen)).toBe(0);
  });
});

describe('where an inbound photo is kept', () => {
  const secret = 'a-deployment-secret-of-at-least-32-characters';

  it('keys it by a keyed digest of the number, never the number, the same for a redelivered message', () => {
    const key = mediaKey({ waId: '919876543210', mediaId: '4497616769238121' }, secret);
    expect(key).toMatch(/^inbound\/[0-9a-f]{32}\/4497616769238121$/);
    expect(key).not.toContain('9876543210');
    expect(mediaKey({ waId: '919876543210', mediaId: '4497616769238121' }, secret)).toBe(key);
    expect(mediaKey({ waId: '919876543211', mediaId: '4497616769238121' }, secret)).not.toBe(key);
  });

  it('cannot be found by hashing every possible number without the secret', () => {
    const key = mediaKey({ waId: '919876543210', mediaId: 'm' }, secret);
    const unkeyed = createHash('sha256').update('mitra-inbound-media\n919876543210').digest('hex').slice(0, 32);
    expect(key).not.toContain(unkeyed);
    expect(mediaKey({ waId: '919876543210', mediaId: 'm' }, 'another-secret-of-at-least-32-characters')).not.toBe(key);
  });
});
