import type { Field } from '../catalog/schema.ts';
import { ValidationError } from '../errors.ts';
import { formatRupees, rupeesInWords } from './amounts.ts';

export interface Bilingual {
  en: string;
  te: string;
}

/**
 * An answer as a document prints it, in English and Telugu: a choice as its option's label (a district's name, never
 * the option id), an amount in figures with Indian grouping and in words, a date as DD-MM-YYYY; anything else as
 * typed. A value the field cannot hold is refused rather than printed half-understood.
 */
export function printedValue(field: Field, raw: string): Bilingual {
  switch (field.type) {
    case 'choice': {
      const option = field.options?.find((o) => o.id === raw);
      if (!option) throw new ValidationError(`${field.id}: "${raw}" is not one of its options`);
      return { ...option.label };
    }
    case 'amount': {
      const rupees = Number(raw.replace(/[\s,₹]/g, ''));
      if (!Number.isSafeInteger(rupees) || rupees < 0)
        throw new ValidationError(`${field.id}: "${raw}" is not a whole amount of rupees`);
      const figures = formatRupees(rupees);
      return { en: `${figures} (${rupeesInWords(rupees, 'en')})`, te: `${figures} (${rupeesInWords(rupees, 'te')})` };
    }
    case 'date': {
      const date = printedDate(raw);
      if (!date) throw new ValidationError(`${field.id}: "${raw}" is not a date`);
      return { en: date, te: date };
    }
    default:
      return { en: raw, te: raw };
  }
}

/** "2025-06-01" (as forms store dates) → "01-06-2025"; a date already written DD-MM-YYYY stays as it is. */
export function printedDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return `${iso[3]}-${iso[2]}-${iso[1]}`;
  return /^\d{2}-\d{2}-\d{4}$/.test(value) ? value : undefined;
}
