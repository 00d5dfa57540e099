/**
 * The name a citizen's phone saves an issued document under: its English title and its number,
 * `Income-Certificate-<certId>.pdf`, in letters and digits every phone's file system keeps, so that it reads as what
 * it is in the chat and in a downloads folder. The number alone when there is no title in those letters.
 */
export function documentFilename(certId: string, title?: string): string {
  const words = (title ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim();
  return words ? `${words.replaceAll(' ', '-')}-${certId}.pdf` : `${certId}.pdf`;
}
