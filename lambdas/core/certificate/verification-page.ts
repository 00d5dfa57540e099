import { scriptFacts } from './claims-decoder-script.ts';
import { issueDateOf } from './issue-date.ts';
import type { VerificationStatus, VerificationView } from './verification.ts';
import { VERIFICATION_SCRIPT, VERIFICATION_SCRIPT_HASH } from './verification-script.ts';

/**
 * Security headers of the page: one script, known by its hash; nothing external; never framed; no referrer (the URL
 * has claims in its fragment).
 */
export const VERIFICATION_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    `default-src 'none'; script-src ${VERIFICATION_SCRIPT_HASH}; style-src 'unsafe-inline'; base-uri 'none'; ` +
    "form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

const HEADLINES: Record<VerificationStatus, { en: string; te: string; note: string; colour: string }> = {
  valid: {
    en: 'Valid certificate',
    te: 'చెల్లుబాటు అయ్యే ధృవీకరణ పత్రం',
    note: 'This certificate was issued by the Government of Andhra Pradesh and has not been revoked.',
    colour: '#0a6b2d',
  },
  revoked: {
    en: 'Revoked certificate',
    te: 'రద్దు చేయబడిన ధృవీకరణ పత్రం',
    note: 'This certificate was issued but has been revoked. It is no longer valid.',
    colour: '#a15c00',
  },
  'invalid-signature': {
    en: 'Details do not match',
    te: 'వివరాలు సరిపోలడం లేదు',
    note: 'The details in this QR code are not the ones this certificate was issued with. The document may be altered.',
    colour: '#b00020',
  },
  unknown: {
    en: 'Certificate not found',
    te: 'ధృవీకరణ పత్రం కనుగొనబడలేదు',
    note: 'No certificate with this number was issued. Check the number, or scan the QR code again.',
    colour: '#b00020',
  },
};

const LABELS = {
  heading: { en: 'Certificate verification', te: 'ధృవీకరణ పత్రం తనిఖీ' },
  number: { en: 'Certificate number', te: 'సర్టిఫికెట్ సంఖ్య' },
  document: { en: 'Document', te: 'పత్రం' },
  holder: { en: 'Issued to', te: 'ఎవరికి' },
  issuer: { en: 'Issued by', te: 'జారీ చేసినవారు' },
  date: { en: 'Date of issue', te: 'జారీ తేదీ' },
  revoked: { en: 'Revoked on', te: 'రద్దు తేదీ' },
  reason: { en: 'Reason', te: 'కారణం' },
};

/** What the script says about the QR code's claims, in both languages. */
const QR_TEXT = {
  scan: {
    en: 'Scan the QR code on the document to check the details it carries.',
    te: 'పత్రంలోని వివరాలను తనిఖీ చేయడానికి దానిపై ఉన్న QR కోడ్‌ను స్కాన్ చేయండి.',
  },
  genuine: {
    en: 'The QR code’s details are genuine. They must be exactly what the document prints:',
    te: 'QR కోడ్‌లోని వివరాలు నిజమైనవి. పత్రంలో ముద్రించినవి సరిగ్గా ఇవే అయి ఉండాలి:',
  },
  altered: {
    en: 'The QR code was changed after it was issued. Do not accept this document.',
    te: 'జారీ చేసిన తర్వాత QR కోడ్ మార్చబడింది. ఈ పత్రాన్ని అంగీకరించవద్దు.',
  },
  noCrypto: {
    en: 'This browser cannot check the QR code’s signature. Open the link in an up-to-date browser.',
    te: 'ఈ బ్రౌజర్ QR కోడ్ సంతకాన్ని తనిఖీ చేయలేదు. తాజా బ్రౌజర్‌లో లింక్‌ను తెరవండి.',
  },
  name: { en: 'Name', te: 'పేరు' },
  date: LABELS.date,
};

/** What the witness says, when the deployment has one: a line under the record. */
const WITNESS_TEXT = {
  cosigned: {
    en: 'Listed in the public transparency log, co-signed by the independent witness on',
    te: 'పబ్లిక్ పారదర్శకత లాగ్‌లో నమోదైంది; స్వతంత్ర సాక్షి సహ-సంతకం చేసిన తేదీ',
    colour: '#0a6b2d',
  },
  pending: {
    en: 'Listed in the public transparency log; the independent witness co-signs it within minutes.',
    te: 'పబ్లిక్ పారదర్శకత లాగ్‌లో నమోదైంది; స్వతంత్ర సాక్షి కొద్ది నిమిషాల్లో సహ-సంతకం చేస్తారు.',
    colour: '#555',
  },
  failed: {
    en: 'Warning: the independent witness has not vouched for the log that lists this certificate. Confirm it with the issuing office before relying on it.',
    te: 'హెచ్చరిక: ఈ ధృవీకరణ పత్రాన్ని నమోదు చేసిన లాగ్‌కు స్వతంత్ర సాక్షి హామీ ఇవ్వలేదు. దీనిపై ఆధారపడే ముందు జారీ చేసిన కార్యాలయంతో నిర్ధారించుకోండి.',
    colour: '#b00020',
  },
} as const;

function witnessLine(witness: VerificationView['witness']): string {
  if (!witness) return '';
  const text = WITNESS_TEXT[witness.status];
  const date = witness.status === 'cosigned' ? ` ${issueDateOf(witness.cosignedAt)}` : '';
  return `<p class="witness" style="border-color:${text.colour}">${text.en}${date}<br><span lang="te">${text.te}${date}</span></p>`;
}

/** What the page's script checks the QR code against: the certificate's key and what the record says. */
export interface PageCheck {
  keyId: string;
  /** DER SubjectPublicKeyInfo of the key that signed the certificate, base64url. */
  publicKey: string;
  documentType: string;
  issueDate: string;
}

/**
 * The verify page for a person: one small bilingual page, readable on a cheap phone. The server's part says what the
 * record says (by id); its one script checks the claims in the URL's fragment against the certificate's key, in the
 * browser, and shows them, or shows the document as altered.
 */
export function renderVerificationPage(view: VerificationView, check?: PageCheck): string {
  const headline = HEADLINES[view.status];
  const rows: [keyof typeof LABELS, string][] = [];
  if (view.certId) rows.push(['number', view.certId]);
  if (view.certificate) {
    const c = view.certificate;
    rows.push(['document', c.title], ['holder', c.holder], ['issuer', issuerLine(c.issuer)]);
    rows.push(['date', c.issueDate]);
    if (c.revokedAt) rows.push(['revoked', issueDateOf(c.revokedAt)]);
  }
  const table = rows
    .map(
      ([label, value]) =>
        `<tr><th>${LABELS[label].en}<br><span lang="te">${LABELS[label].te}</span></th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const reason = view.certificate?.revocationReason;
  const reasonRow = reason
    ? `<tr><th>${LABELS.reason.en}<br><span lang="te">${LABELS.reason.te}</span></th><td>${escapeHtml(reason.en)}<br><span lang="te">${escapeHtml(reason.te)}</span></td></tr>`
    : '';
  // A first certificate's QR code brings its claims in the query, checked by the server: nothing left to check here.
  const checkable = (view.status === 'valid' || view.status === 'revoked') && !view.claimsChecked;
  const data = {
    certId: view.certId ?? '',
    check: checkable && check ? check : null,
    facts: scriptFacts(),
    text: QR_TEXT,
    altered: HEADLINES['invalid-signature'],
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${headline.en} · Mitra</title>
<style>
body{margin:0;font-family:system-ui,"Noto Sans","Noto Sans Telugu",sans-serif;background:#f4f4f0;color:#1b1b1b}
main{max-width:34rem;margin:0 auto;padding:1rem}
header{font-size:.85rem;color:#555;text-align:center}
.status{border-left:.4rem solid ${headline.colour};background:#fff;padding:1rem;margin:1rem 0}
.status h1{margin:0;font-size:1.3rem;color:${headline.colour}}
.status p{margin:.5rem 0 0}
#qr{background:#fff;padding:.2rem 1rem 1rem;margin:1rem 0}
#qr h2{font-size:1rem;margin:.8rem 0 .2rem}#qr p{margin:0 0 .6rem;font-size:.95rem}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;vertical-align:top;padding:.6rem;border-bottom:1px solid #e2e2dc;font-size:.95rem}
th{width:40%;font-weight:600;color:#444}th span{font-weight:400}
td{word-break:break-word}
footer{font-size:.8rem;color:#666;margin-top:1rem}
.witness{background:#fff;border-left:.25rem solid;margin:1rem 0 0;padding:.6rem;font-size:.9rem}
</style></head>
<body><main>
<header>Government of Andhra Pradesh · <span lang="te">ఆంధ్రప్రదేశ్ ప్రభుత్వం</span><br>${LABELS.heading.en} · <span lang="te">${LABELS.heading.te}</span></header>
<section class="status"><h1>${headline.en}</h1><p lang="te"><strong>${headline.te}</strong></p><p>${headline.note}</p></section>
${table ? `<table class="record">${table}${reasonRow}</table>` : ''}
${witnessLine(view.witness)}
<section id="qr" hidden></section>
<footer>Names are partly hidden for privacy. The QR code’s details are checked in your browser and are not sent anywhere.</footer>
</main>
<script type="application/json" id="mitra-check">${jsonForScript(data)}</script>
<script>${VERIFICATION_SCRIPT}</script>
</body></html>
`;
}

/** Bidirectional controls would reorder what is shown (RLO makes "0001" read "1000"): they never reach the page. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function escapeHtml(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** JSON inside a script element: `<` escaped, so no text in it can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(BIDI_CONTROLS, '');
}

/** "Tahsildar, Revenue Department"; an authority that already names its department is not followed by it again. */
function issuerLine(issuer: { authority: string; department: string }): string {
  return issuer.authority.toLowerCase().includes(issuer.department.toLowerCase())
    ? issuer.authority
    : `${issuer.authority}, ${issuer.department}`;
}
