import { latinDigits } from '../forms/digits.ts';

export type Command =
  | 'greet'
  | 'stop'
  | 'start'
  | 'help'
  | 'language'
  | 'status'
  | 'back'
  | 'cancel'
  | 'alerts'
  | 'bills';

/** Words a citizen types for each command, in English, Telugu and Telugu written in Latin letters. */
const WORDS: Record<Command, string[]> = {
  greet: [
    'hi',
    'hii',
    'hai',
    'hello',
    'helo',
    'hey',
    'menu',
    'main menu',
    'home',
    'namaste',
    'namaskaram',
    'namasthe',
    'నమస్తే',
    'నమస్కారం',
    'హాయ్',
    'హలో',
    'మెనూ',
    'మెను',
  ],
  stop: ['stop', 'unsubscribe', 'stop all', 'ఆపు', 'ఆపండి'],
  start: ['start', 'resume', 'ప్రారంభించు', 'ప్రారంభం'],
  help: ['help', 'sahayam', 'సహాయం', 'సహాయము', '?'],
  language: ['language', 'lang', 'bhasha', 'భాష', 'change language'],
  status: ['status', 'my applications', 'applications', 'sthiti', 'స్థితి', 'నా దరఖాస్తులు', 'దరఖాస్తులు'],
  back: ['back', 'previous', 'venukaku', 'వెనుకకు', 'వెనక్కి'],
  cancel: ['cancel', 'quit', 'exit', 'raddu', 'రద్దు'],
  bills: ['my bills', 'bills', 'saved bills', 'naa billulu', 'నా బిల్లులు', 'బిల్లులు'],
  alerts: ['alerts', 'alert', 'my alerts', 'subscriptions', 'hecharikalu', 'హెచ్చరికలు', 'హెచ్చరిక', 'నా హెచ్చరికలు'],
};

const LOOKUP = new Map<string, Command>(
  Object.entries(WORDS).flatMap(([command, words]) => words.map((word) => [word, command as Command])),
);

export function normalizeText(text: string): string {
  return (
    latinDigits(text)
      .normalize('NFC')
      // Zero-width (non-)joiners change how Telugu looks, not what it says.
      .replace(/[\u200c\u200d]/g, '')
      .toLowerCase()
      .replace(/[!.,;:"'‘’“”()[\]{}¡¿…]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The command the whole message is, if it is one ("Hi!", "STOP", "సహాయం"). */
export function commandOf(text: string): Command | undefined {
  const normal = normalizeText(text);
  return LOOKUP.get(normal) ?? (text.trim() === '?' ? 'help' : undefined);
}
