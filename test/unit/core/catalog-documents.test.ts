import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { catalogData } from '#core/catalog/data.ts';
import { parseCatalog } from '#core/catalog/schema.ts';

const { services, documents } = catalog();
const income = catalogData.services.find((s) => s.id === 'revenue.income-certificate')!;

describe('the documents the catalog issues', () => {
  it('defines every document type a service names, each titled and worded in English and Telugu', () => {
    for (const service of services) expect(documents[service.document], service.id).toBeDefined();
    for (const [code, document] of Object.entries(documents)) {
      expect(code.length, code).toBeLessThanOrEqual(24);
      expect(document.title.te, code).toMatch(/[\u0C00-\u0C7F]/);
      expect(document.body.te, code).toMatch(/[\u0C00-\u0C7F]/);
    }
  });

  it('keeps an income certificate valid for a year, and a caste certificate without end', () => {
    expect(documents['income-certificate']!.validMonths).toBe(12);
    expect(documents['caste-certificate']!.validMonths).toBeUndefined();
  });

  it('refuses a service naming a document type it does not define, saying which', () => {
    const stray = { ...income, document: 'gold-medal' };
    expect(() => parseCatalog({ ...catalogData, services: [stray, ...catalogData.services.slice(1)] })).toThrow(
      /services\.0\.document: document type "gold-medal" is not defined/,
    );
  });

  it('refuses an Aadhaar or mobile number marked as printed', () => {
    const printedAadhaar = {
      ...income,
      fields: income.fields.map((f) => (f.type === 'aadhaar' ? { ...f, printed: true } : f)),
    };
    expect(() =>
      parseCatalog({ ...catalogData, services: [printedAadhaar, ...catalogData.services.slice(1)] }),
    ).toThrow(/printed: a aadhaar field is never printed/);
  });

  it('refuses a body naming a value the service does not print', () => {
    const unprinted = {
      ...income,
      fields: income.fields.map((f) => (f.id === 'annual-income' ? { ...f, printed: false } : f)),
    };
    expect(() => parseCatalog({ ...catalogData, services: [unprinted, ...catalogData.services.slice(1)] })).toThrow(
      /names \{annual-income\}, which revenue\.income-certificate does not print/,
    );
  });

  it('prints names and facts but never an Aadhaar, a mobile number or notes to the officer', () => {
    for (const service of services)
      for (const field of service.fields) {
        if (['aadhaar', 'mobile'].includes(field.type) || field.id === 'details')
          expect(field.printed, `${service.id} ${field.id}`).toBe(false);
        if (field.type === 'name' || ['district', 'annual-income', 'caste-category'].includes(field.id))
          expect(field.printed, `${service.id} ${field.id}`).toBe(true);
      }
  });

  it('asks what an Andhra Pradesh certificate states: relation, village, mandal, district and purpose', () => {
    for (const id of ['income-certificate', 'caste-certificate', 'residence-certificate', 'ews-certificate']) {
      const fields = services.find((s) => s.id === `revenue.${id}`)!.fields.map((f) => f.id);
      expect(fields, id).toEqual(
        expect.arrayContaining(['relation', 'father-name', 'village', 'mandal', 'district', 'purpose']),
      );
    }
  });
});
