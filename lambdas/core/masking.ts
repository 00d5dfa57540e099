/** Masks for personal data in logs and public pages: enough to tell records apart, not enough to identify anyone. */
export function maskPhone(waId: string): string {
  return waId.length <= 4 ? '****' : `${'*'.repeat(waId.length - 4)}${waId.slice(-4)}`;
}

export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const letters = [...part];
      return letters[0] + '*'.repeat(Math.max(letters.length - 1, 1));
    })
    .join(' ');
}
