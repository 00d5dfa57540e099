import type { Reply } from '../conversation/messages.ts';
import { fitText, utf16Length } from './text-units.ts';

/** Meta's send limits (Cloud API messages reference); one element over its limit rejects the whole message. */
export const LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  header: 60,
  footer: 60,
  listButton: 20,
  listSections: 10,
  listRows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  replyButtons: 3,
  buttonTitle: 20,
  buttonId: 256,
  caption: 1024,
  filename: 240,
  templateParameter: 1024,
  /** order_details: the reference id, and an item's name. */
  orderReference: 35,
  orderItemName: 60,
} as const;

/** A UTILITY template, sent when the 24-hour window is closed; the parameters fill the body's {{1}}, {{2}}… */
export interface TemplateReply {
  type: 'template';
  name: string;
  language: string;
  parameters: string[];
  /** A document header, uploaded like a document reply and sent by media id. */
  document?: { archiveKey: string; filename: string };
  /** Payloads of the template's quick-reply buttons, in their order; a tap comes back as a `button` message. */
  quickReplies?: string[];
  /** Meta's `biz_opaque_callback_data`: sent back with the message's statuses, so they can be told apart. */
  callbackData?: string;
  /** An image header: media in the media bucket, uploaded like a media reply and sent by media id. */
  image?: { key: string };
}

export type OutboundReply = Reply | TemplateReply;

export interface FittedReply<T extends OutboundReply = OutboundReply> {
  reply: T;
  /** Limits that cutting text cannot meet (too many rows or buttons, ids too long, an empty body…). */
  problems: string[];
}

/**
 * Brings every text of a reply within Meta's limits, cutting at grapheme boundaries, and lists what cannot be
 * fixed by cutting. A reply with problems must not be sent: Meta would reject all of it.
 */
export function fitReply<T extends OutboundReply>(reply: T): FittedReply<T> {
  const problems: string[] = [];
  const fitted = fitTexts(reply, problems) as T;
  problems.push(...violations(fitted));
  return { reply: fitted, problems: [...new Set(problems)] };
}

function fitTexts(reply: OutboundReply, problems: string[]): OutboundReply {
  switch (reply.type) {
    case 'read-receipt':
      return reply;
    case 'text':
      return { ...reply, text: fitText(reply.text, LIMITS.textBody) };
    case 'list':
      return {
        ...reply,
        body: fitText(reply.body, LIMITS.interactiveBody),
        button: fitText(reply.button, LIMITS.listButton),
        ...(reply.header === undefined ? {} : { header: fitText(reply.header, LIMITS.header) }),
        ...(reply.footer === undefined ? {} : { footer: fitText(reply.footer, LIMITS.footer) }),
        sections: reply.sections.map((section) => ({
          title: fitText(section.title, LIMITS.sectionTitle),
          rows: section.rows.map((row) => ({
            id: row.id,
            title: fitText(row.title, LIMITS.rowTitle),
            ...(row.description === undefined ? {} : { description: fitText(row.description, LIMITS.rowDescription) }),
          })),
        })),
      };
    case 'buttons':
      return {
        ...reply,
        body: fitText(reply.body, LIMITS.interactiveBody),
        ...(reply.header === undefined ? {} : { header: fitText(reply.header, LIMITS.header) }),
        ...(reply.footer === undefined ? {} : { footer: fitText(reply.footer, LIMITS.footer) }),
        buttons: fitButtons(reply.buttons),
      };
    case 'location-request':
      return { ...reply, body: fitText(reply.body, LIMITS.interactiveBody) };
    case 'order-status':
      return { ...reply, body: fitText(reply.body, LIMITS.interactiveBody) };
    case 'order':
      return {
        ...reply,
        body: fitText(reply.body, LIMITS.interactiveBody),
        items: reply.items.map((item) => ({ ...item, name: fitText(item.name, LIMITS.orderItemName) })),
        fallback: fitText(reply.fallback, LIMITS.textBody),
      };
    case 'document':
      return {
        ...reply,
        caption: fitText(reply.caption, LIMITS.caption),
        filename: fitFilename(reply.filename, problems),
        ...(reply.buttons ? { buttons: fitButtons(reply.buttons) } : {}),
      };
    case 'media':
      return {
        ...reply,
        caption: fitText(reply.caption, LIMITS.caption),
        ...(reply.filename === undefined ? {} : { filename: fitFilename(reply.filename, problems) }),
      };
    case 'template':
      // Meta refuses template parameters with new lines, tabs or more than four spaces in a row (132018).
      return {
        ...reply,
        parameters: reply.parameters.map((p) =>
          fitText(p.replace(/ *[\t\r\n]+[\s]*/g, ' · ').replace(/ {2,}/g, ' '), LIMITS.templateParameter),
        ),
      };
  }
}

function fitFilename(filename: string, problems: string[]): string {
  if (utf16Length(filename) <= LIMITS.filename) return filename;
  const dot = filename.lastIndexOf('.');
  const extension = dot > 0 ? filename.slice(dot) : '';
  if (extension.length >= LIMITS.filename) {
    problems.push('document filename too long');
    return filename;
  }
  return `${fitText(filename.slice(0, filename.length - extension.length), LIMITS.filename - extension.length, '')}${extension}`;
}

const fitButtons = (buttons: { id: string; title: string }[]) =>
  buttons.map((b) => ({ id: b.id, title: fitText(b.title, LIMITS.buttonTitle) }));

/** Every limit the reply breaks, counting UTF-16 code units; empty when Meta would accept it. */
export function violations(reply: OutboundReply): string[] {
  const found: string[] = [];
  const within = (what: string, value: string | undefined, max: number, required = true) => {
    if (value === undefined || value.trim() === '') {
      if (required) found.push(`${what} is empty`);
      return;
    }
    if (utf16Length(value) > max) found.push(`${what} longer than ${max}`);
  };
  const replyButtons = (buttons: { id: string; title: string }[]) => {
    if (buttons.length === 0 || buttons.length > LIMITS.replyButtons)
      found.push(`reply buttons need 1 to ${LIMITS.replyButtons} buttons`);
    for (const b of buttons) {
      within('button id', b.id, LIMITS.buttonId);
      within('button title', b.title, LIMITS.buttonTitle);
    }
    if (new Set(buttons.map((b) => b.id)).size !== buttons.length) found.push('button ids not unique');
    if (new Set(buttons.map((b) => b.title)).size !== buttons.length) found.push('button titles not unique');
  };
  switch (reply.type) {
    case 'read-receipt':
      within('message id', reply.messageId, 1024);
      break;
    case 'text':
      within('text body', reply.text, LIMITS.textBody);
      break;
    case 'list': {
      within('list body', reply.body, LIMITS.interactiveBody);
      within('list button', reply.button, LIMITS.listButton);
      within('list header', reply.header, LIMITS.header, false);
      within('list footer', reply.footer, LIMITS.footer, false);
      if (reply.sections.length === 0 || reply.sections.length > LIMITS.listSections)
        found.push(`list needs 1 to ${LIMITS.listSections} sections`);
      const rows = reply.sections.flatMap((s) => s.rows);
      if (rows.length === 0 || rows.length > LIMITS.listRows) found.push(`list needs 1 to ${LIMITS.listRows} rows`);
      if (reply.sections.some((s) => s.rows.length === 0)) found.push('list section without rows');
      // A title is required for each section only when there are several.
      for (const s of reply.sections) within('section title', s.title, LIMITS.sectionTitle, reply.sections.length > 1);
      for (const row of rows) {
        within('row id', row.id, LIMITS.rowId);
        within('row title', row.title, LIMITS.rowTitle);
        within('row description', row.description, LIMITS.rowDescription, false);
      }
      if (new Set(rows.map((r) => r.id)).size !== rows.length) found.push('list row ids not unique');
      break;
    }
    case 'buttons':
      within('buttons body', reply.body, LIMITS.interactiveBody);
      within('buttons header', reply.header, LIMITS.header, false);
      within('buttons footer', reply.footer, LIMITS.footer, false);
      replyButtons(reply.buttons);
      break;
    case 'location-request':
      within('location request body', reply.body, LIMITS.interactiveBody);
      break;
    case 'order-status':
      within('order status body', reply.body, LIMITS.interactiveBody);
      within('order reference', reply.reference, LIMITS.orderReference);
      break;
    case 'order':
      within('order body', reply.body, LIMITS.interactiveBody);
      within('order reference', reply.reference, LIMITS.orderReference);
      within('payment configuration', reply.payment.configuration, LIMITS.orderReference);
      if (reply.items.length === 0) found.push('order without items');
      for (const item of reply.items) {
        within('order item id', item.id, LIMITS.orderReference);
        within('order item name', item.name, LIMITS.orderItemName);
        if (!Number.isSafeInteger(item.amountPaise) || item.amountPaise <= 0) found.push('order item amount not paise');
        if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) found.push('order item quantity not whole');
      }
      break;
    case 'document':
      // With buttons, the caption is the interactive message's body, which may not be empty.
      within('document caption', reply.caption, LIMITS.caption, reply.buttons !== undefined);
      within('document filename', reply.filename, LIMITS.filename);
      if (reply.buttons) replyButtons(reply.buttons);
      break;
    case 'media':
      within('media caption', reply.caption, LIMITS.caption, false);
      within('media filename', reply.filename, LIMITS.filename, reply.mediaType === 'document');
      break;
    case 'template':
      within('template name', reply.name, 512);
      within('template language', reply.language, 16);
      for (const p of reply.parameters) {
        within('template parameter', p, LIMITS.templateParameter);
        if (/[\t\r\n]| {5,}/.test(p)) found.push('template parameter with new line, tab or 5 spaces');
      }
      for (const payload of reply.quickReplies ?? []) within('quick-reply payload', payload, LIMITS.rowId);
      break;
  }
  return found;
}
