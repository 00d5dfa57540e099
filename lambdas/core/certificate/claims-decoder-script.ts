import { KEY_FACTS } from './key-facts.ts';

/** A key fact as the browser scripts show it: amounts in rupees, counts as they are. */
export interface ScriptFact {
  id: string;
  kind: 'amount' | 'text';
  label: { en: string; te: string };
  rupees: boolean;
}

/** The key facts by tag, for a page's data: the scripts decode the claims with it. */
export function scriptFacts(): Record<number, ScriptFact> {
  return Object.fromEntries(
    KEY_FACTS.map((f) => [
      f.tag,
      { id: f.id, kind: f.kind, label: f.label, rupees: f.kind === 'amount' && f.id !== 'passengers' },
    ]),
  );
}

/**
 * The browser's half of compact-claims.ts and qr-payload.ts, shared by the verify page's script and the /check page's
 * script (plain ES2020, no libraries, declared inside each script's function):
 *
 * - `base32(text)` → bytes, or undefined; `hex(bytes)`; `b64(text)` base64url → bytes
 * - `decodeClaims(bytes, facts)` → `{ kid, typ, iat, name, facts: [[fact, shown value]…] }`, or undefined
 * - `claimsMessage(certId, body)` → the bytes the signature covers
 * - `verifyClaims(spki, signature, message)` → whether the ECDSA P-256 signature holds (WebCrypto)
 * - `documentTag(code)` → the first 4 hex digits of SHA-256 of a document type code
 * - `clean(text)` → the text without bidirectional controls; `el(tag, text, attrs)` → a new element showing it;
 *   `labelledTable(rows)` → a table of [{ en, te } label, value] rows
 */
export const CLAIMS_DECODER = `
  const BIDI = /[\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]/g;
  const clean = (text) => String(text).replace(BIDI, "");
  const el = (tag, text, attrs) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = clean(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  };
  const labelledTable = (rows) => {
    const table = el("table");
    for (const [label, value] of rows) {
      const th = el("th", label.en);
      th.appendChild(el("br"));
      th.appendChild(el("span", label.te, { lang: "te" }));
      const tr = el("tr");
      tr.append(th, el("td", value));
      table.appendChild(tr);
    }
    return table;
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
  const b64 = (text) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4)), (c) => c.charCodeAt(0));
  const decodeClaims = (bytes, facts) => {
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
      const fact = facts[bytes[at++]];
      if (!fact) return undefined;
      if (fact.kind === "amount") {
        let value = 0, scale = 1, more = true;
        while (more && at < bytes.length) { const b = bytes[at++]; value += (b & 127) * scale; scale *= 128; more = (b & 128) !== 0; }
        if (more) return undefined;
        claims.facts.push([fact, fact.rupees ? "₹" + value.toLocaleString("en-IN") : String(value)]);
      } else {
        const length = bytes[at++];
        if (at + length > bytes.length) return undefined;
        claims.facts.push([fact, new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(at, at + length))]);
        at += length;
      }
    }
    return claims;
  };
  const claimsMessage = (certId, body) => {
    const domain = new TextEncoder().encode("mitra-qr-claims-v2\\0");
    const id = b64(certId);
    const message = new Uint8Array(domain.length + 16 + body.length);
    message.set(domain); message.set(id.subarray(0, 16), domain.length); message.set(body, domain.length + 16);
    return message;
  };
  const verifyClaims = async (spki, signature, message) => {
    const key = await crypto.subtle.importKey("spki", spki, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    return crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, message);
  };
  const documentTag = async (code) =>
    hex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(code))).subarray(0, 2));
`;
