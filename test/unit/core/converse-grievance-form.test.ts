import { describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '#core/conversation/context.ts';
import { typedPlaceValues } from '#core/grievances/place.ts';
import { Citizen } from './citizen.ts';

const AADHAAR = '234567890124';
const GUNTUR_SUBSTATION = { latitude: 16.3066, longitude: 80.4365 };

/** A power-supply complaint up to its place: consumer number, complaint, district. */
function powerComplaint(language: 'en' | 'te' = 'en'): Citizen {
  const citizen = new Citizen().ready(language);
  citizen.tap('svc:energy.power-complaint');
  citizen.text('1234567890');
  citizen.text('No power in our street since last night, the transformer sparked.');
  citizen.tap('opt:guntur');
  return citizen;
}

function locationShared(citizen: Citizen) {
  return citizen.send({ type: 'location', ...GUNTUR_SUBSTATION });
}

/** A power-supply complaint the same citizen registered 3 hours ago, at this place. */
function earlierComplaint(citizen: Citizen, place: Record<string, string>): ApplicationSummary {
  return {
    applicationId: 'AP-00000000ABCD',
    serviceId: 'energy.power-complaint',
    state: 'accepted',
    submittedAt: new Date(citizen.now.getTime() - 3 * 3600_000).toISOString(),
    slaDays: 1,
    values: { district: 'guntur', place: 'location', ...place },
  };
}

describe('registering a grievance', () => {
  it('asks the place with WhatsApp\'s "Send location" once its questions are answered, in English and Telugu', () => {
    for (const language of ['en', 'te'] as const) {
      const citizen = powerComplaint(language);
      const request = citizen.replies.at(-1)!;
      expect(request.type).toBe('location-request');
      if (request.type === 'location-request')
        expect(request.body).toMatch(language === 'en' ? /Send location.*village and mandal/ : /గ్రామం, మండలం/);
    }
  });

  it('takes a shared location, up to 3 photos, and shows both in the summary', () => {
    const citizen = powerComplaint();
    locationShared(citizen);
    expect(citizen.said).toContain('Send up to 3 photos');
    expect(citizen.replies.at(-1)).toMatchObject({ type: 'buttons', buttons: [{ title: 'Skip' }] });
    citizen.send({ type: 'media', mediaType: 'image', mediaId: 'photo-a', mimeType: 'image/jpeg' });
    expect(citizen.said).toContain('Photo 1 of 3 received');
    expect(citizen.replies.at(-1)).toMatchObject({ type: 'buttons', buttons: [{ title: 'Done' }] });
    citizen.send({ type: 'media', mediaType: 'image', mediaId: 'photo-b', mimeType: 'image/jpeg' });
    citizen.send({ type: 'media', mediaType: 'image', mediaId: 'photo-c', mimeType: 'image/jpeg' });
    // The third photo is the last: the summary follows at once.
    expect(citizen.said).toContain('Place: https://maps.google.com/?q=16.3066,80.4365');
    expect(citizen.said).toContain('Photos: 3');
    expect(citizen.session.step).toMatchObject({
      name: 'confirm',
      values: {
        latitude: '16.306600',
        // Kept under a digest of the number, never the number itself.
        'photo-1': expect.stringMatching(/^inbound\/[0-9a-f]{32}\/photo-a$/),
        'photo-3:kind': 'image',
      },
    });
  });

  it('takes a typed village and mandal, and refuses what is no place, asking again', () => {
    const citizen = powerComplaint();
    citizen.text('!!');
    expect(citizen.said).toContain('type the village and mandal separated by a comma');
    citizen.text('Tadikonda, Tadikonda mandal');
    citizen.tap('photos-done');
    expect(citizen.said).toContain('Place: Tadikonda, Tadikonda, Guntur');
    expect(citizen.said).toContain('Photos: 0');
  });

  it('refuses a PDF as a photo of the problem', () => {
    const citizen = powerComplaint();
    locationShared(citizen);
    citizen.send({ type: 'media', mediaType: 'document', mediaId: 'doc', mimeType: 'application/pdf' });
    expect(citizen.session.step).toMatchObject({ name: 'grievance-photos' });
    expect(citizen.session.step.name === 'grievance-photos' && citizen.session.step.values['photo-1']).toBeUndefined();
  });

  it('asks whether it is the same as a grievance of the same category and place from the last 24 hours', () => {
    const citizen = powerComplaint();
    locationShared(citizen);
    citizen.tap('photos-done');
    // 100 m away: the same transformer.
    const earlier = earlierComplaint(citizen, { latitude: '16.3075', longitude: '80.4365' });
    citizen.tap('confirm', { applications: [earlier] });
    expect(citizen.said).toContain('You registered a similar grievance, AP-00000000ABCD');
    expect(citizen.turn.effects).toEqual([]);
    citizen.tap('similar-same');
    expect(citizen.said).toContain('nothing new is registered: your grievance AP-00000000ABCD stands');
    expect(citizen.turn.effects).toEqual([]);
  });

  it('registers it anyway when the citizen says it is a new one, with its grievance number at once', () => {
    const citizen = powerComplaint();
    locationShared(citizen);
    citizen.tap('photos-done');
    const earlier = earlierComplaint(citizen, { latitude: '16.3066', longitude: '80.4365' });
    citizen.tap('confirm', { applications: [earlier] });
    citizen.tap('similar-new');
    citizen.text(AADHAAR, { otpRequest: { ok: true, txnId: 'txn-1' } });
    citizen.text('123456', { otpCheck: { ok: true, valid: true } });
    expect(citizen.said).toMatch(/AP-[0-9A-Z]{12}/);
    expect(citizen.turn.effects).toContainEqual(
      expect.objectContaining({
        type: 'start-application',
        application: expect.objectContaining({ values: expect.objectContaining({ place: 'location' }) }),
      }),
    );
    // From now a typed 1 to 5 may be this grievance's rating (intents/grievance.ts).
    expect(citizen.session.grievanceFiledAt).toBe(citizen.now.toISOString());
  });

  it('does not ask about one of another place, or older than 24 hours', () => {
    const citizen = powerComplaint();
    locationShared(citizen);
    citizen.tap('photos-done');
    const at = (hours: number) => new Date(citizen.now.getTime() - hours * 3600_000).toISOString();
    const base = { serviceId: 'energy.power-complaint', state: 'accepted', slaDays: 1 };
    citizen.tap('confirm', {
      applications: [
        {
          ...base,
          applicationId: 'AP-00000000FAR1',
          submittedAt: at(2),
          values: { latitude: '16.5', longitude: '80.6' },
        },
        {
          ...base,
          applicationId: 'AP-00000000OLD1',
          submittedAt: at(25),
          values: { latitude: '16.3066', longitude: '80.4365' },
        },
      ],
    });
    expect(citizen.said).not.toContain('similar grievance');
  });
});

describe('a typed place', () => {
  it('reads a village, a mandal (without the word "mandal") and a district named in either language', () => {
    expect(typedPlaceValues('Tadikonda, Tadikonda mandal, Guntur')).toEqual({
      place: 'typed',
      village: 'Tadikonda',
      mandal: 'Tadikonda',
      district: 'guntur',
    });
    expect(typedPlaceValues('తాడికొండ, తాడికొండ మండలం, గుంటూరు')).toMatchObject({ mandal: 'తాడికొండ', district: 'guntur' });
    expect(typedPlaceValues('Tenali')).toEqual({ place: 'typed', village: 'Tenali' });
  });

  it('is refused when it names no district the catalog knows, or is no words', () => {
    expect(typedPlaceValues('Tenali, Tenali, Atlantis')).toBeUndefined();
    expect(typedPlaceValues('12, 34')).toBeUndefined();
    expect(typedPlaceValues('')).toBeUndefined();
  });
});
