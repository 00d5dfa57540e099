/**
 * Where the archive keeps things (CONTRACT.md, "Archive layout"). The date folders are the UTC date of `issuedAt`,
 * so a record's place in the archive follows from the record alone.
 */
export function certificateObjectKeys(certId: string, issuedAt: string): { pdfKey: string; recordKey: string } {
  const folder = `certificates/${issuedAt.slice(0, 4)}/${issuedAt.slice(5, 7)}/${issuedAt.slice(8, 10)}`;
  return { pdfKey: `${folder}/${certId}.pdf`, recordKey: `${folder}/${certId}.json` };
}

export function publicKeyObjectKey(keyId: string): string {
  return `keys/${keyId}.pem`;
}
