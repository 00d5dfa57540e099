import { describe, expect, it } from 'vitest';
import { tagsOf, voiceNoteWithTags } from '../../../local/speech/ogg-opus.ts';

describe("the simulator's voice notes", () => {
  it('are OGG/Opus header pages whose tags carry the transcript, read back by the local speech service', () => {
    const note = voiceNoteWithTags({ TRANSCRIPT: 'నా కరెంట్ బిల్లు కట్టాలి', LANGUAGE: 'te' });
    expect(note.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(note.includes(Buffer.from('OpusHead'))).toBe(true);
    expect(tagsOf(note)).toEqual({ TRANSCRIPT: 'నా కరెంట్ బిల్లు కట్టాలి', LANGUAGE: 'te' });
  });

  it('say nothing for audio without tags', () => {
    expect(tagsOf(Buffer.from('not a voice note'))).toBeUndefined();
  });
});
