/**
 * What a list row or button means, and which menu showed it. A row id is `<action>~<token>`: the action says what
 * to do, the token names the menu (the session version that showed it). Meta echoes the id of a tapped row, so a tap
 * on a row of an older menu is recognised by its token alone; no message id (unknown until the sender sends) is
 * needed. Actions: `lang:<en|te>`, `consent:<yes|no>`, `dept:<id>`, `svc:<id>`, `opt:<option>`, `field:<id>`, `more`, `previous`,
 * `confirm`, `edit`, `cancel`, `resend:<application id>` (a certificate already held, sent again), `tcancel:<application
 * id>` (a ticket to cancel) and `tcancel-yes:<application id>` (its cancellation confirmed), `home`.
 */
const TOKEN_SEPARATOR = '~';

export function rowId(action: string, token: number): string {
  return `${action}${TOKEN_SEPARATOR}${token}`;
}

export function parseRowId(id: string): { action: string; token?: number } {
  const at = id.lastIndexOf(TOKEN_SEPARATOR);
  if (at < 0) return { action: id };
  const token = Number(id.slice(at + 1));
  return { action: id.slice(0, at), token: Number.isInteger(token) && token >= 0 ? token : undefined };
}

/**
 * Actions that mean the same from any menu, however old: a language, a department, a service, the consent answer, a
 * ticket to cancel (its refund is worked out afresh).
 * Everything else (next or previous page, an option of a form field, confirm, edit, cancel) only means something in the menu that
 * showed it, and is politely refused from an older one.
 */
export function meansTheSameAnywhere(action: string): boolean {
  return /^(lang|consent|dept|svc|tcancel):/.test(action);
}
