import type { AttachmentKind } from '../catalog/rules.ts';
import type { Field } from '../catalog/schema.ts';

/**
 * An attachment answer is kept as two values: under the field's id, the media bucket key of what was sent; under
 * this key, whether it was a photo or a PDF (as an Aadhaar answer keeps its hash under `<id>:hash`).
 */
export const attachmentKindKey = (fieldId: string) => `${fieldId}:kind`;

export interface Attachment {
  field: Field;
  /** Where the webhook kept it in the media bucket. */
  key: string;
  kind: AttachmentKind;
}

/** The attachments an application's answers hold, in the order of its questions. */
export function attachmentsOf(fields: readonly Field[], values: Record<string, string>): Attachment[] {
  return fields.flatMap((field) => {
    const key = values[field.id];
    if (field.type !== 'attachment' || !key) return [];
    return [{ field, key, kind: values[attachmentKindKey(field.id)] === 'pdf' ? 'pdf' : 'image' } as const];
  });
}
