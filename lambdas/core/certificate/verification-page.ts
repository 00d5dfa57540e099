import { issueDateOf } from './claims.ts';
import type { VerificationStatus, VerificationView } from './verification.ts';

/** Security headers of the page: no scripts, no external anything, never framed, no referrer (the URL has claims). */
export const VERIFICATION_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
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
  log: { en: 'Public log entry', te: 'పబ్లిక్ లాగ్ నమోదు' },
};

/** The verify page for a person: one small bilingual page, readable on a cheap phone, with no scripts at all. */
export function renderVerificationPage(view: VerificationView): string {
  const headline = HEADLINES[view.status];
  const rows: [keyof typeof LABELS, string][] = [];
  if (view.certId) rows.push(['number', view.certId]);
  if (view.certificate) {
    const c = view.certificate;
    rows.push(['document', c.title], ['holder', c.holder], ['issuer', issuerLine(c.issuer)]);
    rows.push(['date', c.issueDate]);
    if (c.revokedAt) rows.push(['revoked', issueDateOf(c.revokedAt)]);
    if (c.revocationReason) rows.push(['reason', c.revocationReason]);
  }
  if (view.log) rows.push(['log', `#${view.log.leafIndex}`]);
  const table = rows
    .map(
      ([label, value]) =>
        `<tr><th>${LABELS[label].en}<br><span lang="te">${LABELS[label].te}</span></th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('');
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
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;vertical-align:top;padding:.6rem;border-bottom:1px solid #e2e2dc;font-size:.95rem}
th{width:40%;font-weight:600;color:#444}th span{font-weight:400}
td{word-break:break-word}
footer{font-size:.8rem;color:#666;margin-top:1rem}
</style></head>
<body><main>
<header>Government of Andhra Pradesh · <span lang="te">ఆంధ్రప్రదేశ్ ప్రభుత్వం</span><br>${LABELS.heading.en} · <span lang="te">${LABELS.heading.te}</span></header>
<section class="status"><h1>${headline.en}</h1><p lang="te"><strong>${headline.te}</strong></p><p>${headline.note}</p></section>
${table ? `<table>${table}</table>` : ''}
<footer>Names are partly hidden for privacy. Compare the details with the printed certificate.</footer>
</main></body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** "Tahsildar, Revenue Department"; an authority that already names its department is not followed by it again. */
function issuerLine(issuer: { authority: string; department: string }): string {
  return issuer.authority.toLowerCase().includes(issuer.department.toLowerCase())
    ? issuer.authority
    : `${issuer.authority}, ${issuer.department}`;
}
