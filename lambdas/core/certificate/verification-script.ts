import { createHash } from 'node:crypto';

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
  const BIDI = /[\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]/g;
  const clean = (text) => String(text).replace(BIDI, "");
  const el = (tag, text, attrs) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = clean(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  };
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
  const base32 = (text) => {
    if (!/^[A-Z2-7]+$/.test(text)) return undefined;
    const out = [];
    let buffer = 0, bits = 0;
    for (const c of text) {
      buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
      bits += 5;
      if (bits >= 8) { out.push((buffer >>> (bits - 8)) & 255); bits -= 8; }
      buffer &= (1 << bits) - 1;
    }
    return buffer === 0 ? new Uint8Array(out) : undefined;
  };
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const decode = (bytes) => {
    if (bytes.length < 10 || bytes[0] !== 2) return undefined;
    const claims = { kid: hex(bytes.subarray(1, 5)), typ: hex(bytes.subarray(7, 9)), facts: [] };
    claims.iat = new Date(Date.UTC(2020, 0, 1) + ((bytes[5] << 8) | bytes[6]) * 86400000).toISOString().slice(0, 10);
    const head = bytes[9];
    let at = 10 + (head & 63);
    if (at > bytes.length) return undefined;
    const name = bytes.subarray(10, at);
    claims.name = head & 128
      ? Array.from(name, (b) => b < 128 ? String.fromCodePoint(0x0c00 + b) : b === 128 ? " " : b === 129 ? "\\u200c" : "\\u200d").join("")
      : new TextDecoder("utf-8", { fatal: true }).decode(name);
    if (head & 64) claims.name += "…";
    while (at < bytes.length) {
      const fact = data.facts[bytes[at++]];
      if (!fact) return undefined;
      if (fact.kind === "amount") {
        let value = 0, scale = 1, more = true;
        while (more && at < bytes.length) { const b = bytes[at++]; value += (b & 127) * scale; scale *= 128; more = (b & 128) !== 0; }
        if (more) return undefined;
        claims.facts.push([fact, "₹" + value.toLocaleString("en-IN")]);
      } else {
        const length = bytes[at++];
        if (at + length > bytes.length) return undefined;
        claims.facts.push([fact, new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(at, at + length))]);
        at += length;
      }
    }
    return claims;
  };
  const check = async () => {
    if (!(globalThis.crypto && crypto.subtle)) return say("noCrypto");
    const bytes = base32(fragment);
    if (!bytes || bytes.length <= 64) return altered();
    const body = bytes.subarray(0, bytes.length - 64);
    const signature = bytes.subarray(bytes.length - 64);
    let claims;
    try { claims = decode(body); } catch { claims = undefined; }
    if (!claims) return altered();
    const b64 = (text) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4)), (c) => c.charCodeAt(0));
    const domain = new TextEncoder().encode("mitra-qr-claims-v2\\0");
    const id = b64(data.certId);
    const message = new Uint8Array(domain.length + 16 + body.length);
    message.set(domain); message.set(id.subarray(0, 16), domain.length); message.set(body, domain.length + 16);
    const key = await crypto.subtle.importKey("spki", b64(data.check.publicKey), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    const valid = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, message);
    const typ = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(data.check.documentType))).subarray(0, 2));
    if (!valid || claims.kid !== data.check.keyId.slice(0, 8) || claims.typ !== typ || claims.iat !== data.check.issueDate) return altered();
    const rows = [[data.text.name, claims.name], [data.text.date, claims.iat], ...claims.facts.map(([fact, value]) => [fact.label, value])];
    const table = el("table");
    for (const [label, value] of rows) {
      const th = el("th", label.en);
      th.appendChild(el("br"));
      th.appendChild(el("span", label.te, { lang: "te" }));
      const tr = el("tr");
      tr.append(th, el("td", value));
      table.appendChild(tr);
    }
    say("genuine");
    panel.appendChild(table);
  };
  check().catch(() => altered());
})();`;

/** The script's CSP source: its hash, so the page runs it and nothing else. */
export const VERIFICATION_SCRIPT_HASH = `'sha256-${createHash('sha256').update(VERIFICATION_SCRIPT).digest('base64')}'`;
