import { formatRupees } from '../certificate/amounts.ts';

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

/**
 * ₹1,200, or ₹12.50 when there are paise: how a citizen reads an amount, grouped as documents print it
 * (certificate/amounts.ts).
 */
export function formatPaise(paise: number): string {
  const whole = Math.trunc(paise / 100);
  const rest = paise % 100;
  return rest === 0 ? formatRupees(whole) : `${formatRupees(whole)}.${String(rest).padStart(2, '0')}`;
}
