import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { CertificateRecordSchema } from '#core/certificate/model.ts';
import { buildCertificateRecord, CertificateRequestSchema, validUntil } from '#core/certificate/request.ts';
import { verifySignedCertificate } from '#core/certificate/signed-certificate.ts';
import { sampleRequest, vectors } from './certificate-fixtures.ts';

const issue = { certId: vectors.record.certId, issuedAt: '2025-06-01T04:30:00.000Z' };
const build = (overrides = {}) =>
  buildCertificateRecord(CertificateRequestSchema.parse(sampleRequest(overrides)), issue);

describe('the document record (version 2)', () => {
  it('carries the bilingual title and issuer from the catalog, with the English forms the QR claims use', () => {
    const record = build();
    expect(record).toMatchObject({
      version: 2,
      documentType: 'income-certificate',
      title: 'Income Certificate',
      issuer: { department: 'Revenue', authority: 'Tahsildar, Revenue Department' },
      holder: {
        name: 'Ravi Kumar Reddy',
        guardianName: 'Venkata Reddy',
        relation: { en: 'S/o', te: 'కుమారుడు' },
      },
    });
    expect(record.document.title).toEqual({ en: 'Income Certificate', te: 'ఆదాయ ధృవీకరణ పత్రం' });
    expect(record.document.issuer).toEqual({
      department: { en: 'Revenue', te: 'రెవెన్యూ' },
      authority: { en: 'Tahsildar, Revenue Department', te: 'తహసీల్దార్, రెవెన్యూ శాఖ' },
    });
  });

  it('states the certifying sentence in English and Telugu with the values people read', () => {
    const { statement } = build().document;
    expect(statement.en).toBe(
      'This is to certify that Ravi Kumar Reddy, S/o Venkata Reddy, resident of Kothapeta, Tenali Mandal, Guntur District, has an annual family income of ₹1,20,000 (One lakh twenty thousand rupees) from all sources. This certificate is issued for the purpose of Education, admission.',
    );
    expect(statement.te).toContain('గుంటూరు జిల్లా');
    expect(statement.te).toContain('Venkata Reddy గారి కుమారుడు Ravi Kumar Reddy');
    expect(statement.te).toContain('₹1,20,000 (ఒక లక్ష ఇరవై వేల రూపాయలు)');
  });

  it('prints the printed fields in the form’s order, choices by their labels, never an Aadhaar number', () => {
    const { facts } = build().document;
    expect(Object.keys(facts)).toEqual([
      'applicant-name',
      'relation',
      'father-name',
      'annual-income',
      'village',
      'mandal',
      'district',
      'purpose',
    ]);
    expect(facts.district).toEqual({
      label: { en: 'District', te: 'జిల్లా' },
      value: { en: 'Guntur', te: 'గుంటూరు' },
    });
    expect(JSON.stringify(facts)).not.toMatch(/0124|guntur"|son-of|education"/);
  });

  it('prints dates as DD-MM-YYYY and categories by name', () => {
    const birth = build({
      serviceId: 'municipal.birth-certificate',
      applicant: { name: '' },
      values: {
        'child-name': 'Anjali Kota',
        'date-of-birth': '2024-08-15',
        gender: 'female',
        'father-name': 'Ramana Kota',
        district: 'krishna',
      },
    });
    expect(birth.holder.name).toBe('Anjali Kota');
    expect(birth.document.facts['date-of-birth']!.value).toEqual({ en: '15-08-2024', te: '15-08-2024' });
    expect(birth.document.facts.gender!.value).toEqual({ en: 'Female', te: 'స్త్రీ' });
    const caste = build({
      serviceId: 'revenue.caste-certificate',
      values: { ...sampleRequest().values, 'caste-category': 'bc-b' },
    });
    expect(caste.document.facts['caste-category']!.value).toEqual({ en: 'BC-B', te: 'బీసీ-బి' });
    expect(caste.document.statement.en).toContain('belongs to the BC-B community');
  });

  it('is valid for a year when its type lapses, and has no end when it does not', () => {
    expect(build().document.validUntil).toBe('2026-05-31');
    expect(build({ serviceId: 'revenue.residence-certificate' }).document.validUntil).toBeUndefined();
    expect(validUntil('2024-02-29T10:00:00.000Z', 12)).toBe('2025-02-27');
    // Issued at 20:00 UTC on 31 December is 1 January in India.
    expect(validUntil('2025-12-31T20:00:00.000Z', 12)).toBe('2026-12-31');
  });

  it('names the deciding officer and their designation, or the automatic issue on the household records', () => {
    expect(build().document.decidedBy).toEqual({
      by: 'household-records',
      statement: {
        en: 'Issued automatically on the household records',
        te: 'గృహ రికార్డుల ఆధారంగా స్వయంచాలకంగా జారీ చేయబడింది',
      },
    });
    const approved = build({
      plan: { recordCheck: { verified: false } },
      decision: { decision: 'approved', officerId: 'REV-1', officerName: 'K. Srinivas', officerRole: 'tahsildar' },
    });
    expect(approved.document.decidedBy).toEqual({
      by: 'officer',
      name: 'K. Srinivas',
      designation: { en: 'Tahsildar', te: 'తహసీల్దార్' },
    });
    expect(build({ plan: undefined }).document.decidedBy).toBeUndefined();
  });

  it('refuses a choice answer that is not an option rather than print it', () => {
    expect(() => build({ values: { ...sampleRequest().values, district: 'Atlantis' } })).toThrow(/district/);
  });

  it('refuses a service the catalog does not have', () => {
    expect(() => build({ serviceId: 'revenue.gold-medal' })).toThrow(/not in the catalog/);
  });

  it('builds a record for every service that issues through the certificate workflow', () => {
    for (const service of catalog().services.filter((s) => s.kind === 'certificate')) {
      const values = Object.fromEntries(
        service.fields.map((f) => [
          f.id,
          f.options?.[0]?.id ?? (f.type === 'date' ? '2020-01-02' : f.type === 'amount' ? '5000' : 'Sample Value'),
        ]),
      );
      const record = build({ serviceId: service.id, applicant: { name: '' }, values });
      expect(record.document.statement.en, service.id).not.toMatch(/\{|\}/);
    }
  });

  it('tidies text: NFC, single spaces, no control characters; keeps ZWNJ for Indic scripts', () => {
    const record = build({
      applicant: { name: '  Ravi\u0000  Kumar\u202e ' },
      values: { ...sampleRequest().values, village: 'a\u200cb\n\nc' },
    });
    expect(record.holder.name).toBe('Ravi Kumar');
    expect(record.document.facts.village!.value.en).toBe('a\u200cb c');
  });

  it('is a closed schema: unknown keys are rejected with their name', () => {
    const result = CertificateRecordSchema.safeParse({ ...build(), extra: 1 });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('extra');
  });

  it('accepts the workflow’s extra keys at the outer level but nothing unknown inside the applicant', () => {
    const outer = CertificateRequestSchema.safeParse({ ...sampleRequest(), waId: '919876543210', language: 'te' });
    expect(outer.success).toBe(true);
    const inner = CertificateRequestSchema.safeParse({ ...sampleRequest(), applicant: { name: 'A', aadhaar: '1' } });
    expect(inner.success).toBe(false);
  });
});

describe('version 1 records', () => {
  it('still parse and verify: the archive keeps them for good', () => {
    expect(vectors.record.version).toBe(1);
    expect(CertificateRecordSchema.parse(vectors.record)).toEqual(vectors.record);
    const signed = {
      record: vectors.record,
      signature: vectors.recordSignature,
      keyId: vectors.keyId,
      algorithm: 'ECDSA_P256_SHA256',
      canonicalization: 'RFC8785',
      qr: { claims: vectors.claims, signature: vectors.claimsSignature },
    };
    expect(verifySignedCertificate(signed, vectors.publicKeyPem)).toBe(true);
  });
});

describe('a signed extract of a department record', () => {
  const entry = (n: number) => ({
    label: { en: `Entry ${n}`, te: `నమోదు ${n}` },
    value: { en: `value ${n}`, te: `విలువ ${n}` },
  });
  const extractOf = (entries: number) =>
    buildCertificateRecord(
      CertificateRequestSchema.parse({
        applicationId: 'AP-7K2M9QX4B1TZ',
        serviceId: 'revenue.land-records',
        applicant: { name: 'Ravi Kumar Reddy' },
        values: { district: 'guntur', village: 'Tadikonda', 'survey-number': '212/3A' },
        plan: {
          extract: {
            title: { en: 'Adangal / 1-B: survey no. 212/3A, Tadikonda', te: 'అడంగల్ / 1-బి: సర్వే నం. 212/3A, తాడికొండ' },
            facts: Array.from({ length: entries }, (_, i) => entry(i + 1)),
            updatedAt: '2026-10-28T16:40:00+05:30',
            extract: true,
          },
        },
      }),
      { certId: 'XjKuFj5XrpYKUPnDH3JtfQ', issuedAt: '2026-12-04T10:00:00.000Z' },
    );

  it("prints the record's entries in both languages and when it last changed, not the answers again", () => {
    const record = extractOf(3);
    expect(record.documentType).toBe('land-record-extract');
    expect(record.document.statement.en).toContain('survey number 212/3A, Tadikonda, Guntur District');
    expect(Object.keys(record.document.facts)).toEqual(['record', 'entry-1', 'entry-2', 'entry-3', 'record-updated']);
    expect(record.document.facts['entry-2']).toEqual(entry(2));
    expect(record.document.facts['record-updated']!.value.en).toBe('28-10-2026');
  });

  it('prints what fits one page and counts the rest', () => {
    const facts = extractOf(15).document.facts;
    expect(facts['entry-12']).toBeDefined();
    expect(facts['entry-13']).toBeUndefined();
    expect(facts['further-entries']!.value.en).toBe('3 more in the record, given in full by the office that keeps it');
  });
});
