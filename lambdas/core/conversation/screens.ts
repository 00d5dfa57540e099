import { LIMITS } from '../catalog/rules.ts';
import type { Catalog, Field, Language, Service } from '../catalog/schema.ts';
import { formatRupees, groupedRupees } from '../certificate/amounts.ts';
import { attachmentKindKey } from '../forms/attachment-values.ts';
import { amountDue } from '../fulfilment/registry.ts';
import { grievanceSummaryLines } from '../grievances/place.ts';
import { t } from '../i18n/strings.ts';
import { rowId } from './actions.ts';
import type { Reply } from './messages.ts';
import { type Page, pageOf } from './paging.ts';

/** What one turn shows: its replies, and the actions of the options they offer, in the order they are numbered. */
export interface Screen {
  replies: Reply[];
  options: string[];
}

export interface Row {
  action: string;
  title: string;
  description?: string;
}

export const text = (body: string): Reply => ({ type: 'text', text: body });

/** A list message whose rows are also numbered in its body, so typing the number works like tapping the row. */
export function listScreen(intro: string, button: string, section: string, rows: Row[], token: number): Screen {
  const numbered = rows.map((row, i) => `${i + 1}. ${row.title}`).join('\n');
  return {
    replies: [
      {
        type: 'list',
        body: `${intro}\n\n${numbered}`,
        button,
        sections: [
          {
            title: section,
            rows: rows.map((row) => ({
              id: rowId(row.action, token),
              title: row.title,
              ...(row.description ? { description: row.description } : {}),
            })),
          },
        ],
      },
    ],
    options: rows.map((row) => row.action),
  };
}

/** The rows that turn the page, after the items of a page: "Previous" before "More", so "More" stays the last. */
export function pageRows(shown: Page<unknown>, language: Language): Row[] {
  return [
    ...(shown.previous
      ? [{ action: 'previous', title: t('previousRow', language), description: t('previousRowDescription', language) }]
      : []),
    ...(shown.more
      ? [{ action: 'more', title: t('moreRow', language), description: t('moreRowDescription', language) }]
      : []),
  ];
}

export function languageScreen(token: number): Screen {
  return {
    replies: [
      {
        type: 'buttons',
        body: `${t('greeting', 'en')}\n\n${t('greeting', 'te')}\n\n1. ${t('languageEnglish', 'en')}\n2. ${t('languageTelugu', 'te')}`,
        buttons: [
          { id: rowId('lang:en', token), title: t('languageEnglish', 'en') },
          { id: rowId('lang:te', token), title: t('languageTelugu', 'te') },
        ],
      },
    ],
    options: ['lang:en', 'lang:te'],
  };
}

export function consentScreen(language: Language, token: number): Screen {
  const yes = t('consentAccept', language);
  const no = t('consentDecline', language);
  return {
    replies: [
      {
        type: 'buttons',
        body: `${t('consentNotice', language)}\n\n1. ${yes}\n2. ${no}`,
        buttons: [
          { id: rowId('consent:yes', token), title: yes },
          { id: rowId('consent:no', token), title: no },
        ],
      },
    ],
    options: ['consent:yes', 'consent:no'],
  };
}

/** The main menu: the departments, after any of the citizen's own shortcuts ("My bills" once they remember bills). */
export function departmentsScreen(
  catalog: Catalog,
  language: Language,
  page: number,
  token: number,
  shortcuts: Row[] = [],
): Screen {
  const shown = pageOf(
    [...shortcuts, ...catalog.departments.map((d) => ({ action: `dept:${d.id}`, title: d.name[language] }))],
    page,
  );
  const rows: Row[] = [...shown.items, ...pageRows(shown, language)];
  const section =
    shown.pages > 1
      ? t('departmentsPage', language, { page: shown.page + 1, pages: shown.pages })
      : t('departmentsSection', language);
  return listScreen(t('mainMenu', language), t('departmentsButton', language), section, rows, token);
}

export function servicesOf(catalog: Catalog, departmentId: string): Service[] {
  return catalog.services.filter((s) => s.department === departmentId);
}

export function servicesScreen(
  catalog: Catalog,
  language: Language,
  departmentId: string,
  page: number,
  token: number,
): Screen {
  const department = catalog.departments.find((d) => d.id === departmentId);
  const shown = pageOf(servicesOf(catalog, departmentId), page);
  const rows: Row[] = [...shown.items.map((s) => serviceRow(s, language)), ...pageRows(shown, language)];
  return listScreen(
    t('servicesIntro', language, { department: department?.name[language] ?? departmentId }),
    t('servicesButton', language),
    t('servicesSection', language),
    rows,
    token,
  );
}

const serviceRow = (s: Service, language: Language): Row => ({
  action: `svc:${s.id}`,
  title: s.name[language],
  description: s.description[language],
});

export function searchScreen(results: Service[], language: Language, query: string, token: number): Screen {
  return listScreen(
    t('searchResults', language, { query: query.slice(0, 60) }),
    t('servicesButton', language),
    t('servicesSection', language),
    results.map((s) => serviceRow(s, language)),
    token,
  );
}

/** The question for one field: a list of its options for a choice, a text prompt otherwise. */
export function fieldScreen(
  service: Service,
  fieldIndex: number,
  page: number,
  language: Language,
  token: number,
  before: string[] = [],
): Screen {
  const field = service.fields[fieldIndex]!;
  const prompt = [...before, field.prompt[language]].join('\n\n');
  if (field.type !== 'choice') return { replies: [text(prompt)], options: [] };
  const shown = pageOf(field.options ?? [], page);
  const rows: Row[] = [
    ...shown.items.map((o) => ({ action: `opt:${o.id}`, title: o.label[language] })),
    ...pageRows(shown, language),
  ];
  return listScreen(prompt, t('choiceButton', language), t('choiceSection', language), rows, token);
}

/** An answer as the citizen and the officer read it; an attachment says what was received, never where it is kept. */
export function displayValue(field: Field, values: Record<string, string>, language: Language, max = 80): string {
  const value = values[field.id];
  if (value === undefined) return '-';
  if (field.type === 'attachment')
    return t(
      values[attachmentKindKey(field.id)] === 'pdf' ? 'attachmentPdfReceived' : 'attachmentPhotoReceived',
      language,
    );
  if (field.type === 'choice') return field.options?.find((o) => o.id === value)?.label[language] ?? value;
  if (field.type === 'date') {
    const [year, month, day] = value.split('-');
    return `${day}-${month}-${year}`;
  }
  // Grouped as the certificate prints it (1,20,000); the label already says the amount is in rupees.
  if (field.type === 'amount' && /^\d+$/.test(value)) return groupedRupees(Number(value));
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export function summaryScreen(
  service: Service,
  values: Record<string, string>,
  language: Language,
  token: number,
  before: string[] = [],
): Screen {
  const buttons = ['confirmButton', 'editButton', 'cancelButton'] as const;
  const fee = amountDue(service, values);
  const body = (max: number) =>
    [
      ...before,
      t('summary', language, {
        service: service.name[language],
        fields: [
          ...service.fields.map((f) => `${f.label[language]}: ${displayValue(f, values, language, max)}`),
          ...(service.kind === 'grievance' ? grievanceSummaryLines(values, language) : []),
          // The amount to pay, where there is one: nothing is said of a fee that is not asked.
          ...(fee > 0 ? [t('summaryFee', language, { fee: formatRupees(fee) })] : []),
        ].join('\n'),
      }),
      buttons.map((id, i) => `${i + 1}. ${t(id, language)}`).join('\n'),
    ].join('\n\n');
  let max = 80;
  while (body(max).length > LIMITS.body && max > 10) max -= 10;
  return {
    replies: [
      {
        type: 'buttons',
        body: body(max),
        buttons: [
          { id: rowId('confirm', token), title: t('confirmButton', language) },
          { id: rowId('edit', token), title: t('editButton', language) },
          { id: rowId('cancel', token), title: t('cancelButton', language) },
        ],
      },
    ],
    options: ['confirm', 'edit', 'cancel'],
  };
}

export function editScreen(
  service: Service,
  values: Record<string, string>,
  language: Language,
  token: number,
): Screen {
  const rows: Row[] = service.fields.slice(0, 10).map((f) => ({
    action: `field:${f.id}`,
    title: f.label[language],
    description: displayValue(f, values, language, LIMITS.rowDescription),
  }));
  return listScreen(t('editWhich', language), t('editButtonList', language), t('choiceSection', language), rows, token);
}
