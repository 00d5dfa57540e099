import { ATTACHMENT_KINDS, type AttachmentKind } from '../catalog/rules.ts';
import type { Field, Language } from '../catalog/schema.ts';
import type { StringId } from '../i18n/strings.ts';
import { maskedAadhaar, parseAadhaar } from './aadhaar.ts';
import { latinDigits } from './digits.ts';

export type Validation =
  | { ok: true; value: string; aadhaar?: string }
  | { ok: false; error: StringId; values?: Record<string, string | number> };

type Validator = (field: Field, text: string, now: Date, language: Language) => Validation;

const IST_OFFSET_MS = 330 * 60_000;

const fail = (error: StringId, values?: Record<string, string | number>): Validation => ({ ok: false, error, values });

/** One validator per field type: the schema's field types and this table are checked against each other by tests. */
export const VALIDATORS: Record<Field['type'], Validator> = {
  name: (_field, text) => {
    const value = text.replace(/\s+/g, ' ').trim();
    // Zero-width joiners and non-joiners choose between Telugu conjunct forms: kept, but only after a letter.
    const named = /^[\p{L}\p{M}](?:[\p{L}\p{M} .'-]|\u200C|\u200D){1,99}$/u.test(value);
    const strayJoiner = /(?<![\p{L}\p{M}])(?:\u200C|\u200D)/u.test(value);
    return named && !strayJoiner ? { ok: true, value } : fail('invalidName');
  },
  text: (field, text) => {
    const value = maskAadhaarNumbers(text.replace(/\s+/g, ' ').trim());
    const min = field.min ?? 1;
    const max = field.max ?? 500;
    return value.length >= min && value.length <= max ? { ok: true, value } : fail('invalidText', { min, max });
  },
  aadhaar: (_field, text) => {
    const aadhaar = parseAadhaar(text);
    return aadhaar ? { ok: true, value: aadhaar, aadhaar } : fail('invalidAadhaar');
  },
  mobile: (_field, text) => {
    const digits = latinDigits(text)
      .replace(/[\s-]/g, '')
      .replace(/^(\+?91|0)(?=\d{10}$)/, '');
    return /^[6-9]\d{9}$/.test(digits) ? { ok: true, value: digits } : fail('invalidMobile');
  },
  pincode: (_field, text) => {
    const digits = latinDigits(text).replace(/\s/g, '');
    return /^[1-9]\d{5}$/.test(digits) ? { ok: true, value: digits } : fail('invalidPincode');
  },
  date: (field, text, now) => {
    const match = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(latinDigits(text));
    if (!match) return fail('invalidDate');
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
      return fail('invalidDate');
    // "Today" is the citizen's day, in India: from midnight IST, not from midnight UTC.
    const india = new Date(now.getTime() + IST_OFFSET_MS);
    const today = Date.UTC(india.getUTCFullYear(), india.getUTCMonth(), india.getUTCDate());
    if (field.when === 'past' && (date.getTime() > today || year < 1900)) return fail('invalidDatePast');
    if (field.when === 'future' && (date.getTime() < today || date.getTime() > today + 366 * 86_400_000))
      return fail('invalidDateFuture');
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { ok: true, value: iso };
  },
  choice: (field, text, _now, language) => {
    const typed = text.trim().toLowerCase();
    const option = field.options?.find(
      (o) => o.id === typed || o.label[language].toLowerCase() === typed || o.label.en.toLowerCase() === typed,
    );
    return option ? { ok: true, value: option.id } : fail('invalidChoice');
  },
  number: (field, text) => {
    const digits = latinDigits(text).replace(/[\s-]/g, '');
    const min = field.min ?? 1;
    const max = field.max ?? 20;
    const pattern = new RegExp(`^\\d{${min},${max}}$`);
    if (!pattern.test(digits)) return fail(min === max ? 'invalidDigitsExact' : 'invalidDigits', { min, max });
    return { ok: true, value: digits };
  },
  'application-number': (_field, text) => {
    const value = parseApplicationNumber(text);
    return value ? { ok: true, value } : fail('invalidApplicationNumber');
  },
  // Typed text never answers an attachment question: it asks again for what the question takes.
  attachment: (field) => fail(attachmentPrompt(field)),
  amount: (field, text) => {
    const cleaned = latinDigits(text).replace(/[\s,₹]|rs\.?|inr/gi, '');
    const min = field.min ?? 1;
    const max = field.max ?? 1_000_000;
    if (!/^\d{1,9}$/.test(cleaned) || Number(cleaned) < min || Number(cleaned) > max)
      return fail('invalidAmount', { min, max });
    return { ok: true, value: String(Number(cleaned)) };
  },
};

export function validateField(field: Field, text: string, now: Date, language: Language): Validation {
  return VALIDATORS[field.type](field, text, now, language);
}

/** A media message as an attachment question sees it: what WhatsApp says it is, and where the webhook kept it. */
export interface SentMedia {
  mediaType: 'image' | 'document' | 'audio' | 'video' | 'sticker';
  mimeType?: string;
  filename?: string;
  /** The object in the media bucket the webhook kept it under. */
  key: string;
}

export type AttachmentValidation = { ok: true; value: string; kind: AttachmentKind } | { ok: false; error: StringId };

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

/**
 * A photo (JPEG or PNG) or a PDF sent at an attachment question: answers its key in the media bucket and which of the
 * two it is. A PDF is known by its MIME type, or by its name when WhatsApp gives no type.
 */
export function validateAttachment(field: Field, media: SentMedia): AttachmentValidation {
  const kind = attachmentKindOf(media);
  if (!kind) return { ok: false, error: 'attachmentWrongType' };
  if (!(field.accepts ?? ATTACHMENT_KINDS).includes(kind)) return { ok: false, error: attachmentPrompt(field) };
  return { ok: true, value: media.key, kind };
}

function attachmentKindOf(media: SentMedia): AttachmentKind | undefined {
  const mimeType = media.mimeType?.split(';')[0]?.trim().toLowerCase();
  if (media.mediaType === 'image') return mimeType === undefined || PHOTO_TYPES.has(mimeType) ? 'image' : undefined;
  if (media.mediaType !== 'document') return undefined;
  if (mimeType === 'application/pdf') return 'pdf';
  const named = media.filename?.toLowerCase().endsWith('.pdf') ?? false;
  return named && (mimeType === undefined || mimeType === 'application/octet-stream') ? 'pdf' : undefined;
}

/** What an attachment question asks for, in the words of the "please send" prompt. */
function attachmentPrompt(field: Field): StringId {
  const accepts = field.accepts ?? ATTACHMENT_KINDS;
  if (accepts.length > 1) return 'attachmentExpected';
  return accepts[0] === 'pdf' ? 'attachmentPdfExpected' : 'attachmentPhotoExpected';
}

/** Free text keeps no Aadhaar number in full, even one typed into a complaint or an address. */
export function maskAadhaarNumbers(text: string): string {
  return text.replace(/(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)/g, (digits) => {
    const aadhaar = parseAadhaar(digits);
    return aadhaar ? maskedAadhaar(aadhaar.slice(-4)) : digits;
  });
}

/**
 * A Mitra application number as people type it: any case, with or without the `AP-` prefix, spaces or dashes, and
 * the letters Crockford base32 reads as digits (O for 0, I and L for 1). Answers the canonical `AP-XXXXXXXXXXXX`.
 */
export function parseApplicationNumber(text: string): string | undefined {
  const compact = latinDigits(text).toUpperCase().replace(/[\s-]/g, '').replace(/^AP/, '');
  const canonical = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(canonical) ? `AP-${canonical}` : undefined;
}
