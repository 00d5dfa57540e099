import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSpeechService } from '#adapters/speech.ts';
import { createLocalSpeech } from '../../local/speech/index.ts';
import { voiceNoteWithTags } from '../../local/speech/ogg-opus.ts';

let server: Server;
let endpoint: string;

beforeAll(async () => {
  const speech = createLocalSpeech();
  server = createServer((req, res) => {
    void speech.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')).then((served) => {
      if (!served) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/speech`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const note = (tags: Record<string, string>) => ({ bytes: voiceNoteWithTags(tags), mimeType: 'audio/ogg; codecs=opus' });

describe('the speech service adapter', () => {
  it('answers what the voice note said, and in which language', async () => {
    const heard = await new HttpSpeechService(endpoint).transcribe(
      note({ TRANSCRIPT: 'income certificate kavali', LANGUAGE: 'en' }),
    );
    expect(heard).toEqual({ transcript: 'income certificate kavali', language: 'en-IN' });
  });

  it('hears nothing in a note the service could not make out', async () => {
    expect(await new HttpSpeechService(endpoint).transcribe(note({}))).toBeUndefined();
  });

  it('hears nothing, and does not fail the turn, when the service is unreachable', async () => {
    expect(
      await new HttpSpeechService('http://127.0.0.1:9/speech').transcribe(note({ TRANSCRIPT: 'x' })),
    ).toBeUndefined();
  });
});
