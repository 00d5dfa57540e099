import { createHash } from 'node:crypto';
import { CLAIMS_DECODER } from './claims-decoder-script.ts';

/**
 * The verify page's only script: it reads the QR code's claims from the URL's fragment (which the browser never
 * sends), decodes them as compact-claims.ts encodes them, and checks their ECDSA P-256 signature with WebCrypto
 * against the certificate's public key that the page carries. The claims never leave the browser. Plain ES2020, no
 * libraries; test/integration/verify-page-browser.test.ts runs it in Chromium against the TypeScript encoder.
 */
export const VERIFICATION_SCRIPT = `(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("mitra-check").textContent);
  const panel = document.getElementById("qr");
  const fragment = location.hash.slice(1);
  if (!data.check || !panel) return;
${CLAIMS_DECODER}
  const say = (key) => {
    panel.replaceChildren(el("h2", data.text[key].en), el("p", data.text[key].te, { lang: "te" }));
    panel.hidden = false;
  };
  if (!fragment) return say("scan");
  const altered = () => {
    const status = document.querySelector(".status");
    status.style.borderLeftColor = data.altered.colour;
    status.replaceChildren(
      el("h1", data.altered.en, { style: "color:" + data.altered.colour }),
      el("p", "", { lang: "te" }),
      el("p", data.altered.note)
    );
    status.children[1].appendChild(el("strong", data.altered.te));
    const table = document.querySelector("table.record");
    if (table) table.hidden = true;
    say("altered");
  };
  const check = async () => {
    if (!(globalThis.crypto && crypto.subtle)) return say("noCrypto");
    const bytes = base32(fragment);
    if (!bytes || bytes.length <= 64) return altered();
    const body = bytes.subarray(0, bytes.length - 64);
    const signature = bytes.subarray(bytes.length - 64);
    let claims;
    try { claims = decodeClaims(body, data.facts); } catch { claims = undefined; }
    if (!claims) return altered();
    const valid = await verifyClaims(b64(data.check.publicKey), signature, claimsMessage(data.certId, body));
    const typ = await documentTag(data.check.documentType);
    if (!valid || claims.kid !== data.check.keyId.slice(0, 8) || claims.typ !== typ || claims.iat !== data.check.issueDate) return altered();
    const rows = [[data.text.name, claims.name], [data.text.date, claims.iat], ...claims.facts.map(([fact, value]) => [fact.label, value])];
    const table = labelledTable(rows);
    say("genuine");
    panel.appendChild(table);
  };
  check().catch(() => altered());
})();`;

/** The script's CSP source: its hash, so the page runs it and nothing else. */
export const VERIFICATION_SCRIPT_HASH = `'sha256-${createHash('sha256').update(VERIFICATION_SCRIPT).digest('base64')}'`;
