import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { LIMITS } from '#core/catalog/rules.ts';
import type { Language, Service } from '#core/catalog/schema.ts';
import { booksBus } from '#core/conversation/intents/bus.ts';
import { positionOf } from '#core/conversation/paging.ts';
import { t } from '#core/i18n/strings.ts';
import type { EmbeddedRuntime } from '../../local/runtime.ts';
import { type SentMessage, sentTo, startTestRuntime } from '../support/runtime.ts';

// From "Hi" through every department and every service to its first question, in English (tapping the rows the
// system sent) and in Telugu (typing option numbers in Telugu digits), over the simulator's API against the whole
// embedded runtime. The local Graph API rejects over-limit messages (131009) and never records them, so every
// expected reply must be found among the messages sent; each one sent is also checked against the limits here.

const { departments, services } = catalog();
const TELUGU_DIGITS = '౦౧౨౩౪౫౬౭౮౯';
const telugu = (n: number) => [...String(n)].map((d) => TELUGU_DIGITS[Number(d)]).join('');
/** The row number of "More" on every page that has one. */
const MORE = 10;
const CONCURRENCY = 24;

let env: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(async () => {
  await env?.stop();
});

type Bubble = SentMessage & { type: 'text' | 'interactive' };
const bubbles = async (runtime: EmbeddedRuntime, waId: string) =>
  (await sentTo(runtime, waId)).filter((m): m is Bubble => m.type === 'text' || m.type === 'interactive');
const bodyOf = (m: Bubble) => (m.type === 'text' ? (m.text?.body ?? '') : (m.interactive?.body.text ?? ''));
const rowsOf = (m: Bubble) => {
  const action = m.interactive?.action as
    | { sections?: { rows: { id: string; title: string }[] }[]; buttons?: { reply: { id: string; title: string } }[] }
    | undefined;
  return [...(action?.sections ?? []).flatMap((s) => s.rows), ...(action?.buttons ?? []).map((b) => b.reply)];
};

/** A citizen whose every message waits for the system's one reply bubble, as a person reading the chat would. */
class Chat {
  private seen = 0;
  last: Bubble | undefined;

  constructor(
    private readonly runtime: EmbeddedRuntime,
    readonly waId: string,
  ) {}

  async send(input: { text?: string; reply_id?: string }): Promise<Bubble> {
    const response = await fetch(`${this.runtime.baseUrl}/sim/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: this.waId, name: 'Crawler', ...input }),
    });
    expect(response.ok, await response.clone().text()).toBe(true);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const all = await bubbles(this.runtime, this.waId);
      if (all.length > this.seen) {
        this.seen = all.length;
        this.last = all.at(-1)!;
        return this.last;
      }
      if (Date.now() > deadline) throw new Error(`no reply to ${JSON.stringify(input)} for ${this.waId}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Taps the row or button of the last message whose id carries this action. */
  tap(action: string): Promise<Bubble> {
    const row = rowsOf(this.last!).find((r) => r.id.split('~')[0] === action);
    if (!row) throw new Error(`no ${action} in ${JSON.stringify(rowsOf(this.last!))}`);
    return this.send({ reply_id: row.id });
  }
}

/** Reaches a numbered option on a paged list: "More" as often as needed, then the option, tapped or typed. */
async function choose(chat: Chat, language: Language, count: number, index: number, action: string): Promise<Bubble> {
  const { page: onPage, row } = positionOf(count, index);
  for (let page = 0; page < onPage; page++) {
    if (language === 'en') await chat.tap('more');
    else await chat.send({ text: telugu(MORE) });
  }
  return language === 'en' ? chat.tap(action) : chat.send({ text: telugu(row + 1) });
}

function expectFirstQuestion(question: Bubble, service: Service, language: Language): void {
  // A bus ticket is booked against APSRTC's reservation system: it starts by asking where from.
  if (booksBus(service)) {
    expect(bodyOf(question), service.id).toBe(t('busAskFrom', language));
    return;
  }
  const field = service.fields[0]!;
  expect(bodyOf(question), service.id).toContain(field.prompt[language]);
  if (field.type === 'choice') expect(question.interactive?.type, service.id).toBe('list');
}

async function crawlDepartment(language: Language, departmentIndex: number): Promise<number> {
  const department = departments[departmentIndex]!;
  const chat = new Chat(env.runtime, `9199${language === 'en' ? '1' : '2'}${String(departmentIndex).padStart(6, '0')}`);
  const greeting = await chat.send({ text: language === 'en' ? 'Hi' : 'నమస్తే' });
  expect(bodyOf(greeting)).toContain('తెలుగు');
  const consent = language === 'en' ? await chat.tap('lang:en') : await chat.send({ text: '౨' });
  expect(bodyOf(consent)).toMatch(language === 'en' ? /Data Protection Act/ : /డేటా రక్షణ చట్టం/);
  const menu = language === 'en' ? await chat.tap('consent:yes') : await chat.send({ text: '౧' });
  expect(menu.interactive?.type).toBe('list');

  const own = services.filter((s) => s.department === department.id);
  const list = await choose(chat, language, departments.length, departmentIndex, `dept:${department.id}`);
  expect(bodyOf(list)).toContain(department.name[language]);
  if (language === 'en') {
    // Every page of the service list once; then each service tapped on its page, although a newer message has come
    // since: a service means the same from any menu.
    const pages = [list];
    while (rowsOf(pages.at(-1)!).some((r) => r.id.startsWith('more~'))) pages.push(await chat.tap('more'));
    for (const service of own) {
      const row = pages.flatMap(rowsOf).find((r) => r.id.startsWith(`svc:${service.id}~`));
      expect(row, service.id).toBeDefined();
      const question = await chat.send({ reply_id: row!.id });
      expectFirstQuestion(question, service, language);
    }
  } else {
    for (const [index, service] of own.entries()) {
      // "back" from a first question returns to the page of the service list it was chosen from.
      const { row } = positionOf(own.length, index);
      if (index > 0 && row === 0) await chat.send({ text: telugu(MORE) });
      expectFirstQuestion(await chat.send({ text: telugu(row + 1) }), service, language);
      const back = await chat.send({ text: 'వెనుకకు' });
      expect(
        rowsOf(back).some((r) => r.id.startsWith(`svc:${service.id}~`)),
        service.id,
      ).toBe(true);
    }
  }
  for (const message of await sentTo(env.runtime, chat.waId))
    expect(graphLimitProblems(message), chat.waId).toEqual([]);
  return own.length;
}

/** Meta's limits, checked independently of the code that builds the messages. */
function graphLimitProblems(message: SentMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  if (message.type === 'text') check((message.text?.body.length ?? 0) <= 4096, 'text body > 4096');
  if (message.type !== 'interactive') return problems;
  const interactive = message.interactive!;
  check(interactive.body.text.length <= LIMITS.body, 'body > 1024');
  const action = interactive.action as {
    button?: string;
    sections?: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
    buttons?: { reply: { id: string; title: string } }[];
  };
  if (interactive.type === 'list') {
    const rows = (action.sections ?? []).flatMap((s) => s.rows);
    check((action.button ?? '').length <= LIMITS.button, 'list button > 20');
    check((action.sections ?? []).length <= 10, 'sections > 10');
    check(rows.length >= 1 && rows.length <= 10, 'rows not 1..10');
    check(new Set(rows.map((r) => r.id)).size === rows.length, 'row ids not unique');
    for (const s of action.sections ?? []) check((s.title ?? '').length <= LIMITS.sectionTitle, 'section title > 24');
    for (const r of rows) {
      check(r.title.length <= LIMITS.rowTitle, `row title > 24: ${r.title}`);
      check((r.description ?? '').length <= LIMITS.rowDescription, `row description > 72: ${r.description}`);
      check(r.id.length <= LIMITS.rowId, 'row id > 200');
    }
  }
  if (interactive.type === 'button') {
    const buttons = action.buttons ?? [];
    check(buttons.length >= 1 && buttons.length <= 3, 'buttons not 1..3');
    check(new Set(buttons.map((b) => b.reply.id)).size === buttons.length, 'button ids not unique');
    for (const b of buttons) check(b.reply.title.length <= LIMITS.button, `button title > 20: ${b.reply.title}`);
  }
  return problems;
}

async function inParallel<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

describe('crawl of the whole catalog through the simulator', () => {
  it('reaches the first question of every service of every department, in English and in Telugu, within the limits', async () => {
    const tasks = (['en', 'te'] as const).flatMap((language) =>
      departments.map((_d, index) => () => crawlDepartment(language, index)),
    );
    const counts = await inParallel(tasks, CONCURRENCY);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2 * 161);
  }, 600_000);
});
