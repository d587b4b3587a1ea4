// Number formatting shared by the bench's report tables.

export const fmt = (x: number | null | undefined, digits = 2) =>
  x == null || !Number.isFinite(x)
    ? "—"
    : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const pad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
export const mbOf = (b: number | null | undefined) => (b == null ? null : b / 1024 / 1024);
export const mb = (bytes: number | null) => (bytes === null ? "—" : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
