/**
 * Numbers as the reference page prints them: scores "8.9/10", money "$0.40".
 * Scores are stored to one decimal, so we compare and subtract them as whole tenths:
 * 8.2 − 8.0 is then exactly 2 tenths ("0.2"), never 0.19999999999999929.
 */

/** A score out of ten, as a whole number of tenths (8.9 → 89). */
export function toTenths(score: number): number {
  return Math.round(score * 10);
}

/** 89 → "8.9", 100 → "10.0", 2 → "0.2". */
export function formatTenths(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(Math.round(tenths));
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

/** 8.9 → "8.9/10" (the reference page's score, always with one decimal: "8.0/10"). */
export function formatScore(score: number): string {
  return `${formatTenths(toTenths(score))}/10`;
}

/**
 * Dollars to whole cents, rounding half up. `toPrecision` first absorbs binary noise
 * (1.005 * 100 is 100.49999999999999 in floating point, and should round to 101).
 */
export function toCents(usd: number): number {
  return Math.round(Number((usd * 100).toPrecision(12)));
}

/** 0.4 → "$0.40", 1234.5 → "$1,234.50". */
export function formatMoney(usd: number): string {
  return formatCents(toCents(usd));
}

/** 40 → "$0.40", 123450 → "$1,234.50". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}
