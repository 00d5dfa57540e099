import { ALERT_TEMPLATE_BODY } from '../alerts/campaign.ts';
import { ALERT_DISTRICTS, ALERT_TEXT_MAX, ALERT_TOPICS } from '../alerts/topics.ts';

/**
 * The dashboard's "Send an alert" panel: an operator picks a topic and districts and writes the text in both
 * languages, sees how many opted-in citizens it reaches and the approved template it goes as, confirms, and follows
 * each campaign's recipients (queued, sent, delivered, failed). Its script, /dashboard/alerts.js, uses
 * /dashboard/api/alerts with the page's sign-in; the panel stays hidden for a user who may not send alerts.
 */

export const ALERT_LABELS = {
  alerts: { en: 'Send an alert', te: 'హెచ్చరిక పంపండి' },
  alertTopic: { en: 'Topic', te: 'అంశం' },
  alertDistricts: { en: 'Districts', te: 'జిల్లాలు' },
  alertTextEn: { en: 'Text in English', te: 'ఆంగ్లంలో సందేశం' },
  alertTextTe: { en: 'Text in Telugu', te: 'తెలుగులో సందేశం' },
  alertCheck: { en: 'See whom it reaches', te: 'ఎవరికి చేరుతుందో చూడండి' },
  alertIncomplete: {
    en: 'Choose a topic and at least one district, and write the text in both languages.',
    te: 'అంశం, కనీసం ఒక జిల్లా ఎంచుకుని, రెండు భాషల్లోనూ సందేశం రాయండి.',
  },
  alertReach: { en: 'It goes to {n} opted-in citizens', te: 'ఇది {n} మంది సమ్మతించిన పౌరులకు వెళ్తుంది' },
  alertNobody: {
    en: 'No citizen has opted in to this topic in these districts.',
    te: 'ఈ జిల్లాల్లో ఈ అంశానికి ఏ పౌరుడూ సమ్మతించలేదు.',
  },
  alertAsTemplate: { en: 'Each receives it as the approved template', te: 'ప్రతి ఒక్కరికీ ఇది ఆమోదించిన టెంప్లేట్‌గా వెళ్తుంది' },
  alertSend: { en: 'Send to {n} citizens', te: '{n} మంది పౌరులకు పంపండి' },
  alertChange: { en: 'Change', te: 'మార్చండి' },
  alertSent: { en: 'Alerts sent', te: 'పంపిన హెచ్చరికలు' },
  alertColumn: { en: 'Alert', te: 'హెచ్చరిక' },
  alertQueued: { en: 'Queued', te: 'వరుసలో' },
  alertSentCount: { en: 'Sent', te: 'పంపినవి' },
  alertDelivered: { en: 'Delivered', te: 'అందినవి' },
  alertFailed: { en: 'Failed', te: 'విఫలమైనవి' },
  alertSending: { en: 'sending', te: 'పంపుతోంది' },
  alertDone: { en: 'done', te: 'పూర్తయింది' },
  alertNone: { en: 'No alerts sent yet', te: 'ఇంకా హెచ్చరికలు పంపలేదు' },
} as const;

type AlertLabel = keyof typeof ALERT_LABELS;

const label = (id: AlertLabel) => `<span data-label="${id}">${ALERT_LABELS[id].en}</span>`;

/** What the panel's script needs besides its labels: the choices, the template's bodies, the text limit. */
export const alertsPanelConfig = () => ({
  topics: ALERT_TOPICS.map(({ id, name }) => ({ id, name })),
  districts: ALERT_DISTRICTS.map(({ id, label }) => ({ id, name: label })),
  templateBody: ALERT_TEMPLATE_BODY,
});

export const ALERTS_PANEL_STYLE = `
  #alerts { grid-column: 1 / -1; }
  #alerts label, #alerts legend { display: block; font-weight: 600; margin: 10px 0 4px; }
  #alerts select, #alerts textarea { font: inherit; width: 100%; padding: 6px 8px; border: 1px solid var(--line);
    border-radius: 6px; }
  #alerts textarea { min-height: 4.5em; resize: vertical; }
  #alerts fieldset { border: 0; padding: 0; margin: 0; }
  #alerts .sent-heading { margin-top: 20px; }
  .districts { display: grid; gap: 2px 12px; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); }
  #alerts .districts label { font-weight: 400; margin: 0; display: flex; gap: 6px; align-items: center; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
  .actions button { font: inherit; padding: 8px 14px; border-radius: 6px; border: 1px solid var(--accent);
    background: #fff; color: var(--accent); cursor: pointer; }
  .actions button.primary { background: var(--accent); color: #fff; }
  #alert-reach { font-size: 1.2rem; font-weight: 700; margin: 12px 0 4px; }
  blockquote { margin: 6px 0; padding: 8px 12px; background: #eef6ee; border-radius: 8px; white-space: pre-wrap; }
  #alert-error { color: var(--warn); font-weight: 600; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  th, td { text-align: right; padding: 6px 8px; border-top: 1px solid var(--line); }
  th:first-child, td:first-child { text-align: left; }
  td .state { color: var(--muted); font-size: .9rem; }
`;

export function alertsPanel(): string {
  return `    <section id="alerts" hidden>
      <h2>${label('alerts')}</h2>
      <form id="alert-form" novalidate>
        <label for="alert-topic">${label('alertTopic')}</label>
        <select id="alert-topic"></select>
        <fieldset><legend>${label('alertDistricts')}</legend><div class="districts" id="alert-districts"></div></fieldset>
        <label for="alert-text-en">${label('alertTextEn')}</label>
        <textarea id="alert-text-en" lang="en" maxlength="${ALERT_TEXT_MAX}"></textarea>
        <label for="alert-text-te">${label('alertTextTe')}</label>
        <textarea id="alert-text-te" lang="te" maxlength="${ALERT_TEXT_MAX}"></textarea>
        <div class="actions"><button type="submit" class="primary" id="alert-check">${label('alertCheck')}</button></div>
      </form>
      <div id="alert-confirm" hidden>
        <p id="alert-reach"></p>
        <p id="alert-reach-districts"></p>
        <p>${label('alertAsTemplate')} <code id="alert-template"></code>:</p>
        <blockquote id="alert-preview-en" lang="en"></blockquote>
        <blockquote id="alert-preview-te" lang="te"></blockquote>
        <div class="actions">
          <button type="button" class="primary" id="alert-send"></button>
          <button type="button" id="alert-change">${label('alertChange')}</button>
        </div>
      </div>
      <p id="alert-error" role="alert" hidden></p>
      <h2 class="sent-heading">${label('alertSent')}</h2>
      <div class="table-wrap"><table>
        <thead><tr><th>${label('alertColumn')}</th><th>${label('alertQueued')}</th><th>${label('alertSentCount')}</th><th>${label('alertDelivered')}</th><th>${label('alertFailed')}</th></tr></thead>
        <tbody id="alert-campaigns"></tbody>
      </table></div>
    </section>`;
}

/**
 * The panel's script, served at /dashboard/alerts.js after the dashboard's own (whose sign-in and language it uses
 * through `window.mitraDashboard`). Plain ES2020; everything shown goes in with textContent.
 */
export const ALERTS_SCRIPT = `(() => {
  "use strict";
  const dashboard = window.mitraDashboard;
  const config = JSON.parse(document.getElementById("mitra-dashboard").textContent);
  const labels = config.labels;
  const choices = config.alerts;
  const $ = (id) => document.getElementById(id);
  const say = (id, n) => labels[id][dashboard.language()].replace("{n}", Number(n).toLocaleString("en-IN"));
  const nameOf = (list, id) => (list.find((item) => item.id === id) || { name: { en: id, te: id } }).name;
  let template = "";
  let campaigns;
  let pending;

  async function call(path, init) {
    const token = await dashboard.accessToken();
    const headers = Object.assign({}, init && init.headers, token ? { authorization: "Bearer " + token } : {});
    const response = await fetch(path, Object.assign({}, init, { headers }));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw Object.assign(new Error(body.message || String(response.status)), { status: response.status });
    return body;
  }

  function showError(message) {
    $("alert-error").textContent = message || "";
    $("alert-error").hidden = !message;
  }

  function composed() {
    return {
      topic: $("alert-topic").value,
      districts: Array.from(document.querySelectorAll("#alert-districts input:checked"), (box) => box.value),
      text: { en: $("alert-text-en").value.trim(), te: $("alert-text-te").value.trim() },
    };
  }

  function preview(language) {
    const alert = pending.alert;
    return choices.templateBody[language]
      .replace("{{1}}", nameOf(choices.topics, alert.topic)[language])
      .replace("{{2}}", nameOf(choices.districts, alert.districts[0])[language])
      .replace("{{3}}", alert.text[language]);
  }

  function render() {
    const language = dashboard.language();
    const topic = $("alert-topic");
    if (topic.options.length === 0)
      for (const item of choices.topics) topic.append(new Option("", item.id));
    for (const option of topic.options) option.textContent = nameOf(choices.topics, option.value)[language];
    const districts = $("alert-districts");
    if (districts.children.length === 0)
      for (const item of choices.districts) {
        const box = document.createElement("input");
        box.type = "checkbox";
        box.value = item.id;
        box.addEventListener("change", cancel);
        const row = document.createElement("label");
        row.append(box, document.createElement("span"));
        districts.append(row);
      }
    for (const row of districts.children)
      row.lastChild.textContent = nameOf(choices.districts, row.firstChild.value)[language];
    if (pending) {
      $("alert-reach").textContent = pending.reach.total > 0 ? say("alertReach", pending.reach.total) : labels.alertNobody[language];
      $("alert-reach-districts").textContent = pending.reach.districts
        .map((d) => nameOf(choices.districts, d.district)[language] + " " + Number(d.citizens).toLocaleString("en-IN"))
        .join(" · ");
      $("alert-template").textContent = template;
      $("alert-preview-en").textContent = preview("en");
      $("alert-preview-te").textContent = preview("te");
      $("alert-send").textContent = say("alertSend", pending.reach.total);
      $("alert-send").disabled = pending.reach.total === 0;
    }
    $("alert-confirm").hidden = !pending;
    const rows = (campaigns || []).map((campaign) => {
      const row = document.createElement("tr");
      row.dataset.campaign = campaign.campaignId;
      const what = document.createElement("td");
      const state = document.createElement("span");
      state.className = "state";
      state.textContent = " · " + new Date(campaign.createdAt).toLocaleTimeString("en-IN", { timeZone: "Asia/Kolkata" }) +
        " · " + labels[campaign.status === "done" ? "alertDone" : "alertSending"][language];
      what.append(nameOf(choices.topics, campaign.topic)[language] + ", " + nameOf(choices.districts, campaign.district)[language], state);
      row.append(what);
      for (const status of ["queued", "sent", "delivered", "failed"]) {
        const cell = document.createElement("td");
        cell.dataset.status = status;
        cell.textContent = Number(campaign.recipients[status]).toLocaleString("en-IN");
        row.append(cell);
      }
      return row;
    });
    if (campaigns && rows.length === 0) {
      const row = document.createElement("tr");
      const cell = document.createElement("td");
      cell.colSpan = 5;
      cell.textContent = labels.alertNone[language];
      row.append(cell);
      rows.push(row);
    }
    $("alert-campaigns").replaceChildren(...rows);
  }

  function cancel() {
    pending = undefined;
    render();
  }

  async function refresh() {
    try {
      const body = await call("/dashboard/api/alerts");
      template = body.template;
      campaigns = body.campaigns;
      $("alerts").hidden = false;
      render();
    } catch (error) {
      // Not an alert sender (or signed out): the panel stays hidden.
      if (error.status === 403) $("alerts").hidden = true;
      else console.warn("dashboard: alerts not updated:", error.message);
    }
  }

  $("alert-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    showError();
    const alert = composed();
    if (!alert.topic || alert.districts.length === 0 || !alert.text.en || !alert.text.te)
      return showError(labels.alertIncomplete[dashboard.language()]);
    try {
      const query = new URLSearchParams({ topic: alert.topic, districts: alert.districts.join(",") });
      pending = { alert, reach: await call("/dashboard/api/alerts/reach?" + query) };
      render();
    } catch (error) {
      showError(error.message);
    }
  });
  for (const id of ["alert-topic", "alert-text-en", "alert-text-te"]) $(id).addEventListener("input", cancel);
  $("alert-change").addEventListener("click", cancel);
  $("alert-send").addEventListener("click", async () => {
    if (!pending) return;
    const alert = pending.alert;
    $("alert-send").disabled = true;
    try {
      await call("/dashboard/api/alerts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(alert),
      });
      pending = undefined;
      $("alert-text-en").value = "";
      $("alert-text-te").value = "";
      await refresh();
    } catch (error) {
      $("alert-send").disabled = false;
      showError(error.message);
    }
  });
  document.addEventListener("mitra:language", render);
  render();
  refresh();
  setInterval(refresh, config.refreshSeconds * 1000);
})();
`;
