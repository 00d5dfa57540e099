/** The chat page's stylesheet: WhatsApp's light theme, system fonts only (Telugu from the OS's Noto/Nirmala/Gautami). */
export const SIMULATOR_CSS = `
:root {
  --green-dark: #008069; --bubble-out: #d9fdd3; --bubble-in: #ffffff; --chat-bg: #efeae2; --text: #111b21;
  --meta: #667781; --tick-blue: #53bdeb; --link: #027eb5; --divider: #e9edef; --danger: #d93025;
  --officer: #1f5fa8;
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body {
  font: 14.2px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Telugu", "Nirmala UI",
    Gautami, Vani, sans-serif;
  color: var(--text); background: #d1d7db;
}
[lang="te"] { font-family: "Noto Sans Telugu", "Nirmala UI", Gautami, Vani, system-ui, sans-serif; line-height: 1.65; }
button { font: inherit; cursor: pointer; }
.app { max-width: 480px; height: 100vh; margin: 0 auto; display: flex; flex-direction: column; background: var(--chat-bg);
  box-shadow: 0 0 12px rgba(0,0,0,.15); position: relative; overflow: hidden; }
.topbar { background: var(--green-dark); color: #fff; display: flex; align-items: center; gap: 10px; padding: 8px 10px; }
.avatar { width: 38px; height: 38px; border-radius: 50%; background: #dfe5e7; color: var(--green-dark); display: grid;
  place-items: center; font-weight: 700; flex: none; }
.who { flex: 1; min-width: 0; }
.who .title { font-weight: 600; font-size: 16px; }
.who .sub { font-size: 12.5px; opacity: .85; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.clock { display: flex; flex-direction: column; align-items: flex-end; gap: 3px; font-size: 11.5px; }
.clock .buttons { display: flex; gap: 4px; }
.clock button { background: rgba(255,255,255,.18); color: #fff; border: 0; border-radius: 10px; padding: 2px 8px; font-size: 11.5px; }
.identity { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: center; padding: 6px 10px; background: #f0f2f5;
  border-bottom: 1px solid var(--divider); font-size: 12px; color: var(--meta); }
.identity input { font: inherit; color: var(--text); border: 1px solid #d1d7db; border-radius: 6px; padding: 3px 5px;
  background: #fff; }
.identity .person { display: flex; align-items: baseline; gap: 6px; max-width: 100%; color: var(--text); font-weight: 600; }
.identity .person .kind { font-weight: 400; font-size: 11.5px; color: var(--meta); }
.identity .person[data-kind="officer"] .kind { color: var(--officer); }
.identity input.number { width: 118px; }
.identity input.name { width: 110px; }
.identity button { border: 1px solid #d1d7db; background: #fff; border-radius: 6px; padding: 2px 8px; color: var(--green-dark); }
.identity .otp { font-weight: 600; color: var(--text); }
.chat { flex: 1; overflow-y: auto; padding: 10px 14px 6px; display: flex; flex-direction: column; gap: 2px; }
.day { align-self: center; background: #fff; color: var(--meta); font-size: 12px; border-radius: 8px; padding: 4px 10px; margin: 8px 0;
  box-shadow: 0 1px .5px rgba(11,20,26,.13); }
.row { display: flex; flex-direction: column; max-width: 85%; margin-top: 4px; }
.row.in { align-self: flex-end; align-items: flex-end; }
.row.out { align-self: flex-start; align-items: stretch; }
.bubble { position: relative; border-radius: 8px; padding: 6px 8px 4px; box-shadow: 0 1px .5px rgba(11,20,26,.13);
  white-space: pre-wrap; overflow-wrap: anywhere; min-width: 72px; }
.row.in .bubble { background: var(--bubble-out); border-top-right-radius: 0; }
.row.out .bubble { background: var(--bubble-in); border-top-left-radius: 0; }
.bubble .header { font-weight: 700; margin-bottom: 2px; }
.bubble .footer { color: var(--meta); font-size: 12.5px; margin-top: 3px; }
.bubble .meta { float: right; margin: 6px 0 -4px 10px; font-size: 11px; color: var(--meta); white-space: nowrap; user-select: none; }
.bubble .meta .tick { margin-left: 3px; letter-spacing: -3px; }
.bubble .meta .tick.read { color: var(--tick-blue); }
.bubble .meta .tick.failed { color: var(--danger); letter-spacing: 0; font-weight: 700; }
.bubble code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
.bubble a { color: var(--link); }
.bubble img { display: block; max-width: 100%; max-height: 320px; border-radius: 6px; margin-bottom: 3px; }
.quote { border-left: 4px solid #06cf9c; background: rgba(11,20,26,.05); border-radius: 6px; padding: 4px 8px; margin-bottom: 4px;
  font-size: 12.5px; color: var(--meta); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 280px; }
.quote b { color: #06cf9c; display: block; font-size: 12px; }
.list-button, .cta-button { display: block; width: calc(100% + 16px); margin: 6px -8px -4px; border: 0; border-top: 1px solid var(--divider);
  background: transparent; color: var(--link); padding: 8px; text-align: center; font-weight: 500; text-decoration: none; }
.pay-card { margin: 6px 0 0; border-top: 1px solid var(--divider); padding-top: 6px; }
.pay-line { display: flex; justify-content: space-between; gap: 12px; font-size: 13.5px; }
.pay-total { font-weight: 600; border-top: 1px dashed var(--divider); margin-top: 4px; padding-top: 4px; }
.pay-via { font-size: 11.5px; color: var(--meta); margin: 4px 0; }
.pay-buttons { display: flex; gap: 6px; }
.pay-button { flex: 1; border: 0; border-radius: 8px; padding: 8px; font-weight: 600; }
.pay-button.captured { background: var(--green-dark); color: #fff; }
.pay-button.failed { background: #f0f2f5; color: #b3261e; flex: 0 0 auto; }
.reply-buttons { display: flex; flex-direction: column; gap: 2px; margin-top: 2px; }
.reply-button { background: var(--bubble-in); color: var(--link); border: 0; border-radius: 8px; padding: 8px; font-weight: 500;
  box-shadow: 0 1px .5px rgba(11,20,26,.13); }
.reply-button:hover, .list-button:hover { background: #f5f6f6; }
.doc-card { display: flex; align-items: center; gap: 10px; background: rgba(11,20,26,.05); border-radius: 6px; padding: 10px;
  text-decoration: none; color: var(--text); margin-bottom: 3px; }
.doc-card .icon { width: 30px; height: 38px; border-radius: 3px; background: #e24c3f; color: #fff; display: grid; place-items: center;
  font-size: 9px; font-weight: 700; flex: none; }
.bubble .doc-card, .doc-card .name { color: var(--text); }
.doc-card .name { font-weight: 500; overflow-wrap: anywhere; }
.doc-card .kind { font-size: 11.5px; color: var(--meta); }
.template-tag { font-size: 11px; color: var(--meta); margin-bottom: 2px; }
.typing { align-self: flex-start; background: var(--bubble-in); border-radius: 8px; padding: 6px 12px; color: var(--meta);
  font-style: italic; margin-top: 4px; box-shadow: 0 1px .5px rgba(11,20,26,.13); }
.raw { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11.5px; color: var(--meta); }
.composer { display: flex; align-items: flex-end; gap: 6px; padding: 6px 8px; background: #f0f2f5; }
.composer textarea { flex: 1; resize: none; border: 0; border-radius: 20px; padding: 9px 14px; font: inherit; max-height: 120px; outline: none; }
.composer .attach { font-size: 20px; cursor: pointer; padding: 6px 4px; color: var(--meta); }
.composer .send { width: 42px; height: 42px; border-radius: 50%; border: 0; background: var(--green-dark); color: #fff; font-size: 18px; }
.backdrop { position: absolute; inset: 0; background: rgba(11,20,26,.45); display: flex; align-items: flex-end; }
.backdrop[hidden] { display: none; }
.sheet { background: #fff; width: 100%; max-height: 75%; overflow-y: auto; border-radius: 14px 14px 0 0; padding-bottom: 10px; }
.sheet-head { display: flex; align-items: center; gap: 14px; padding: 14px 16px; font-weight: 600; font-size: 16px;
  border-bottom: 1px solid var(--divider); position: sticky; top: 0; background: #fff; }
.sheet-head button { border: 0; background: transparent; font-size: 18px; color: var(--meta); }
.section-title { color: var(--green-dark); font-size: 13px; font-weight: 600; padding: 12px 16px 4px; }
.sheet-row { display: block; width: 100%; text-align: left; border: 0; background: transparent; padding: 10px 16px;
  border-bottom: 1px solid var(--divider); }
.sheet-row:hover { background: #f5f6f6; }
.sheet-row .title { display: block; }
.sheet-row .description { display: block; color: var(--meta); font-size: 12.5px; }
.person-row { display: flex; align-items: center; gap: 12px; }
.person-row.current { background: #f0f2f5; }
.person-row .words { min-width: 0; }
.person-row .face { width: 36px; height: 36px; border-radius: 50%; display: grid; place-items: center; flex: none; color: #fff;
  font-size: 13px; font-weight: 600; background: var(--green-dark); }
.person-row .face.officer { background: var(--officer); }
.person-row.current .title::after { content: " \\2713"; color: var(--green-dark); }
.toast { position: absolute; left: 50%; bottom: 70px; transform: translateX(-50%); background: #323739; color: #fff; border-radius: 8px;
  padding: 8px 12px; font-size: 13px; max-width: 90%; }
.toast[hidden] { display: none; }
.toast.error { background: var(--danger); }
`;
