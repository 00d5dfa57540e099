import { writeFileSync } from 'node:fs';
import { catalog } from '../lambdas/core/catalog/catalog.ts';
import type { Language } from '../lambdas/core/catalog/schema.ts';
import { DEFAULT_SETTINGS } from '../lambdas/core/conversation/context.ts';
import { converse } from '../lambdas/core/conversation/converse.ts';
import type { InboundContent } from '../lambdas/core/conversation/messages.ts';
import { newSession, type Session, SessionSchema } from '../lambdas/core/conversation/session.ts';
import { replyDictionaryFile } from '../lambdas/core/whatsapp/turn-replies.ts';

// `npx tsx tools/reply-dictionary.ts <version>`: writes the preset dictionary the session item's replies and flow are
// deflated with (lambdas/core/whatsapp/turn-replies.ts). Each packed value names its dictionary's version, so a new
// version is added beside the old ones, never written over one: items written with an older dictionary stay readable.
// Write a new version when the catalog or the strings have changed enough that turns grow, then make it the one
// packValue uses.
//
// The dictionary is what a conversation repeats: the lines of the screens a citizen walks through (the menus, every
// department's list of services, every service's first question) in English and Telugu, the questions of every form,
// and whole screens and flows as they are stored, for their JSON's shape. Deflate finds matches up to 32 KB back, so
// the dictionary is cut to that, its most valuable strings last (nearest, so cheapest to point at).

const WINDOW = 32 * 1024;
const version = Number(process.argv[2]);
if (!Number.isInteger(version) || version < 1 || version > 31)
  throw new Error('usage: tsx tools/reply-dictionary.ts <version from 1 to 31>');

const services = catalog();
/** Each string the screens show, weighted by how often a citizen sees it. */
const weights = new Map<string, number>();
/** Whole stored values, for their JSON's shape: the shortest of each kind of screen and of each step. */
const shapes = new Map<string, string>();

function count(value: unknown, weight: number): void {
  if (typeof value === 'string') {
    // A menu token (`~12`) differs from menu to menu; the row id before it does not.
    for (const line of value.replace(/~\d+$/, '~').split('\n'))
      if (line.length >= 4) {
        const token = JSON.stringify(line).slice(1, -1);
        weights.set(token, (weights.get(token) ?? 0) + weight * Buffer.byteLength(token));
      }
  } else if (value && typeof value === 'object') for (const inner of Object.values(value)) count(inner, weight);
}

function keepShortest(kind: string, json: string): void {
  const kept = shapes.get(kind);
  if (kept === undefined || json.length < kept.length) shapes.set(kind, json);
}

function crawl(language: Language): void {
  let now = new Date('2026-12-01T04:30:00Z');
  const send = (session: Session, content: InboundContent, weight: number): Session => {
    now = new Date(now.getTime() + 20_000);
    const inbound = { messageId: `wamid.${now.getTime()}`, waId: '919876543210', sentAt: now, content };
    const turn = converse(session, inbound, services, now, { settings: DEFAULT_SETTINGS });
    const replies = turn.replies.filter((reply) => reply.type !== 'read-receipt');
    count(replies, weight);
    count(turn.session.menu.options, weight);
    keepShortest(`replies:${replies.map((reply) => reply.type).join()}`, JSON.stringify(replies));
    keepShortest(
      `flow:${turn.session.step.name}`,
      JSON.stringify({ step: turn.session.step, menu: turn.session.menu }),
    );
    return SessionSchema.parse(turn.session);
  };
  const tap = (session: Session, action: string, weight: number) =>
    send(session, { type: 'choice', id: `${action}~${session.menu.token}`, title: action }, weight);
  // The first screens and the departments' list are seen by everyone; the services of the departments the main menu
  // shows first (the most asked for) by many, those of the others by fewer; a service's first question by those who
  // chose it.
  let session = send(newSession('919876543210'), { type: 'text', text: 'Hi' }, 16);
  session = tap(session, `lang:${language}`, 16);
  session = tap(session, 'consent:yes', 16);
  const first = new Set(session.menu.options);
  for (const department of services.departments) {
    const listed = tap(session, `dept:${department.id}`, first.has(`dept:${department.id}`) ? 8 : 2);
    for (const service of services.services.filter((s) => s.id.startsWith(`${department.id}.`)))
      tap(listed, `svc:${service.id}`, 1);
  }
  // Every question of every form, its choices and its hint.
  for (const service of services.services) count(service.fields, 1);
}

crawl('en');
crawl('te');

const ranked = [...weights].sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : 1));
const shapeText = [...shapes.values()].join('');
const chosen: string[] = [];
let size = Buffer.byteLength(shapeText);
for (const [token] of ranked) {
  const bytes = Buffer.byteLength(token) + 1;
  if (size + bytes > WINDOW) continue;
  chosen.push(token);
  size += bytes;
}
// Least valuable first: deflate points back at the end of the dictionary most cheaply.
const dictionary = `${chosen.reverse().join('\n')}\n${shapeText}`;
const file = new URL(`../lambdas/core/whatsapp/${replyDictionaryFile(version)}`, import.meta.url);
writeFileSync(file, dictionary);
console.log(
  `${file.pathname}: ${Buffer.byteLength(dictionary)} bytes, ${chosen.length} strings, ${shapes.size} shapes`,
);
