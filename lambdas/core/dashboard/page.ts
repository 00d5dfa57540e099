import { ALERT_LABELS, ALERTS_PANEL_STYLE, alertsPanel, alertsPanelConfig } from './alerts-panel.ts';

/**
 * The live dashboard's page (GET /dashboard): a shell with no figures in it. Its script fetches
 * `/dashboard/api/figures` every few seconds and draws them with Chart.js, served beside it. On AWS the figures need a
 * Cognito access token, which the script gets by the authorization-code flow with PKCE; on the embedded runtime the
 * dashboard is open.
 */

/** Where the script sends an officer to sign in, and what it exchanges the code for. */
export interface DashboardSignIn {
  authorizeUrl: string;
  tokenUrl: string;
  logoutUrl: string;
  clientId: string;
  redirectUri: string;
}

/** Seconds between refreshes of the figures. */
const REFRESH_SECONDS = 5;

const LABELS = {
  title: { en: 'Mitra — real-time governance', te: 'మిత్ర — రియల్ టైమ్ పాలన' },
  today: { en: 'Today', te: 'ఈరోజు' },
  updated: { en: 'Updated', te: 'నవీకరించబడింది' },
  offline: { en: 'Not updating: retrying', te: 'నవీకరణ ఆగింది: మళ్లీ ప్రయత్నిస్తోంది' },
  messagesIn: { en: 'Messages received', te: 'వచ్చిన సందేశాలు' },
  applications: { en: 'Applications', te: 'దరఖాస్తులు' },
  issued: { en: 'Documents issued', te: 'జారీ చేసిన పత్రాలు' },
  averageMinutesToIssue: { en: 'Average minutes to document', te: 'పత్రానికి సగటు నిమిషాలు' },
  slaBreaches: { en: 'Past their time limit', te: 'గడువు దాటినవి' },
  paidRupees: { en: 'Payments (₹)', te: 'చెల్లింపులు (₹)' },
  hours: { en: 'Messages by hour, today', te: 'గంటల వారీగా సందేశాలు, ఈరోజు' },
  trend: { en: 'Last 14 days', te: 'గత 14 రోజులు' },
  services: { en: 'Top services today', te: 'ఈరోజు ఎక్కువగా కోరిన సేవలు' },
  districts: { en: 'Applications by district', te: 'జిల్లాల వారీగా దరఖాస్తులు' },
  departments: { en: 'Applications by department', te: 'శాఖల వారీగా దరఖాస్తులు' },
  breachOffices: { en: 'Time limits passed, by office', te: 'కార్యాలయాల వారీగా గడువు దాటినవి' },
  none: { en: 'Nothing yet today', te: 'ఈరోజు ఇంకా ఏమీ లేదు' },
  signOut: { en: 'Sign out', te: 'నిష్క్రమించు' },
} as const;

type DashboardLabel = keyof typeof LABELS;

/** Security headers: scripts only from this origin, nothing framed, no referrer. */
export function dashboardHeaders(signIn: DashboardSignIn | undefined): Record<string, string> {
  const connect = signIn ? `'self' ${new URL(signIn.tokenUrl).origin}` : "'self'";
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy':
      `default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; ` +
      `connect-src ${connect}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

const TILES: readonly DashboardLabel[] = [
  'messagesIn',
  'applications',
  'issued',
  'averageMinutesToIssue',
  'slaBreaches',
  'paidRupees',
];
const RANKINGS: readonly DashboardLabel[] = ['services', 'districts', 'departments', 'breachOffices'];

/** JSON inside a <script> element: nothing in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function dashboardPage(signIn: DashboardSignIn | undefined): string {
  const label = (id: DashboardLabel) => `<span data-label="${id}">${LABELS[id].en}</span>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${LABELS.title.en}</title>
<link rel="icon" href="data:,">
<style>
  :root { --ink: #14213d; --muted: #5c677d; --line: #d9dee8; --accent: #0b5fa5; --warn: #b3261e; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: system-ui, "Noto Sans Telugu", "Nirmala UI", sans-serif; color: var(--ink);
    background: #f4f6fa; }
  header { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between;
    padding: 14px 20px; background: #fff; border-bottom: 1px solid var(--line); }
  h1 { font-size: clamp(1.15rem, 2.6vw, 1.9rem); margin: 0; }
  .meta { color: var(--muted); font-size: .95rem; }
  .meta.stale { color: var(--warn); font-weight: 600; }
  .languages button, #sign-out { font: inherit; border: 1px solid var(--line); background: #fff; padding: 6px 12px;
    border-radius: 6px; cursor: pointer; }
  .languages button[aria-pressed="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
  main { padding: 16px 20px 28px; display: grid; gap: 16px; }
  .tiles { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); }
  .tile { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
  .tile .value { font-size: clamp(1.8rem, 4.5vw, 3rem); font-weight: 700; font-variant-numeric: tabular-nums; }
  .tile .name { color: var(--muted); }
  .tile.warn .value { color: var(--warn); }
  .panels { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); }
  section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; min-width: 0; }
  h2 { font-size: 1.05rem; margin: 0 0 10px; }
  .chart { position: relative; height: 240px; }
  ol { margin: 0; padding: 0; list-style: none; }
  li { display: flex; justify-content: space-between; gap: 12px; padding: 6px 0; border-top: 1px solid var(--line); }
  li:first-child { border-top: 0; }
  li .count { font-weight: 700; font-variant-numeric: tabular-nums; }
  li.empty { color: var(--muted); }
${ALERTS_PANEL_STYLE}</style>
</head>
<body>
<header>
  <div>
    <h1>${label('title')}</h1>
    <div class="meta" id="status">${label('today')} <span id="day"></span> · ${label('updated')} <span id="updated-at"></span>
      <strong id="stale" hidden>· ${label('offline')}</strong></div>
  </div>
  <div class="languages">
    <button type="button" data-language="en" aria-pressed="true">English</button>
    <button type="button" data-language="te" aria-pressed="false" lang="te">తెలుగు</button>
    ${signIn ? `<button type="button" id="sign-out">${label('signOut')}</button>` : ''}
  </div>
</header>
<main>
  <div class="tiles">
${TILES.map((id) => `    <div class="tile${id === 'slaBreaches' ? ' warn' : ''}"><div class="value" id="tile-${id}">–</div><div class="name">${label(id)}</div></div>`).join('\n')}
  </div>
  <div class="panels">
    <section><h2>${label('hours')}</h2><div class="chart"><canvas id="chart-hours"></canvas></div></section>
    <section><h2>${label('trend')}</h2><div class="chart"><canvas id="chart-trend"></canvas></div></section>
${RANKINGS.map((id) => `    <section><h2>${label(id)}</h2><ol id="ranking-${id}"></ol></section>`).join('\n')}
${alertsPanel()}
  </div>
</main>
<script type="application/json" id="mitra-dashboard">${scriptJson({
    labels: { ...LABELS, ...ALERT_LABELS },
    signIn,
    refreshSeconds: REFRESH_SECONDS,
    alerts: alertsPanelConfig(),
  })}</script>
<script src="/dashboard/chart.js"></script>
<script src="/dashboard/dashboard.js"></script>
<script src="/dashboard/alerts.js"></script>
</body>
</html>
`;
}

/**
 * The page's own script, served at /dashboard/dashboard.js. Plain ES2020 on Chart.js's global; every figure goes in
 * with textContent. test/integration/dashboard-browser.test.ts runs it in Chromium.
 */
export const DASHBOARD_SCRIPT = `(() => {
  "use strict";
  const config = JSON.parse(document.getElementById("mitra-dashboard").textContent);
  const labels = config.labels;
  const signIn = config.signIn;
  let language = localStorage.getItem("mitra.dashboard.language") === "te" ? "te" : "en";
  let figures;
  const number = (n) => n === null || n === undefined ? "–" : Number(n).toLocaleString("en-IN");
  const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  const random = (n) => base64url(crypto.getRandomValues(new Uint8Array(n)));

  async function accessToken() {
    if (!signIn) return undefined;
    const saved = JSON.parse(sessionStorage.getItem("mitra.dashboard.token") || "null");
    if (saved && saved.expiresAt > Date.now() + 30000) return saved.accessToken;
    const query = new URLSearchParams(location.search);
    const verifier = sessionStorage.getItem("mitra.dashboard.verifier");
    if (query.get("code") && verifier && query.get("state") === sessionStorage.getItem("mitra.dashboard.state")) {
      history.replaceState(null, "", location.pathname);
      sessionStorage.removeItem("mitra.dashboard.verifier");
      const response = await fetch(signIn.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "authorization_code", client_id: signIn.clientId, code: query.get("code"),
          redirect_uri: signIn.redirectUri, code_verifier: verifier }),
      });
      if (response.ok) {
        const body = await response.json();
        sessionStorage.setItem("mitra.dashboard.token",
          JSON.stringify({ accessToken: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 }));
        return body.access_token;
      }
    }
    const newVerifier = random(32);
    const challenge = base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(newVerifier))));
    const state = random(16);
    sessionStorage.setItem("mitra.dashboard.verifier", newVerifier);
    sessionStorage.setItem("mitra.dashboard.state", state);
    location.assign(signIn.authorizeUrl + "?" + new URLSearchParams({ response_type: "code", client_id: signIn.clientId,
      redirect_uri: signIn.redirectUri, scope: "openid", code_challenge: challenge, code_challenge_method: "S256", state }));
    return new Promise(() => {});
  }

  const colours = { accent: "#0b5fa5", second: "#2a9d8f" };
  const hoursChart = new Chart(document.getElementById("chart-hours"), {
    type: "bar",
    data: { labels: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0")), datasets: [{ data: [], backgroundColor: colours.accent }] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  const trendChart = new Chart(document.getElementById("chart-trend"), {
    type: "line",
    data: { labels: [], datasets: [
      { label: "", data: [], borderColor: colours.accent, backgroundColor: colours.accent, cubicInterpolationMode: "monotone" },
      { label: "", data: [], borderColor: colours.second, backgroundColor: colours.second, cubicInterpolationMode: "monotone" },
    ] },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });

  function render() {
    document.documentElement.lang = language;
    document.title = labels.title[language];
    for (const node of document.querySelectorAll("[data-label]")) node.textContent = labels[node.dataset.label][language];
    for (const button of document.querySelectorAll("[data-language]"))
      button.setAttribute("aria-pressed", String(button.dataset.language === language));
    trendChart.data.datasets[0].label = labels.applications[language];
    trendChart.data.datasets[1].label = labels.issued[language];
    if (figures) {
      document.getElementById("day").textContent = figures.day;
      for (const [id, value] of Object.entries(figures.totals)) {
        const tile = document.getElementById("tile-" + id);
        if (tile) tile.textContent = number(value);
      }
      for (const id of ["services", "districts", "departments", "breachOffices"]) {
        const list = document.getElementById("ranking-" + id);
        const rows = figures[id].map((row) => {
          const item = document.createElement("li");
          const name = document.createElement("span");
          name.textContent = row.name[language];
          const count = document.createElement("span");
          count.className = "count";
          count.textContent = number(row.count);
          item.append(name, count);
          return item;
        });
        if (rows.length === 0) {
          const empty = document.createElement("li");
          empty.className = "empty";
          empty.textContent = labels.none[language];
          rows.push(empty);
        }
        list.replaceChildren(...rows);
      }
      hoursChart.data.datasets[0].data = figures.hours;
      trendChart.data.labels = figures.trend.map((d) => d.day.slice(5));
      trendChart.data.datasets[0].data = figures.trend.map((d) => d.applications);
      trendChart.data.datasets[1].data = figures.trend.map((d) => d.issued);
    }
    hoursChart.update("none");
    trendChart.update("none");
    document.dispatchEvent(new CustomEvent("mitra:language"));
  }

  async function refresh() {
    const status = document.getElementById("status");
    try {
      const token = await accessToken();
      const response = await fetch("/dashboard/api/figures", { headers: token ? { authorization: "Bearer " + token } : {} });
      if (response.status === 401) sessionStorage.removeItem("mitra.dashboard.token");
      if (!response.ok) throw new Error(String(response.status));
      figures = await response.json();
      status.classList.remove("stale");
      document.getElementById("stale").hidden = true;
      document.getElementById("updated-at").textContent =
        new Date(figures.generatedAt).toLocaleTimeString("en-IN", { timeZone: "Asia/Kolkata" });
      render();
    } catch (error) {
      console.warn("dashboard: figures not updated:", error && error.message);
      status.classList.add("stale");
      document.getElementById("stale").hidden = false;
    }
  }

  for (const button of document.querySelectorAll("[data-language]"))
    button.addEventListener("click", () => {
      language = button.dataset.language;
      localStorage.setItem("mitra.dashboard.language", language);
      render();
      if (figures) refresh();
    });
  const signOut = document.getElementById("sign-out");
  if (signOut && signIn)
    signOut.addEventListener("click", () => {
      sessionStorage.removeItem("mitra.dashboard.token");
      location.assign(signIn.logoutUrl + "?" + new URLSearchParams({ client_id: signIn.clientId, logout_uri: signIn.redirectUri }));
    });
  // The alerts panel's script signs in and speaks the language through these.
  window.mitraDashboard = { accessToken, language: () => language };
  render();
  refresh();
  setInterval(refresh, config.refreshSeconds * 1000);
})();
`;
