import type { SamplePerson } from './sample-people.ts';
import { SIMULATOR_SCRIPT } from './simulator-script.ts';
import { SIMULATOR_CSS } from './simulator-style.ts';

export interface SimulatorPageInput {
  /** Per-response CSP nonce: only the page's own inline style and script may run. */
  nonce: string;
  defaultWaId: string;
  defaultName: string;
  /** The picker's list: the sample citizens and officers, whose numbers also tell the page their profile names. */
  people: readonly SamplePerson[];
  businessNumber: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, '');

/** GET /sim: one self-contained page (inline CSS and JS, no CDN, no web fonts) that looks and acts like WhatsApp. */
export function simulatorPage(input: SimulatorPageInput): string {
  const nonce = escapeHtml(input.nonce);
  const config = { defaultWaId: input.defaultWaId, defaultName: input.defaultName, people: input.people };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mitra · WhatsApp simulator</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${SIMULATOR_CSS}</style>
</head>
<body>
<div class="app">
  <header class="topbar">
    <div class="avatar" aria-hidden="true">M</div>
    <div class="who">
      <div class="title">Mitra <span lang="te">మిత్ర</span></div>
      <div class="sub">+${escapeHtml(input.businessNumber)} · local simulator</div>
    </div>
    <div class="clock">
      <span id="clock-now" title="The embedded runtime's clock"></span>
      <span class="buttons">
        <button type="button" id="advance-hour" title="Move the runtime's clock forward one hour">+1 h</button>
        <button type="button" id="advance-day" title="Move the runtime's clock forward 24 hours">+24 h</button>
      </span>
    </div>
  </header>
  <section class="identity" aria-label="Who is chatting">
    <button type="button" id="person" class="person" aria-haspopup="dialog" title="Chat as a sample citizen or officer"><span id="person-name"></span><span id="person-kind" class="kind"></span><span aria-hidden="true">&#9662;</span></button>
    <input id="wa-id" class="number" aria-label="WhatsApp number with country code, or a username user's id" autocomplete="off">
    <input id="name" class="name" aria-label="Profile name" placeholder="Profile name" autocomplete="off">
    <button type="button" id="otp-button" title="Show the last OTP the identity service sent">OTP</button>
    <span id="otp-out" class="otp"></span>
    <label title="Send read statuses for the bot's messages, as a phone does when the chat is open">
      <input type="checkbox" id="receipts" checked> read receipts
    </label>
  </section>
  <main id="chat" class="chat" aria-live="polite"></main>
  <footer class="composer">
    <label class="attach" title="Send a photo"><input type="file" id="photo" accept="image/jpeg,image/png" hidden>&#128206;</label>
    <textarea id="text" rows="1" placeholder="Type a message" aria-label="Message"></textarea>
    <button type="button" id="voice" class="send" title="Send what is typed as a voice note. Simulated: no speech model runs offline here, so the note carries this text as its transcript" aria-label="Send as a voice note">&#127908;</button>
    <button type="button" id="send" class="send" aria-label="Send">&#10148;</button>
  </footer>
  <div id="sheet-backdrop" class="backdrop" hidden>
    <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title">
      <div class="sheet-head"><button type="button" id="sheet-close" aria-label="Close">&#10005;</button><span id="sheet-title"></span></div>
      <div id="sheet-body"></div>
    </div>
  </div>
  <div id="toast" class="toast" role="status" hidden></div>
</div>
<script type="application/json" id="sim-config">${scriptJson(config)}</script>
<script nonce="${nonce}">${SIMULATOR_SCRIPT}</script>
</body>
</html>
`;
}
