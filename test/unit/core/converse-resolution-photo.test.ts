import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#core/conversation/context.ts';
import { mediaKey } from '#core/media-keys.ts';
import { Citizen, gunturEnergyOfficer } from './citizen.ts';

// An officer resolving a grievance in the chat may send a photo of the work done: with the note as its caption, or
// before typing the note. The photo is the one the webhook kept, under the keyed digest of the officer's number.

const id = 'AP-0000000000GR';
const officer = gunturEnergyOfficer;

function resolving(language: 'en' | 'te' = 'en'): Citizen {
  const desk = new Citizen(officer.waId).ready(language);
  desk.send({ type: 'choice', id: `grievance:resolve:${id}`, title: 'Resolve' }, { officer });
  return desk;
}

const photo = (desk: Citizen, caption?: string) =>
  desk.send({ type: 'media', mediaType: 'image', mediaId: 'media-77', ...(caption ? { caption } : {}) }, { officer });
const kept = mediaKey({ waId: officer.waId, mediaId: 'media-77' }, DEFAULT_SETTINGS.aadhaarHashKey);

describe("an officer's photo of a grievance's resolution", () => {
  it('is asked for with the note, and a photo captioned with the note resolves the grievance with both', () => {
    const desk = resolving();
    expect(desk.said).toContain('You may also send a photo of the work done');
    photo(desk, 'Fuse replaced; supply restored at 6 pm.');
    expect(desk.turn.effects).toEqual([
      {
        type: 'grievance-task',
        waId: officer.waId,
        language: 'en',
        action: 'resolve',
        applicationId: id,
        text: 'Fuse replaced; supply restored at 6 pm.',
        photo: kept,
      },
    ]);
    expect(kept).not.toContain(officer.waId);
  });

  it('without a caption is kept and the note asked for next, in Telugu too; the note then resolves it with the photo', () => {
    const desk = resolving('te');
    photo(desk);
    expect(desk.turn.effects).toEqual([]);
    expect(desk.said).toContain('ఫోటో ఉంచాము');
    desk.text('ఫ్యూజ్ మార్చాము; సరఫరా పునరుద్ధరించాము.');
    expect(desk.turn.effects).toMatchObject([
      { type: 'grievance-task', action: 'resolve', text: 'ఫ్యూజ్ మార్చాము; సరఫరా పునరుద్ధరించాము.', photo: kept },
    ]);
  });

  it('is not read as a resolution photo when the officer is asking a question, nor kept by a cancelled resolution', () => {
    const asking = new Citizen(officer.waId).ready();
    asking.send({ type: 'choice', id: `grievance:ask:${id}`, title: 'Ask citizen' }, { officer });
    photo(asking, 'Which pole?');
    expect(asking.turn.effects.some((e) => e.type === 'grievance-task')).toBe(false);

    const desk = resolving();
    photo(desk);
    desk.text('cancel');
    expect(desk.said).toContain('Nothing was sent');
    desk.send({ type: 'choice', id: `grievance:resolve:${id}`, title: 'Resolve' }, { officer });
    desk.text('Line repaired at pole 14.');
    expect(desk.turn.effects).toMatchObject([{ type: 'grievance-task', action: 'resolve' }]);
    expect(desk.turn.effects[0]).not.toHaveProperty('photo');
  });

  it('still needs a note of at least 3 characters: a short caption keeps the photo and asks for the note', () => {
    const desk = resolving();
    photo(desk, 'ok');
    expect(desk.turn.effects).toEqual([]);
    desk.text('Transformer fuse replaced.');
    expect(desk.turn.effects).toMatchObject([{ action: 'resolve', photo: kept }]);
  });
});
