import * as z from '#core/validation.ts';
import { logger } from './powertools.ts';

/** A voice note as the speech service gets it: the bytes WhatsApp sent (OGG/Opus) and their type. */
export interface VoiceNote {
  bytes: Uint8Array;
  mimeType: string;
}

/** What was said, and in which of the languages asked (`te-IN`, `en-IN`); `undefined` when nothing was made out. */
export type Heard = { transcript: string; language: string } | undefined;

/** Speech to text, as a department-style adapter: the webhook asks it for every voice note, within the turn. */
interface SpeechService {
  transcribe(note: VoiceNote): Promise<Heard>;
}

/** The languages a citizen speaks to Mitra in, most likely first. */
const SPOKEN_LANGUAGES = ['te-IN', 'en-IN'] as const;
/** The webhook answers Meta within seconds: a slower transcription is treated as nothing heard. */
const TIMEOUT_MS = 5000;

const Answer = z.object({
  transcript: z.nullable(z.string().check(z.maxLength(4000))),
  language: z.optional(z.string().check(z.maxLength(16))),
});

/**
 * A speech service over HTTP at a configured endpoint (SPEECH_ENDPOINT): `POST {endpoint}/transcribe` with the audio as
 * the body, its MIME type as `content-type` and the languages to expect in `x-languages` (`te-IN,en-IN`), answering
 * `{ "transcript": "…" | null, "language": "te-IN" }`. In AWS the endpoint is the national speech service's gateway
 * (Bhashini) or a function in front of Amazon Transcribe; the embedded runtime serves the same API (local/speech).
 * A service that fails, is slow or answers out of contract is logged and heard as nothing: the citizen is asked to
 * send the note again or type it.
 */
export class HttpSpeechService implements SpeechService {
  constructor(private readonly endpoint: string) {}

  async transcribe(note: VoiceNote): Promise<Heard> {
    try {
      const response = await fetch(`${this.endpoint}/transcribe`, {
        method: 'POST',
        headers: { 'content-type': note.mimeType, 'x-languages': SPOKEN_LANGUAGES.join(',') },
        body: new Uint8Array(note.bytes),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`speech service answered ${response.status}`);
      const answer = Answer.parse(await response.json());
      const transcript = answer.transcript?.trim();
      return transcript ? { transcript, language: answer.language ?? SPOKEN_LANGUAGES[0] } : undefined;
    } catch (error) {
      logger.warn('speech service unavailable', { error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }
}
