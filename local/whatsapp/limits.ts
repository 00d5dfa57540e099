/**
 * The local Graph API's own reading of Meta's send limits. It deliberately shares nothing with lambdas/: it exists
 * to catch the sender's mistakes, so it must not inherit them. Lengths are JavaScript string lengths (UTF-16 code
 * units): for Telugu that equals the character count, for emoji it counts two per astral character, which is the
 * stricter of the counts Meta is seen to apply.
 */

import { isBsuid } from './user-ids.ts';

export const LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  headerText: 60,
  footerText: 60,
  listButton: 20,
  listSections: 10,
  listRows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  replyButtons: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
  ctaDisplayText: 20,
  caption: 1024,
} as const;

/**
 * Whom a message is addressed to: `input` as the request wrote it, `waId` the user it reaches (a phone number's
 * digits, or the BSUID), and which field Meta routed by (`to` wins when both are given).
 */
interface Addressee {
  input: string;
  waId: string;
  by: 'phone' | 'user_id';
}

export type OutboundCheck =
  | ({ ok: true; kind: 'message'; type: string; template?: { name: string; language: string } } & Addressee)
  | { ok: true; kind: 'read'; messageId: string; typing: boolean }
  | { ok: false; code: number; details: string };

export interface CheckContext {
  /** Whether an uploaded (or inbound) media id is known and not expired. */
  mediaExists(id: string): boolean;
  /** Extra template check (unknown name, wrong parameter count) when the runtime supplies its templates. */
  checkTemplate?(name: string, language: string, components: unknown[]): { code: number; details: string } | undefined;
  /** The payment configurations set up in WhatsApp Manager (payments in India), by name → gateway type. */
  paymentConfigurations?: ReadonlyMap<string, string>;
}

class Invalid extends Error {
  constructor(
    readonly code: number,
    readonly details: string,
  ) {
    super(details);
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function object(parent: Json, key: string, path: string): Json {
  const value = parent[key];
  if (value === undefined || value === null) throw new Invalid(131008, `Parameter '${path}' is required.`);
  if (!isObject(value)) throw new Invalid(100, `Parameter '${path}' must be a JSON object.`);
  return value;
}

function optionalObject(parent: Json, key: string, path: string): Json | undefined {
  return parent[key] === undefined ? undefined : object(parent, key, path);
}

function array(parent: Json, key: string, path: string, min: number, max: number, what: string): unknown[] {
  const value = parent[key];
  if (value === undefined || value === null) throw new Invalid(131008, `Parameter '${path}' is required.`);
  if (!Array.isArray(value)) throw new Invalid(100, `Parameter '${path}' must be an array.`);
  if (value.length < min) throw new Invalid(131009, `'${path}' must have at least ${min} ${what}.`);
  if (value.length > max)
    throw new Invalid(131009, `'${path}' has ${value.length} ${what}; at most ${max} are allowed.`);
  return value;
}

function text(parent: Json, key: string, path: string, max: number | undefined, required = true): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null) {
    if (required) throw new Invalid(131008, `Parameter '${path}' is required.`);
    return undefined;
  }
  if (typeof value !== 'string') throw new Invalid(100, `Parameter '${path}' must be a string.`);
  if (required && value.trim() === '') throw new Invalid(131009, `'${path}' must not be empty.`);
  if (max !== undefined && value.length > max) {
    throw new Invalid(
      131009,
      `'${path}' is ${value.length} characters long (UTF-16 code units); the maximum is ${max}.`,
    );
  }
  return value;
}

function media(parent: Json, key: string, path: string, ctx: CheckContext, captionAllowed: boolean): void {
  const value = object(parent, key, path);
  const hasId = value['id'] !== undefined;
  const hasLink = value['link'] !== undefined;
  if (hasId === hasLink) throw new Invalid(131008, `'${path}' needs exactly one of 'id' or 'link'.`);
  if (hasId) {
    const id = text(value, 'id', `${path}.id`, undefined) as string;
    if (!ctx.mediaExists(id))
      throw new Invalid(131009, `'${path}.id' ${id} is not an uploaded media id, or it expired.`);
  } else {
    const link = text(value, 'link', `${path}.link`, undefined) as string;
    if (!/^https?:\/\/\S+$/.test(link)) throw new Invalid(131009, `'${path}.link' must be an http(s) URL.`);
  }
  if (captionAllowed) text(value, 'caption', `${path}.caption`, LIMITS.caption, false);
  else if (value['caption'] !== undefined) throw new Invalid(100, `'${path}' does not take a caption.`);
  text(value, 'filename', `${path}.filename`, undefined, false);
}

function header(interactive: Json, textOnly: boolean, ctx: CheckContext): void {
  const value = optionalObject(interactive, 'header', 'interactive.header');
  if (!value) return;
  const type = text(value, 'type', 'interactive.header.type', undefined) as string;
  if (type === 'text') {
    text(value, 'text', 'interactive.header.text', LIMITS.headerText);
    return;
  }
  if (textOnly) throw new Invalid(131009, `'interactive.header.type' must be 'text' for this message, not '${type}'.`);
  if (!['image', 'document', 'video'].includes(type)) {
    throw new Invalid(131009, `'interactive.header.type' must be text, image, document or video, not '${type}'.`);
  }
  media(value, type, `interactive.header.${type}`, ctx, false);
}

function bodyAndFooter(interactive: Json): void {
  const body = object(interactive, 'body', 'interactive.body');
  text(body, 'text', 'interactive.body.text', LIMITS.interactiveBody);
  const footer = optionalObject(interactive, 'footer', 'interactive.footer');
  if (footer) text(footer, 'text', 'interactive.footer.text', LIMITS.footerText);
}

function listAction(interactive: Json): void {
  const action = object(interactive, 'action', 'interactive.action');
  text(action, 'button', 'interactive.action.button', LIMITS.listButton);
  const sections = array(action, 'sections', 'interactive.action.sections', 1, LIMITS.listSections, 'sections');
  const ids = new Set<string>();
  let rowCount = 0;
  sections.forEach((section, s) => {
    const path = `interactive.action.sections[${s}]`;
    if (!isObject(section)) throw new Invalid(100, `'${path}' must be a JSON object.`);
    // Meta needs a title on every section as soon as there is more than one.
    text(section, 'title', `${path}.title`, LIMITS.sectionTitle, sections.length > 1);
    const rows = array(section, 'rows', `${path}.rows`, 1, LIMITS.listRows, 'rows');
    rowCount += rows.length;
    if (rowCount > LIMITS.listRows) {
      throw new Invalid(131009, `The list has more than ${LIMITS.listRows} rows in total across its sections.`);
    }
    rows.forEach((row, r) => {
      const rowPath = `${path}.rows[${r}]`;
      if (!isObject(row)) throw new Invalid(100, `'${rowPath}' must be a JSON object.`);
      const id = text(row, 'id', `${rowPath}.id`, LIMITS.rowId) as string;
      if (ids.has(id)) throw new Invalid(131009, `Row id '${id}' is used more than once; row ids must be unique.`);
      ids.add(id);
      text(row, 'title', `${rowPath}.title`, LIMITS.rowTitle);
      text(row, 'description', `${rowPath}.description`, LIMITS.rowDescription, false);
    });
  });
}

function buttonAction(interactive: Json): void {
  const action = object(interactive, 'action', 'interactive.action');
  const buttons = array(action, 'buttons', 'interactive.action.buttons', 1, LIMITS.replyButtons, 'buttons');
  const ids = new Set<string>();
  buttons.forEach((button, b) => {
    const path = `interactive.action.buttons[${b}]`;
    if (!isObject(button)) throw new Invalid(100, `'${path}' must be a JSON object.`);
    if (button['type'] !== 'reply') throw new Invalid(131009, `'${path}.type' must be 'reply'.`);
    const reply = object(button, 'reply', `${path}.reply`);
    const id = text(reply, 'id', `${path}.reply.id`, LIMITS.replyButtonId) as string;
    if (ids.has(id)) throw new Invalid(131009, `Button id '${id}' is used more than once; button ids must be unique.`);
    ids.add(id);
    text(reply, 'title', `${path}.reply.title`, LIMITS.replyButtonTitle);
  });
}

function ctaUrlAction(interactive: Json): void {
  const action = object(interactive, 'action', 'interactive.action');
  if (action['name'] !== 'cta_url') throw new Invalid(131009, `'interactive.action.name' must be 'cta_url'.`);
  const parameters = object(action, 'parameters', 'interactive.action.parameters');
  text(parameters, 'display_text', 'interactive.action.parameters.display_text', LIMITS.ctaDisplayText);
  const url = text(parameters, 'url', 'interactive.action.parameters.url', undefined) as string;
  if (!/^https?:\/\/\S+$/.test(url))
    throw new Invalid(131009, `'interactive.action.parameters.url' must be an http(s) URL.`);
}

/** An amount as Meta takes money: an integer `value` in 1/`offset` units, offset 100 for INR. */
function money(parent: Json, key: string, path: string): number {
  const value = object(parent, key, path);
  if (!Number.isSafeInteger(value['value']) || (value['value'] as number) < 0)
    throw new Invalid(131009, `'${path}.value' must be a whole number of the currency's smallest unit.`);
  if (value['offset'] !== 100) throw new Invalid(131009, `'${path}.offset' must be 100 for INR.`);
  return value['value'] as number;
}

/**
 * Review and pay (payments in India, payment gateway): a reference id of at most 35 letters, digits, `_`, `-` or
 * `.`; one payment_gateway setting naming a configuration the business set up; INR; a total equal to the items'
 * amounts times their quantities, plus tax, less discount.
 */
function orderDetailsAction(interactive: Json, ctx: CheckContext): void {
  const action = object(interactive, 'action', 'interactive.action');
  if (action['name'] !== 'review_and_pay')
    throw new Invalid(131009, `'interactive.action.name' must be 'review_and_pay'.`);
  const path = 'interactive.action.parameters';
  const parameters = object(action, 'parameters', path);
  const reference = text(parameters, 'reference_id', `${path}.reference_id`, 35) as string;
  if (!/^[A-Za-z0-9_.-]+$/.test(reference))
    throw new Invalid(131009, `'${path}.reference_id' may hold only letters, digits, '_', '-' and '.'.`);
  if (!['digital-goods', 'physical-goods'].includes(String(parameters['type'])))
    throw new Invalid(131009, `'${path}.type' must be 'digital-goods' or 'physical-goods'.`);
  if (parameters['currency'] !== 'INR') throw new Invalid(131009, `'${path}.currency' must be 'INR'.`);
  const settings = array(parameters, 'payment_settings', `${path}.payment_settings`, 1, 1, 'settings');
  const setting = settings[0];
  if (!isObject(setting) || setting['type'] !== 'payment_gateway')
    throw new Invalid(131009, `'${path}.payment_settings[0].type' must be 'payment_gateway'.`);
  const gateway = object(setting, 'payment_gateway', `${path}.payment_settings[0].payment_gateway`);
  const name = text(
    gateway,
    'configuration_name',
    `${path}.payment_settings[0].payment_gateway.configuration_name`,
    60,
  );
  const configured = ctx.paymentConfigurations?.get(name as string);
  if (!configured || configured !== gateway['type'])
    throw new Invalid(
      131009,
      `No payment configuration '${name}' for gateway '${String(gateway['type'])}' on this account.`,
    );
  const total = money(parameters, 'total_amount', `${path}.total_amount`);
  const order = object(parameters, 'order', `${path}.order`);
  if (order['status'] !== 'pending') throw new Invalid(131009, `'${path}.order.status' must be 'pending'.`);
  const items = array(order, 'items', `${path}.order.items`, 1, 999, 'items');
  let sum = 0;
  for (const [i, item] of items.entries()) {
    if (!isObject(item)) throw new Invalid(100, `Parameter '${path}.order.items[${i}]' must be a JSON object.`);
    text(item, 'retailer_id', `${path}.order.items[${i}].retailer_id`, undefined);
    text(item, 'name', `${path}.order.items[${i}].name`, undefined);
    const quantity = item['quantity'];
    if (!Number.isSafeInteger(quantity) || (quantity as number) < 1)
      throw new Invalid(131009, `'${path}.order.items[${i}].quantity' must be a whole number of at least 1.`);
    sum += money(item, 'amount', `${path}.order.items[${i}].amount`) * (quantity as number);
  }
  if (money(order, 'subtotal', `${path}.order.subtotal`) !== sum)
    throw new Invalid(131009, `'${path}.order.subtotal' must be the sum of the items' amounts times their quantities.`);
  const tax = order['tax'] === undefined ? 0 : money(order, 'tax', `${path}.order.tax`);
  const discount = order['discount'] === undefined ? 0 : money(order, 'discount', `${path}.order.discount`);
  if (total !== sum + tax - discount)
    throw new Invalid(131009, `'${path}.total_amount' must be the subtotal plus tax less discount.`);
}

const ORDER_STATUSES = ['pending', 'processing', 'partially-shipped', 'shipped', 'completed', 'canceled'];

function interactive(message: Json, ctx: CheckContext): void {
  const value = object(message, 'interactive', 'interactive');
  const type = text(value, 'type', 'interactive.type', undefined) as string;
  switch (type) {
    case 'list':
      header(value, true, ctx);
      bodyAndFooter(value);
      listAction(value);
      return;
    case 'button':
      header(value, false, ctx);
      bodyAndFooter(value);
      buttonAction(value);
      return;
    case 'cta_url':
      header(value, false, ctx);
      bodyAndFooter(value);
      ctaUrlAction(value);
      return;
    case 'location_request_message':
      // No header or footer; the only action Meta defines is send_location.
      bodyAndFooter(value);
      if (object(value, 'action', 'interactive.action')['name'] !== 'send_location')
        throw new Invalid(131009, `'interactive.action.name' must be 'send_location'.`);
      return;
    case 'order_details':
      bodyAndFooter(value);
      orderDetailsAction(value, ctx);
      return;
    case 'order_status': {
      bodyAndFooter(value);
      const action = object(value, 'action', 'interactive.action');
      if (action['name'] !== 'review_order')
        throw new Invalid(131009, `'interactive.action.name' must be 'review_order'.`);
      const parameters = object(action, 'parameters', 'interactive.action.parameters');
      text(parameters, 'reference_id', 'interactive.action.parameters.reference_id', 35);
      const order = object(parameters, 'order', 'interactive.action.parameters.order');
      if (!ORDER_STATUSES.includes(String(order['status'])))
        throw new Invalid(
          131009,
          `'interactive.action.parameters.order.status' must be one of ${ORDER_STATUSES.join(', ')}.`,
        );
      return;
    }
    default:
      throw new Invalid(
        131009,
        `'interactive.type' '${type}' is not one the local Graph API accepts (list, button, cta_url, location_request_message, order_details, order_status).`,
      );
  }
}

function template(message: Json, ctx: CheckContext): { name: string; language: string } {
  const value = object(message, 'template', 'template');
  const name = text(value, 'name', 'template.name', 512) as string;
  const language = object(value, 'language', 'template.language');
  const code = text(language, 'code', 'template.language.code', undefined) as string;
  const components =
    value['components'] === undefined ? [] : array(value, 'components', 'template.components', 0, 20, 'components');
  components.forEach((component, c) => {
    const path = `template.components[${c}]`;
    if (!isObject(component)) throw new Invalid(100, `'${path}' must be a JSON object.`);
    const type = text(component, 'type', `${path}.type`, undefined) as string;
    if (!['header', 'body', 'button', 'footer'].includes(type)) {
      throw new Invalid(131009, `'${path}.type' must be header, body, button or footer, not '${type}'.`);
    }
    if (component['parameters'] !== undefined) {
      const parameters = array(component, 'parameters', `${path}.parameters`, 0, 100, 'parameters');
      parameters.forEach((parameter, p) => {
        const parameterPath = `${path}.parameters[${p}]`;
        if (!isObject(parameter)) throw new Invalid(100, `'${parameterPath}' must be a JSON object.`);
        const kind = text(parameter, 'type', `${parameterPath}.type`, undefined) as string;
        if (kind === 'text') text(parameter, 'text', `${parameterPath}.text`, undefined);
        else if (kind === 'payload') text(parameter, 'payload', `${parameterPath}.payload`, LIMITS.replyButtonId);
        else if (['document', 'image', 'video'].includes(kind))
          media(parameter, kind, `${parameterPath}.${kind}`, ctx, false);
      });
    }
  });
  const problem = ctx.checkTemplate?.(name, code, components);
  if (problem) throw new Invalid(problem.code, problem.details);
  return { name, language: code };
}

/** `to` takes a phone number, `recipient` a business-scoped user id; one of them is required, `to` wins. */
function addressee(message: Json): Addressee {
  const to = text(message, 'to', 'to', undefined, false);
  const recipient = text(message, 'recipient', 'recipient', undefined, false);
  if (to !== undefined) {
    const waId = to.replace(/[\s+()-]/g, '');
    if (!/^\d{7,15}$/.test(waId)) throw new Invalid(100, `'to' must be a phone number with country code, got '${to}'.`);
    return { input: to, waId, by: 'phone' };
  }
  if (recipient !== undefined) {
    if (!isBsuid(recipient)) {
      throw new Invalid(
        100,
        `'recipient' must be a business-scoped user id like IN.1648738043044942, got '${recipient}'.`,
      );
    }
    return { input: recipient, waId: recipient, by: 'user_id' };
  }
  throw new Invalid(131008, "Parameter 'to' or 'recipient' is required.");
}

function checkMessage(message: Json, ctx: CheckContext): OutboundCheck {
  const address = addressee(message);
  if (message['recipient_type'] !== undefined && message['recipient_type'] !== 'individual') {
    throw new Invalid(100, `'recipient_type' must be 'individual'.`);
  }
  const context = optionalObject(message, 'context', 'context');
  if (context) text(context, 'message_id', 'context.message_id', undefined);
  // Meta treats a message without a type as text.
  const type = message['type'] === undefined ? 'text' : (text(message, 'type', 'type', undefined) as string);
  let templateInfo: { name: string; language: string } | undefined;
  switch (type) {
    case 'text': {
      const body = object(message, 'text', 'text');
      text(body, 'body', 'text.body', LIMITS.textBody);
      if (body['preview_url'] !== undefined && typeof body['preview_url'] !== 'boolean') {
        throw new Invalid(100, `'text.preview_url' must be a boolean.`);
      }
      break;
    }
    case 'interactive':
      interactive(message, ctx);
      break;
    case 'document':
    case 'image':
    case 'video':
      media(message, type, type, ctx, true);
      break;
    case 'audio':
    case 'sticker':
      media(message, type, type, ctx, false);
      break;
    case 'template':
      templateInfo = template(message, ctx);
      break;
    case 'reaction': {
      const reaction = object(message, 'reaction', 'reaction');
      text(reaction, 'message_id', 'reaction.message_id', undefined);
      text(reaction, 'emoji', 'reaction.emoji', undefined, false);
      break;
    }
    case 'location': {
      const location = object(message, 'location', 'location');
      for (const key of ['latitude', 'longitude']) {
        if (typeof location[key] !== 'number') throw new Invalid(131008, `'location.${key}' must be a number.`);
      }
      break;
    }
    default:
      throw new Invalid(100, `Param type '${type}' is not a message type the local Graph API accepts.`);
  }
  return templateInfo
    ? { ok: true, kind: 'message', ...address, type, template: templateInfo }
    : { ok: true, kind: 'message', ...address, type };
}

/** Check one POST /{phone_number_id}/messages body the way Meta would, first problem wins. */
export function checkOutbound(body: unknown, ctx: CheckContext): OutboundCheck {
  try {
    if (!isObject(body)) throw new Invalid(100, 'The request body must be a JSON object.');
    if (body['messaging_product'] !== 'whatsapp') {
      throw new Invalid(100, "The parameter messaging_product is required and must be 'whatsapp'.");
    }
    if (body['status'] !== undefined) {
      if (body['status'] !== 'read') throw new Invalid(100, `'status' must be 'read'.`);
      const messageId = text(body, 'message_id', 'message_id', undefined) as string;
      const typing = optionalObject(body, 'typing_indicator', 'typing_indicator');
      if (typing && typing['type'] !== 'text') throw new Invalid(100, `'typing_indicator.type' must be 'text'.`);
      return { ok: true, kind: 'read', messageId, typing: typing !== undefined };
    }
    return checkMessage(body, ctx);
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, code: error.code, details: error.details };
    throw error;
  }
}
