import { describe, expect, it } from 'vitest';
import { catalog, publicCatalog } from '#core/catalog/catalog.ts';
import { catalogData } from '#core/catalog/data.ts';
import { FIELD_TYPES, LIMITS, SERVICE_KINDS } from '#core/catalog/rules.ts';
import { parseCatalog } from '#core/catalog/schema.ts';
import { VALIDATORS } from '#core/forms/validators.ts';
import { strings } from '#core/i18n/strings.ts';

const { departments, services } = catalog();
const TELUGU = /[\u0C00-\u0C7F]/;
const languages = ['en', 'te'] as const;

describe('the service catalog', () => {
  it('has 36 departments and 161 services, every department with at least one', () => {
    expect(departments).toHaveLength(36);
    expect(services).toHaveLength(161);
    for (const d of departments) expect(services.some((s) => s.department === d.id)).toBe(true);
  });

  it('has unique, well-formed ids; a service id is its department id and a name', () => {
    expect(new Set(departments.map((d) => d.id)).size).toBe(36);
    expect(new Set(services.map((s) => s.id)).size).toBe(161);
    for (const s of services) expect(s.id).toMatch(new RegExp(`^${s.department}\\.[a-z][a-z0-9-]*$`));
  });

  it('keeps the ids it has published (links, stored applications and workflows name them)', () => {
    const published = [
      'revenue.income-certificate',
      'revenue.caste-certificate',
      'revenue.residence-certificate',
      'registration.encumbrance-certificate',
      'municipal.birth-certificate',
      'energy.electricity-bill',
      'apsrtc.bus-ticket',
      'endowments.darshan-ticket',
      'civil-supplies.ration-card',
      'police.fir-status',
    ];
    for (const id of published) expect(services.map((s) => s.id)).toContain(id);
  });

  it.each(languages)('fits every label within WhatsApp limits in %s (UTF-16 code units)', (language) => {
    for (const d of departments) expect(d.name[language].length, d.id).toBeLessThanOrEqual(LIMITS.rowTitle);
    for (const s of services) {
      expect(s.name[language].length, s.id).toBeLessThanOrEqual(LIMITS.rowTitle);
      expect(s.description[language].length, s.id).toBeLessThanOrEqual(LIMITS.rowDescription);
      for (const f of s.fields) {
        expect(f.label[language].length, `${s.id} ${f.id}`).toBeLessThanOrEqual(LIMITS.rowTitle);
        expect(f.prompt[language].length, `${s.id} ${f.id}`).toBeLessThanOrEqual(LIMITS.body - 200);
        for (const o of f.options ?? []) expect(o.label[language].length, o.id).toBeLessThanOrEqual(LIMITS.rowTitle);
      }
    }
  });

  it('has Telugu everywhere: every name, description, prompt, label and option in Telugu script', () => {
    const telugu = (text: string, where: string) => expect(TELUGU.test(text), where).toBe(true);
    for (const d of departments) telugu(d.name.te, d.id);
    for (const s of services) {
      telugu(s.name.te, s.id);
      telugu(s.description.te, s.id);
      telugu(s.authority.te, s.id);
      for (const f of s.fields) {
        telugu(f.prompt.te, `${s.id} ${f.id}`);
        telugu(f.label.te, `${s.id} ${f.id}`);
        for (const o of f.options ?? []) telugu(o.label.te, o.id);
      }
    }
  });

  it('gives every service a kind, and every field a validator', () => {
    for (const s of services) {
      expect(SERVICE_KINDS).toContain(s.kind);
      expect(s.fields.length).toBeGreaterThan(0);
      for (const f of s.fields) expect(VALIDATORS[f.type], `${s.id} ${f.id}`).toBeTypeOf('function');
    }
    for (const type of FIELD_TYPES) expect(VALIDATORS[type]).toBeTypeOf('function');
  });

  it('covers every kind of service and the services the state is asked for most', () => {
    for (const kind of SERVICE_KINDS)
      expect(
        services.some((s) => s.kind === kind),
        kind,
      ).toBe(true);
  });

  it('rejects unknown keys, over-long labels and missing Telugu with a message naming the place', () => {
    const first = catalogData.services[0]!;
    expect(() => parseCatalog({ ...catalogData, extra: true })).toThrow(/extra|Unrecognized/);
    expect(() =>
      parseCatalog({ ...catalogData, services: [{ ...first, name: { en: 'x'.repeat(25), te: 'ఆ' } }] }),
    ).toThrow(/services\.0\.name\.en/);
    expect(() =>
      parseCatalog({ ...catalogData, services: [{ ...first, name: { en: 'Income', te: 'Income' } }] }),
    ).toThrow(/services\.0\.name\.te/);
    expect(() => parseCatalog({ ...catalogData, services: [...catalogData.services, first] })).toThrow(/duplicate/);
  });
});

describe('the strings table', () => {
  it('has every string in English and Telugu, Telugu in Telugu script', () => {
    for (const [id, text] of Object.entries(strings)) {
      expect(text.en.length, id).toBeGreaterThan(0);
      if (!['languageEnglish', 'languageTelugu'].includes(id)) expect(TELUGU.test(text.te), id).toBe(true);
    }
  });

  it('keeps button and row titles within their limits', () => {
    const buttons = ['consentAccept', 'consentDecline', 'departmentsButton', 'servicesButton', 'choiceButton'] as const;
    const more = [
      'confirmButton',
      'editButton',
      'cancelButton',
      'editButtonList',
      'languageEnglish',
      'languageTelugu',
    ] as const;
    for (const id of [...buttons, ...more])
      for (const l of languages) expect(strings[id][l].length, id).toBeLessThanOrEqual(LIMITS.button);
    for (const id of ['moreRow', 'departmentsSection', 'servicesSection', 'choiceSection'] as const)
      for (const l of languages) expect(strings[id][l].length, id).toBeLessThanOrEqual(LIMITS.rowTitle);
    for (const l of languages) expect(strings.moreRowDescription[l].length).toBeLessThanOrEqual(LIMITS.rowDescription);
  });
});

describe('GET /catalog', () => {
  it('publishes departments and services in the shape of the contract', () => {
    const body = publicCatalog(catalog());
    expect(body.departments).toHaveLength(36);
    expect(body.departments[0]).toEqual({ id: 'revenue', name: { en: 'Revenue', te: 'రెవెన్యూ' } });
    expect(body.services).toHaveLength(161);
    expect(Object.keys(body.services[0]!).sort()).toEqual(['department', 'fee', 'id', 'kind', 'name', 'sla']);
    expect(body.services[0]).toMatchObject({ id: 'revenue.income-certificate', kind: 'certificate', fee: 0 });
  });
});
