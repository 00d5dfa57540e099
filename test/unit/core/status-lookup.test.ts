import { describe, expect, it } from 'vitest';
import { catalog } from '#core/catalog/catalog.ts';
import { LIMITS } from '#core/catalog/rules.ts';
import { protectAadhaar } from '#core/forms/aadhaar.ts';
import {
  answeredFromMitra,
  lookupAnswer,
  lookupNeedsIdentity,
  lookupQuery,
  type StatusLookupResult,
  StatusLookupResultSchema,
} from '#core/fulfilment/status-lookup.ts';
import { sampleCitizens } from '../../../local/sample-citizens.ts';

const service = (id: string) => catalog().services.find((s) => s.id === id)!;
const landRecords = service('revenue.land-records');
const pension = service('social-welfare.pension-status');
const vehicle = service('transport.vehicle-registration-status');
const firStatus = service('police.fir-status');

const adangal: StatusLookupResult = {
  found: true,
  record: {
    title: { en: 'Adangal / 1-B: survey no. 212/3A, Tadikonda', te: 'అడంగల్ / 1-బి: సర్వే నం. 212/3A, తాడికొండ' },
    facts: [
      {
        label: { en: 'Pattadar', te: 'పట్టాదారు' },
        value: { en: 'Ravi Kumar Reddy', te: 'రవి కుమార్ రెడ్డి' },
        personName: true,
      },
      {
        label: { en: 'Extent', te: 'విస్తీర్ణం' },
        value: { en: '2.35 acres (2 acres 35 cents)', te: '2.35 ఎకరాలు (2 ఎకరాల 35 సెంట్లు)' },
      },
      {
        label: { en: 'Land classification', te: 'భూమి వర్గీకరణ' },
        value: { en: 'Wet (Magani), patta land', te: 'మాగాణి, పట్టా భూమి' },
      },
    ],
    updatedAt: '2026-10-28T11:10:00Z',
    extract: true,
  },
};

describe('a status found in the department register', () => {
  it('reads on a phone: the record in bold, each fact on its own line, and when it was true in IST', () => {
    expect(lookupAnswer(landRecords, adangal, 'en')).toBe(
      [
        '*Adangal / 1-B: survey no. 212/3A, Tadikonda*',
        'Pattadar: R∗∗∗∗ K∗∗∗∗ R∗∗∗∗',
        'Extent: 2.35 acres (2 acres 35 cents)',
        'Land classification: Wet (Magani), patta land',
        'As of 28-10-2026, 16:40 IST',
      ].join('\n'),
    );
  });

  it('is in Telugu for a Telugu reader', () => {
    const text = lookupAnswer(landRecords, adangal, 'te');
    expect(text.split('\n')).toEqual([
      '*అడంగల్ / 1-బి: సర్వే నం. 212/3A, తాడికొండ*',
      'పట్టాదారు: ర∗∗∗∗ కు∗∗∗∗ రె∗∗∗∗',
      'విస్తీర్ణం: 2.35 ఎకరాలు (2 ఎకరాల 35 సెంట్లు)',
      'భూమి వర్గీకరణ: మాగాణి, పట్టా భూమి',
      '28-10-2026, 16:40 (భారత కాలమానం) నాటి సమాచారం',
    ]);
  });

  it("never shows a person's name in full, nor inside WhatsApp's bold marks", () => {
    for (const language of ['en', 'te'] as const) {
      const text = lookupAnswer(landRecords, adangal, language);
      expect(text).not.toMatch(/Ravi|Kumar|Reddy|రవి|కుమార్|రెడ్డి/);
      const nameLine = text.split('\n')[1]!;
      expect(nameLine).not.toMatch(/^\*|: \*/);
      expect(nameLine.split(': ')[1]).toBe(language === 'en' ? 'R∗∗∗∗ K∗∗∗∗ R∗∗∗∗' : 'ర∗∗∗∗ కు∗∗∗∗ రె∗∗∗∗');
    }
  });

  it('leaves out the facts that would not fit in one WhatsApp message, and says how many', () => {
    const long: StatusLookupResult = {
      found: true,
      record: {
        title: { en: 'Muster rolls', te: 'మస్టర్ రోల్స్' },
        facts: Array.from({ length: 40 }, (_, i) => ({
          label: { en: `Week ${i + 1}`, te: `వారం ${i + 1}` },
          value: { en: `${'paid '.repeat(58)}${i}`, te: `${'చెల్లించారు '.repeat(25)}${i}` },
        })),
        updatedAt: '2026-12-01T12:30:00Z',
      },
    };
    for (const language of ['en', 'te'] as const) {
      const text = lookupAnswer(vehicle, long, language);
      expect(text.length).toBeLessThanOrEqual(LIMITS.text);
      const lines = text.split('\n');
      const shown = lines.filter((line) => /^(Week|వారం) \d+: /.test(line)).length;
      expect(shown).toBeGreaterThan(5);
      expect(shown).toBeLessThan(40);
      expect(lines.at(-2)).toContain(String(40 - shown));
      expect(lines.at(-1)).toMatch(/01-12-2026, 18:00/);
    }
  });

  it('shows a title with formatting characters of its own as it is, not in bold', () => {
    const starred: StatusLookupResult = {
      found: true,
      record: { ...(adangal as { record: object }).record, title: { en: 'Survey *212*', te: 'సర్వే *212*' } },
    } as StatusLookupResult;
    expect(lookupAnswer(landRecords, starred, 'en').split('\n')[0]).toBe('Survey *212*');
  });
});

describe('a status the register does not hold', () => {
  const values = { district: 'guntur', village: 'Tadikonda', 'survey-number': '999/9' };

  it('names what was looked for and what to check, in the reader’s language', () => {
    expect(lookupAnswer(landRecords, { found: false }, 'en', values)).toBe(
      'Land records (Adangal): no record was found for District Guntur, Village, town or ward Tadikonda, Survey number 999/9. ' +
        'Please check the District, Village, town or ward, Survey number and try again.',
    );
    const te = lookupAnswer(landRecords, { found: false }, 'te', values);
    expect(te).toContain('భూ రికార్డులు (అడంగల్)');
    expect(te).toContain('జిల్లా గుంటూరు');
    expect(te).toContain('సర్వే నంబర్ 999/9');
    // The village is repeated as the citizen typed it; every other word is Telugu.
    expect(te.replace('Tadikonda', '')).not.toMatch(/[A-Za-z]/);
  });

  it('shows an Aadhaar number only masked, as the form kept it', () => {
    const text = lookupAnswer(pension, { found: false }, 'en', { aadhaar: 'XXXX XXXX 0124', 'aadhaar:hash': 'h' });
    expect(text).toContain('Aadhaar XXXX XXXX 0124');
    expect(text).not.toContain(':hash');
  });

  it('still says what to check when the answers are not at hand', () => {
    expect(lookupAnswer(vehicle, { found: false }, 'en')).toBe(
      'Vehicle RC status: no record was found for the details you gave. Please check the Vehicle number and try again.',
    );
  });
});

describe('a register that does not answer', () => {
  it('asks the citizen to try again later, in either language', () => {
    expect(lookupAnswer(vehicle, { unavailable: true }, 'en')).toBe(
      "Vehicle RC status: the department's system is not answering right now. Please try again in a few minutes.",
    );
    const te = lookupAnswer(vehicle, { unavailable: true }, 'te');
    expect(te).toContain('వాహన ఆర్సీ స్థితి');
    expect(te).toContain('మళ్లీ ప్రయత్నించండి');
  });
});

describe('the query a register is asked', () => {
  const key = 'test-aadhaar-hash-key';
  const own = protectAadhaar('234567890124', key);
  const identity = { aadhaarHash: own.hash, uidToken: 'uid-token-of-ravi-0000000000' };

  it('holds only the answers the register needs, numbers written as registers print them', () => {
    expect(lookupQuery(vehicle, { 'vehicle-number': 'ap 07 cd-4321', mobile: '9876543210' })).toEqual({
      'vehicle-number': 'AP07CD4321',
    });
    expect(lookupQuery(landRecords, { district: 'guntur', village: 'Tadikonda', 'survey-number': '212/3a ' })).toEqual({
      district: 'guntur',
      village: 'Tadikonda',
      'survey-number': '212/3A',
    });
    expect(lookupQuery(firStatus, { 'reference-number': '0412202600245', district: 'guntur' })).toEqual({
      'reference-number': '0412202600245',
      district: 'guntur',
    });
  });

  it('asks by UID token, never by Aadhaar, and only for the Aadhaar confirmed by OTP', () => {
    const values = { aadhaar: 'XXXX XXXX 0124', 'aadhaar:hash': own.hash };
    expect(lookupQuery(pension, values, identity)).toEqual({ uidToken: identity.uidToken });
    const someoneElse = protectAadhaar('345678901238', key);
    expect(lookupQuery(pension, { aadhaar: 'XXXX XXXX 1238', 'aadhaar:hash': someoneElse.hash }, identity)).toBe(
      undefined,
    );
    expect(lookupQuery(pension, values, {})).toBe(undefined);
    expect(lookupQuery(pension, values, { aadhaarHash: own.hash })).toBe(undefined);
    expect(lookupNeedsIdentity(pension)).toBe(true);
    expect(lookupNeedsIdentity(vehicle)).toBe(false);
  });

  it("explains that someone else's benefits are not shown", () => {
    const text = lookupAnswer(pension, { ownAadhaarOnly: true }, 'en', { aadhaar: 'XXXX XXXX 1238' });
    expect(text).toContain('Pension status');
    expect(text).toContain('XXXX XXXX 1238');
    expect(lookupAnswer(pension, { ownAadhaarOnly: true }, 'te', { aadhaar: 'XXXX XXXX 1238' })).toContain('ఓటీపీతో');
  });
});

describe('the register answer contract', () => {
  it('is closed: an unknown property, a second line or a missing record is out of contract', () => {
    expect(StatusLookupResultSchema.safeParse(adangal).success).toBe(true);
    expect(StatusLookupResultSchema.safeParse({ found: false }).success).toBe(true);
    expect(StatusLookupResultSchema.safeParse({ found: false, reason: 'x' }).success).toBe(false);
    expect(StatusLookupResultSchema.safeParse({ found: true }).success).toBe(false);
    const record = (adangal as { record: Record<string, unknown> }).record;
    expect(StatusLookupResultSchema.safeParse({ found: true, record: { ...record, owner: 'x' } }).success).toBe(false);
    const twoLines = { ...record, title: { en: 'Adangal\n*forged*', te: 'అడంగల్' } };
    expect(StatusLookupResultSchema.safeParse({ found: true, record: twoLines }).success).toBe(false);
    expect(
      StatusLookupResultSchema.safeParse({ found: true, record: { ...record, updatedAt: 'yesterday' } }).success,
    ).toBe(false);
  });
});

describe('which lookups Mitra answers itself', () => {
  const lookups = catalog().services.filter((s) => s.kind === 'status-lookup');

  it('answers grievance status from its own applications, and nothing else', () => {
    expect(lookups).toHaveLength(23);
    expect(lookups.filter(answeredFromMitra).map((s) => s.id)).toEqual(['village-secretariat.grievance-status']);
    expect(answeredFromMitra(service('revenue.income-certificate'))).toBe(false);
  });

  it('gives every other status lookup a sample citizen to try it with', () => {
    const tried = new Set(sampleCitizens.flatMap((c) => c.accounts.map((a) => a.service)));
    for (const lookup of lookups.filter((s) => !answeredFromMitra(s))) expect(tried, lookup.id).toContain(lookup.id);
  });
});
