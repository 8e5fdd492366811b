/**
 * Dollar formatting for people. The engine keeps integer micro-USD; these turn it into short strings:
 * ≥ $10 → whole dollars with separators ("$410", "$12,300"); ≥ $1 → one decimal ("$9.4", "$3");
 * below $1 → two significant digits ("$0.004", "$0.011", "$0.00012"). Zero is "$0" — callers never pass an
 * unpriced cost here (unpriced is a word, not a number).
 */
export function formatUsd(microUsd: number): string {
  return `$${formatUsdNumber(microUsd)}`;
}

/** formatUsd without the dollar sign. */
export function formatUsdNumber(microUsd: number): string {
  const usd = microUsd / 1_000_000;
  const abs = Math.abs(usd);
  if (abs === 0) return '0';
  if (abs >= 10) return Math.round(usd).toLocaleString('en-US');
  if (abs >= 1) return String(Math.round(usd * 10) / 10);
  const digits = Math.max(2, -Math.floor(Math.log10(abs)) + 1);
  return usd.toFixed(Math.min(digits, 6)).replace(/(\.\d*?[1-9])0+$/, '$1');
}

/** A range such as "$0.004–0.011"; a single value when both ends format the same. */
export function formatUsdRange(lowMicroUsd: number, highMicroUsd: number): string {
  const low = formatUsdNumber(lowMicroUsd);
  const high = formatUsdNumber(highMicroUsd);
  return low === high ? `$${low}` : `$${low}–${high}`;
}

/** Dollars (a JSON number) from micro-USD, rounded to the micro-dollar. */
export function microToUsd(microUsd: number): number {
  return Math.round(microUsd) / 1_000_000;
}

/** Integer with thousands separators ("1,000"). */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A list price in dollars: at least two decimals, more when the price has them ("$2.50", "$0.075"). */
export function priceUsd(usd: number): string {
  const rounded = Math.round(usd * 1_000_000) / 1_000_000;
  const two = rounded.toFixed(2);
  return `$${Number(two) === rounded ? two : String(rounded)}`;
}
