/**
 * Money crosses the system in two units: the catalog states fees in rupees, the gateway counts paise (integers, so
 * no rounding on the way). This is the one place that converts between them.
 */
export function rupeesToPaise(rupees: number): number {
  const paise = Math.round(rupees * 100);
  if (!Number.isSafeInteger(paise) || paise <= 0) throw new RangeError(`not a payable amount: ${rupees} rupees`);
  return paise;
}

export function paiseToRupees(paise: number): number {
  return paise / 100;
}

/** ₹100, or ₹12.50 when there are paise: how a citizen reads an amount. */
export function formatRupees(paise: number): string {
  const rupees = paiseToRupees(paise);
  return `₹${Number.isInteger(rupees) ? String(rupees) : rupees.toFixed(2)}`;
}
