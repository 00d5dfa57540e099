import { describe, expect, it } from 'vitest';
import { documentFilename } from '#core/certificate/document-filename.ts';

const CERT_ID = 'Zm9vYmFyYmF6cXV4cXV1dw';

describe('the file name of an issued document', () => {
  it('reads as the document: its English title and its number', () => {
    expect(documentFilename(CERT_ID, 'Income Certificate')).toBe(`Income-Certificate-${CERT_ID}.pdf`);
    expect(documentFilename(CERT_ID, 'Caste (Community) & Date of Birth Certificate')).toBe(
      `Caste-Community-Date-of-Birth-Certificate-${CERT_ID}.pdf`,
    );
  });

  it('keeps to letters and digits every phone keeps in a file name, accents dropped', () => {
    expect(documentFilename(CERT_ID, 'Pattadar Pāss Book / e-Passbook')).toBe(
      `Pattadar-Pass-Book-e-Passbook-${CERT_ID}.pdf`,
    );
  });

  it('is the number alone without a title in those letters', () => {
    expect(documentFilename(CERT_ID)).toBe(`${CERT_ID}.pdf`);
    expect(documentFilename(CERT_ID, 'ఆదాయ ధృవీకరణ పత్రం')).toBe(`${CERT_ID}.pdf`);
  });
});
