import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJsonBody } from '../json-io.ts';
import { tagsOf } from './ogg-opus.ts';

/** Voice notes are short: WhatsApp's own limit for audio is 16 MB; a note of a minute is well under 1 MB. */
const MAX_BYTES = 16 * 1024 * 1024;

export interface LocalSpeech {
  /** Serves `POST /speech/transcribe` (lambdas/adapters/speech.ts); false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

/**
 * The embedded runtime's speech service. No speech model runs offline here, so it recognises nothing: it answers the
 * transcript that the simulator wrote into the voice note's OpusTags (TRANSCRIPT=, LANGUAGE=), and nothing for any
 * other audio, which the conversation then asks the citizen to type. The API is the one a real service serves.
 */
export function createLocalSpeech(): LocalSpeech {
  return {
    async handle(req, res, url) {
      if (url.pathname !== '/speech/transcribe') return false;
      if (req.method !== 'POST') {
        sendJsonBody(res, 405, { message: 'method not allowed' });
        return true;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_BYTES) {
          sendJsonBody(res, 413, { message: 'voice note too large' });
          return true;
        }
        chunks.push(chunk);
      }
      const tags = tagsOf(Buffer.concat(chunks));
      const expected = (req.headers['x-languages']?.toString() ?? 'te-IN').split(',');
      const language = tags?.LANGUAGE === 'en' ? 'en-IN' : tags?.LANGUAGE === 'te' ? 'te-IN' : expected[0];
      sendJsonBody(res, 200, { transcript: tags?.TRANSCRIPT ?? null, language });
      return true;
    },
  };
}
