import { CLAIMS_DECODER } from './claims-decoder-script.ts';

/**
 * The /check page's script: saves the page for offline use (its service worker), loads the public keys (GET /keys,
 * from the worker's cache when offline), reads a QR code from the camera or a photo (BarcodeDetector where the
 * browser has it, else jsQR), and verifies the code's signed claims with WebCrypto against the saved keys. Online, it
 * also asks the verify route whether the document was cancelled since. Plain ES2020;
 * test/integration/check-page-browser.test.ts runs it in Chromium with the network cut.
 */
export const CHECK_SCRIPT = `(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("mitra-check-data").textContent);
  const T = data.text;
${CLAIMS_DECODER}
  const $ = (id) => document.getElementById(id);
  const both = (node, key) => {
    node.replaceChildren(el("span", T[key].en), el("br"), el("span", T[key].te, { lang: "te" }));
    return node;
  };
  const status = (key) => { if (key) both($("status"), key); else $("status").replaceChildren(); };
  let keys = [];

  const offline = (state, key) => { $("offline").className = state; both($("offline"), key); };
  const saveForOffline = async () => {
    let worker = false;
    if ("serviceWorker" in navigator) {
      // Offline, registering fails to fetch the worker again; the one saved before still answers.
      try { await navigator.serviceWorker.register("check/sw.js", { scope: "check" }); } catch { /* below */ }
      worker = Boolean(await navigator.serviceWorker.getRegistration("check").catch(() => undefined));
    }
    try {
      const response = await fetch("keys", { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error("keys " + response.status);
      keys = (await response.json()).keys.filter((k) => k.use === "certificate-signing");
    } catch { keys = []; }
    if (!keys.length) return offline("missing", "notReady");
    if (!worker) return offline("missing", "noOffline");
    await navigator.serviceWorker.ready;
    offline("ready", "ready");
  };

  const spkiOf = (pem) => b64(pem.replace(/-----[A-Z ]+-----/g, "").replace(/\\s+/g, ""));

  /** What a QR code's text says: a verdict, the claims when they verify, and the fragment to ask the server about. */
  const assess = async (text) => {
    let url;
    try { url = new URL(text); } catch { return { verdict: "invalid", reason: "notMitra" }; }
    const match = /\\/v\\/([A-Za-z0-9_-]{22})$/.exec(url.pathname);
    if (!match) return { verdict: "invalid", reason: "notMitra" };
    const certId = match[1];
    if (!url.hash && url.searchParams.has("c")) return { verdict: "unsure", reason: "firstCertificate", certId, link: url.href };
    const fragment = url.hash.slice(1);
    const bytes = base32(fragment);
    if (!bytes || bytes.length <= 64) return { verdict: "invalid", reason: "altered", certId };
    const body = bytes.subarray(0, bytes.length - 64);
    let claims;
    try { claims = decodeClaims(body, data.facts); } catch { claims = undefined; }
    if (!claims) return { verdict: "invalid", reason: "altered", certId };
    const key = keys.find((k) => k.keyId.startsWith(claims.kid));
    if (!key) return { verdict: "invalid", reason: keys.length ? "unknownKey" : "notReady", certId };
    const valid = await verifyClaims(spkiOf(key.publicKeyPem), bytes.subarray(bytes.length - 64), claimsMessage(certId, body));
    if (!valid) return { verdict: "invalid", reason: "altered", certId };
    return { verdict: "valid", claims, certId, fragment };
  };

  const FIRST = ["pnr", "journey", "seats", "passengers"];
  const rowsOf = (claims, certId) => {
    const facts = claims.facts.slice().sort((a, b) => (FIRST.indexOf(a[0].id) + 1 || 99) - (FIRST.indexOf(b[0].id) + 1 || 99));
    const title = data.documents[claims.typ];
    return [
      ...facts.map(([fact, value]) => [fact.label, value]),
      [T.name, claims.name],
      ...(title ? [[T.document, title.en + " · " + title.te]] : []),
      [T.issued, claims.iat.split("-").reverse().join("-")],
      [T.number, certId],
    ];
  };

  const show = (result) => {
    const section = $("result");
    const ticket = result.claims && result.claims.facts.some(([fact]) => fact.id === "pnr" || fact.id === "journey");
    const headline = result.verdict === "valid" ? (ticket ? "validTicket" : "validDocument")
      : result.verdict === "unsure" ? "onlineOnly" : "invalid";
    section.className = result.verdict;
    const h2 = el("h2", T[headline].en);
    h2.appendChild(el("span", T[headline].te, { lang: "te" }));
    section.replaceChildren(h2);
    const say = (key) => {
      const p = el("p", T[key].en);
      p.appendChild(el("br"));
      p.appendChild(el("span", T[key].te, { lang: "te" }));
      section.appendChild(p);
      return p;
    };
    say(result.verdict === "valid" ? "genuine" : result.reason);
    if (result.claims) {
      const table = labelledTable(rowsOf(result.claims, result.certId));
      section.appendChild(table);
    }
    if (result.online) say(result.online).id = "online";
    const again = el("button", T.another.en, { id: "again", type: "button" });
    again.appendChild(el("span", T.another.te, { lang: "te" }));
    again.addEventListener("click", () => { section.hidden = true; $("controls").hidden = false; status(); });
    section.appendChild(again);
    section.hidden = false;
    $("controls").hidden = true;
    section.scrollIntoView({ block: "start" });
  };

  /** Online, the verify route says whether the document was cancelled or revoked since; offline, that is said. */
  const askServer = async (result) => {
    if (!navigator.onLine) return { ...result, online: "offline" };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 5000);
    try {
      const response = await fetch("v/" + result.certId, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ claims: result.fragment }),
        signal: abort.signal,
      });
      const answer = await response.json();
      if (answer.status === "valid") return { ...result, online: "confirmed" };
      if (answer.status === "revoked") return { ...result, verdict: "invalid", online: "revoked" };
      return { ...result, verdict: "invalid", online: "notFound" };
    } catch {
      return { ...result, online: "offline" };
    } finally {
      clearTimeout(timer);
    }
  };

  const checkText = async (text) => {
    if (!(globalThis.crypto && crypto.subtle)) return status("noCrypto");
    status();
    let result = await assess(text.trim());
    if (result.verdict === "valid") result = await askServer(result);
    show(result);
  };

  let detector;
  const detectorReady = (async () => {
    if (!("BarcodeDetector" in globalThis)) return;
    try {
      if ((await BarcodeDetector.getSupportedFormats()).includes("qr_code")) detector = new BarcodeDetector({ formats: ["qr_code"] });
    } catch { detector = undefined; }
  })();
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  /** The QR code's text in an image, video frame or bitmap, or undefined. */
  const read = async (source, width, height, thorough) => {
    await detectorReady;
    if (detector) {
      try {
        const found = await detector.detect(source);
        if (found.length) return found[0].rawValue;
      } catch { /* jsQR below */ }
    }
    if (!globalThis.jsQR || !width || !height) return undefined;
    const scale = Math.min(1, (thorough ? 2000 : 800) / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = jsQR(pixels.data, canvas.width, canvas.height, { inversionAttempts: thorough ? "attemptBoth" : "dontInvert" });
    return code ? code.data : undefined;
  };

  let stream;
  const stopCamera = () => {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = undefined;
    $("camera").hidden = true;
    $("controls").hidden = false;
  };
  $("stop").addEventListener("click", () => { stopCamera(); status(); });
  $("scan").addEventListener("click", async () => {
    $("result").hidden = true;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch {
      return status("noCamera");
    }
    const video = $("video");
    video.srcObject = stream;
    $("controls").hidden = true;
    $("camera").hidden = false;
    status("point");
    await video.play();
    const look = async () => {
      if (!stream) return;
      const text = video.readyState >= 2 ? await read(video, video.videoWidth, video.videoHeight, false) : undefined;
      if (!text) return setTimeout(look, 150);
      stopCamera();
      await checkText(text);
    };
    look();
  });
  $("photo").addEventListener("change", async (event) => {
    const file = event.target.files && event.target.files[0];
    event.target.value = "";
    if (!file) return;
    $("result").hidden = true;
    status("reading");
    let text;
    try {
      const bitmap = await createImageBitmap(file);
      text = await read(bitmap, bitmap.width, bitmap.height, true);
      bitmap.close();
    } catch { text = undefined; }
    if (!text) return status("noQr");
    await checkText(text);
  });
  saveForOffline();
})();`;

/**
 * The service worker (served at /check/sw.js, scope /check): on install it saves the page, its scripts and the keys
 * in a cache named after the release; the page and scripts come from that cache, the keys from the network when it
 * answers within 4 seconds (a key rotation reaches the phone) and from the cache otherwise.
 */
export function checkWorkerScript(version: string): string {
  return `"use strict";
const CACHE = "mitra-check-${version}";
const at = (path) => new URL(path, self.location).href;
const SHELL = [at("../check"), at("app.js"), at("jsqr.js")];
const KEYS = at("../keys");
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...SHELL, KEYS])).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("mitra-check-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});
const keys = async (request) => {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request, { cache: "no-store" }),
      new Promise((_, reject) => setTimeout(() => reject(new Error("slow network")), 4000)),
    ]);
    if (response.ok) await cache.put(KEYS, response.clone());
    return response;
  } catch (error) {
    const saved = await cache.match(KEYS);
    if (saved) return saved;
    throw error;
  }
};
const shell = async (request) => {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  url.search = "";
  return (await cache.match(url.href)) || fetch(request);
};
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (url.href === KEYS) event.respondWith(keys(request));
  else if (SHELL.includes(url.href)) event.respondWith(shell(request));
});
`;
}
