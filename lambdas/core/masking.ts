/** Masks a phone number for logs: enough to tell citizens apart, not enough to identify anyone. */
export function maskPhone(waId: string): string {
  return waId.length <= 4 ? '****' : `${'*'.repeat(waId.length - 4)}${waId.slice(-4)}`;
}
