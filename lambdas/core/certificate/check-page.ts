import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/schema.ts';
import { CHECK_SCRIPT, checkWorkerScript } from './check-script.ts';
import { scriptFacts } from './claims-decoder-script.ts';
import { documentTypeTag } from './compact-claims.ts';

/**
 * GET /check: the page staff (a bus conductor, a temple gate) open on a phone to check a ticket's or certificate's QR
 * code. Its service worker keeps the page, its scripts and the public keys, so once loaded it checks without a
 * network: the QR code's signed claims are verified in the browser against the saved keys.
 */
export const CHECK_PATHS = {
  page: '/check',
  script: '/check/app.js',
  decoder: '/check/jsqr.js',
  worker: '/check/sw.js',
} as const;

/** One script file of the page's own origin and nothing else; the camera for this page only; never framed. */
export const CHECK_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; connect-src 'self'; worker-src 'self'; img-src 'self' blob:; " +
    "media-src 'self' blob: mediastream:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; " +
    "frame-ancestors 'none'",
  'permissions-policy': 'camera=(self)',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  // Online, a reload brings a new release; offline, the service worker answers.
  'cache-control': 'no-cache',
};

/** Everything the page says, in both languages. */
const TEXT = {
  heading: { en: 'Check a ticket or certificate', te: 'టికెట్ లేదా ధృవీకరణ పత్రం తనిఖీ' },
  scan: { en: 'Scan QR code with camera', te: 'కెమెరాతో QR కోడ్ స్కాన్ చేయండి' },
  stop: { en: 'Stop camera', te: 'కెమెరా ఆపండి' },
  photo: { en: 'Choose a photo of the QR code', te: 'QR కోడ్ ఫోటోను ఎంచుకోండి' },
  loading: { en: 'Saving the keys for offline checks…', te: 'ఆఫ్‌లైన్ తనిఖీల కోసం కీలను భద్రపరుస్తోంది…' },
  ready: {
    en: 'Ready to check without internet.',
    te: 'ఇంటర్నెట్ లేకుండా తనిఖీ చేయడానికి సిద్ధంగా ఉంది.',
  },
  notReady: {
    en: 'Connect to the internet once and open this page again, to save the keys for offline checks.',
    te: 'ఆఫ్‌లైన్ తనిఖీల కోసం కీలను భద్రపరచడానికి ఒకసారి ఇంటర్నెట్‌కు కనెక్ట్ అయి ఈ పేజీని మళ్లీ తెరవండి.',
  },
  noOffline: {
    en: 'This browser cannot keep the page for offline use: it checks only while online.',
    te: 'ఈ బ్రౌజర్ పేజీని ఆఫ్‌లైన్ కోసం ఉంచలేదు: ఇంటర్నెట్ ఉన్నప్పుడే తనిఖీ చేస్తుంది.',
  },
  point: { en: 'Point the camera at the QR code.', te: 'కెమెరాను QR కోడ్ వైపు చూపండి.' },
  noCamera: {
    en: 'The camera could not be opened. Choose a photo of the QR code instead.',
    te: 'కెమెరా తెరవబడలేదు. బదులుగా QR కోడ్ ఫోటోను ఎంచుకోండి.',
  },
  reading: { en: 'Reading the photo…', te: 'ఫోటోను చదువుతోంది…' },
  noQr: {
    en: 'No QR code found in the photo. Take a sharper photo, closer to the code.',
    te: 'ఫోటోలో QR కోడ్ కనబడలేదు. కోడ్‌కు దగ్గరగా, స్పష్టమైన ఫోటో తీయండి.',
  },
  noCrypto: {
    en: 'This browser cannot check signatures. Use an up-to-date browser.',
    te: 'ఈ బ్రౌజర్ సంతకాలను తనిఖీ చేయలేదు. తాజా బ్రౌజర్‌ను ఉపయోగించండి.',
  },
  validTicket: { en: 'Valid ticket', te: 'చెల్లుబాటు అయ్యే టికెట్' },
  validDocument: { en: 'Valid certificate', te: 'చెల్లుబాటు అయ్యే ధృవీకరణ పత్రం' },
  genuine: {
    en: 'Signed by the Government of Andhra Pradesh. The details below must match the printout and the person.',
    te: 'ఆంధ్రప్రదేశ్ ప్రభుత్వం సంతకం చేసింది. క్రింది వివరాలు ముద్రిత పత్రంతో, వ్యక్తితో సరిపోలాలి.',
  },
  invalid: { en: 'Not valid: do not accept', te: 'చెల్లదు: అంగీకరించవద్దు' },
  altered: {
    en: 'The details in this QR code were changed after it was signed.',
    te: 'సంతకం చేసిన తర్వాత ఈ QR కోడ్‌లోని వివరాలు మార్చబడ్డాయి.',
  },
  notMitra: {
    en: 'This QR code is not a ticket or certificate of the Government of Andhra Pradesh.',
    te: 'ఈ QR కోడ్ ఆంధ్రప్రదేశ్ ప్రభుత్వ టికెట్ లేదా ధృవీకరణ పత్రం కాదు.',
  },
  unknownKey: {
    en: 'Signed with a key this page does not have. Connect to the internet and open this page again.',
    te: 'ఈ పేజీ వద్ద లేని కీతో సంతకం చేయబడింది. ఇంటర్నెట్‌కు కనెక్ట్ అయి ఈ పేజీని మళ్లీ తెరవండి.',
  },
  onlineOnly: { en: 'Check online', te: 'ఆన్‌లైన్‌లో తనిఖీ చేయండి' },
  firstCertificate: {
    en: 'An early certificate: its QR code is checked online only. Open its link while connected.',
    te: 'పాత ధృవీకరణ పత్రం: దీని QR కోడ్ ఆన్‌లైన్‌లో మాత్రమే తనిఖీ అవుతుంది. ఇంటర్నెట్ ఉన్నప్పుడు దాని లింక్‌ను తెరవండి.',
  },
  revoked: {
    en: 'Cancelled or revoked since it was issued.',
    te: 'జారీ చేసిన తర్వాత రద్దు చేయబడింది.',
  },
  notFound: {
    en: 'Not found in the online register.',
    te: 'ఆన్‌లైన్ రిజిస్టర్‌లో కనబడలేదు.',
  },
  confirmed: {
    en: 'Also confirmed online: not cancelled.',
    te: 'ఆన్‌లైన్‌లో కూడా నిర్ధారించబడింది: రద్దు కాలేదు.',
  },
  offline: {
    en: 'Checked offline. A cancellation cannot be seen without internet.',
    te: 'ఆఫ్‌లైన్‌లో తనిఖీ చేయబడింది. ఇంటర్నెట్ లేకుండా రద్దు కనిపించదు.',
  },
  another: { en: 'Check another', te: 'మరొకటి తనిఖీ చేయండి' },
  document: { en: 'Document', te: 'పత్రం' },
  name: { en: 'Name', te: 'పేరు' },
  issued: { en: 'Issued on', te: 'జారీ తేదీ' },
  number: { en: 'Number', te: 'సంఖ్య' },
  privacy: {
    en: 'The QR code is read and checked on this phone. Nothing is sent, except to ask whether it was cancelled when online.',
    te: 'QR కోడ్ ఈ ఫోన్‌లోనే చదవబడి తనిఖీ చేయబడుతుంది. ఇంటర్నెట్ ఉన్నప్పుడు రద్దు అయిందో లేదో అడగడం తప్ప ఏదీ పంపబడదు.',
  },
};

/** The page, its data (facts by tag, document titles by tag, texts) inert JSON beside a script of its own origin. */
function renderCheckPage(source: Catalog): string {
  const documents = Object.fromEntries(
    Object.entries(source.documents).map(([code, type]) => [documentTypeTag(code), type.title]),
  );
  const data = { facts: scriptFacts(), documents, text: TEXT };
  const both = (key: keyof typeof TEXT) => `${TEXT[key].en}<br><span lang="te">${TEXT[key].te}</span>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><meta name="theme-color" content="#12355b"><title>${TEXT.heading.en} · Mitra</title>
<style>
body{margin:0;font-family:system-ui,"Noto Sans","Noto Sans Telugu",sans-serif;background:#f4f4f0;color:#1b1b1b}
main{max-width:34rem;margin:0 auto;padding:1rem}
header{text-align:center}
header p{font-size:.85rem;color:#555;margin:0}
header h1{font-size:1.25rem;margin:.4rem 0 0}
header h1 span{display:block;font-size:1.05rem;font-weight:500}
#offline{font-size:.9rem;margin:.8rem 0;padding:.5rem .8rem;border-radius:.4rem;background:#e8eef6;color:#12355b}
#offline.ready{background:#e3f3e8;color:#0a6b2d}
#offline.missing{background:#fdf0dc;color:#7a4300}
button,label.button{display:block;box-sizing:border-box;width:100%;margin:.7rem 0;padding:.9rem 1rem;border:0;border-radius:.5rem;font:inherit;font-size:1.05rem;font-weight:600;text-align:center;cursor:pointer}
button span,label.button span{display:block;font-weight:500;font-size:.95rem}
#scan{background:#12355b;color:#fff}
label.button{background:#fff;color:#12355b;border:2px solid #12355b}
#stop,#again{background:#555;color:#fff}
input[type=file]{position:absolute;width:1px;height:1px;opacity:0}
video{display:block;width:100%;max-height:60vh;background:#000;border-radius:.5rem;object-fit:cover}
#status{font-size:.95rem;margin:.6rem 0;min-height:1.2rem}
#result{background:#fff;margin:1rem 0;border-left:.5rem solid #555;padding:1rem}
#result.valid{border-color:#0a6b2d}#result.valid h2{color:#0a6b2d}
#result.invalid{border-color:#b00020}#result.invalid h2{color:#b00020}
#result.unsure{border-color:#a15c00}#result.unsure h2{color:#a15c00}
#result h2{margin:0;font-size:1.5rem}#result h2 span{display:block;font-size:1.2rem}
#result p{margin:.5rem 0 0}
table{width:100%;border-collapse:collapse;margin-top:.8rem}
th,td{text-align:left;vertical-align:top;padding:.55rem .3rem;border-bottom:1px solid #e2e2dc;font-size:1rem}
th{width:38%;font-weight:600;color:#444}th span{font-weight:400;font-size:.9rem}
td{word-break:break-word;font-weight:600}
#online{font-size:.9rem;color:#444}
footer{font-size:.8rem;color:#666;margin-top:1rem}
</style></head>
<body><main>
<header><p>Government of Andhra Pradesh · <span lang="te">ఆంధ్రప్రదేశ్ ప్రభుత్వం</span></p>
<h1>${TEXT.heading.en}<span lang="te">${TEXT.heading.te}</span></h1></header>
<p id="offline" role="status">${both('loading')}</p>
<div id="controls">
<button id="scan" type="button">${TEXT.scan.en}<span lang="te">${TEXT.scan.te}</span></button>
<label class="button" for="photo">${TEXT.photo.en}<span lang="te">${TEXT.photo.te}</span></label>
<input id="photo" type="file" accept="image/*">
</div>
<div id="camera" hidden><video id="video" playsinline muted></video>
<button id="stop" type="button">${TEXT.stop.en}<span lang="te">${TEXT.stop.te}</span></button></div>
<p id="status" aria-live="polite"></p>
<section id="result" aria-live="assertive" hidden></section>
<footer>${both('privacy')}</footer>
</main>
<script type="application/json" id="mitra-check-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>
<script src="check/jsqr.js" defer></script>
<script src="check/app.js" defer></script>
</body></html>
`;
}

/** The page's assets as served: the service worker's cache is named after them, so a release replaces it whole. */
export function checkAssets(source: Catalog, decoder: string) {
  const page = renderCheckPage(source);
  const version = createHash('sha256').update(page).update(CHECK_SCRIPT).update(decoder).digest('hex').slice(0, 16);
  return { page, script: CHECK_SCRIPT, worker: checkWorkerScript(version) };
}
