// Medians. A peer that did not finish on a page counts as slower than any that did, so a
// median over pages stays honest when some pages time out; it is null when it lands on one.

export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median where null means "did not finish"; null when the median is one of those. */
export function medianOfFinished(xs: readonly (number | null)[]): number | null {
  if (!xs.length) return null;
  const m = median(xs.map((x) => (x === null ? Number.POSITIVE_INFINITY : x)));
  return Number.isFinite(m) ? m : null;
}

export function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || !b ? null : a / b;
}

/** Rounds for the JSON line: 3 decimals below 10, 1 above (the timer's resolution is 5 µs). */
export function round(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  return Math.abs(x) < 10 ? Math.round(x * 1000) / 1000 : Math.round(x * 10) / 10;
}

/** The q-quantile (0..1) by the nearest-rank method: p95 of 24 pages is the 23rd. */
export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
