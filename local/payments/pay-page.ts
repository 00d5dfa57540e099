/** What the pay page shows of one link. */
export interface PayPageLink {
  linkId: string;
  orderId: string;
  description: string;
  amountPaise: number;
  expiresAt: string;
  status: 'created' | 'paid' | 'expired';
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const rupees = (paise: number) => `₹${paise % 100 === 0 ? String(paise / 100) : (paise / 100).toFixed(2)}`;

/**
 * The gateway's hosted payment page, in English and Telugu: the amount and purpose, and two buttons standing for
 * what a citizen's UPI app would do (pay, or fail). Each posts `{ outcome }` to the same URL, which sends the
 * gateway's signed callback to Mitra.
 */
export function payPage(link: PayPageLink): string {
  const open = link.status === 'created';
  const status =
    link.status === 'paid'
      ? 'Paid. Thank you. / చెల్లింపు పూర్తైంది. ధన్యవాదాలు.'
      : link.status === 'expired'
        ? 'This link has expired. / ఈ లింక్ గడువు ముగిసింది.'
        : `Pay by ${new Date(link.expiresAt).toUTCString()} / ఈ సమయంలోగా చెల్లించండి`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pay ${escapeHtml(rupees(link.amountPaise))} — Mitra (local payment gateway)</title>
<style>
body{font-family:system-ui,"Noto Sans Telugu",sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
.amount{font-size:2.5rem;font-weight:700;margin:.5rem 0}
button{display:block;width:100%;padding:.9rem;margin:.6rem 0;font-size:1.05rem;border-radius:.5rem;border:0;cursor:pointer}
.pay{background:#0b7a3e;color:#fff}.fail{background:#eee;color:#8a1c1c}
.note{color:#666;font-size:.85rem}#result{font-weight:600;margin-top:1rem}
</style></head>
<body>
<p class="note">Local payment gateway (simulated; no money moves) / స్థానిక చెల్లింపు గేట్‌వే (నమూనా)</p>
<h1>Mitra fee / మిత్ర రుసుము</h1>
<div class="amount" data-amount-paise="${link.amountPaise}">${escapeHtml(rupees(link.amountPaise))}</div>
<p>${escapeHtml(link.description)}</p>
<p class="note">Order / ఆర్డర్: ${escapeHtml(link.orderId)}</p>
<p id="status">${escapeHtml(status)}</p>
${
  open
    ? `<button class="pay" data-outcome="captured">Pay with UPI / UPI ద్వారా చెల్లించండి</button>
<button class="fail" data-outcome="failed">Fail payment / చెల్లింపు విఫలం</button>`
    : ''
}
<p id="result" role="status"></p>
<script>
for (const button of document.querySelectorAll('button[data-outcome]')) {
  button.addEventListener('click', async () => {
    const response = await fetch(location.pathname, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: button.dataset.outcome }),
    });
    document.getElementById('result').textContent = response.ok
      ? (button.dataset.outcome === 'captured' ? 'Paid. You can close this page. / చెల్లించారు.' : 'Payment failed. / చెల్లింపు విఫలమైంది.')
      : 'Mitra answered ' + response.status;
    if (response.ok && button.dataset.outcome === 'captured') for (const b of document.querySelectorAll('button')) b.remove();
  });
}
</script>
</body></html>`;
}
