import { type Entry, EntrySchema } from "./schema.ts";

/** Limits on a reader's glossary file: stated in the options page and the README. */
export const IMPORT_LIMITS = { bytes: 10 * 1024 * 1024, entries: 50_000, glossaries: 20 } as const;

export interface ImportResult {
  /** The glossary's name (from the file, or the file name). */
  name: string;
  entries: Entry[];
  /** Every problem found, each naming the row and the field; the file is refused if any. */
  errors: string[];
}

const LIST_SEPARATOR = "|";
const CSV_COLUMNS = [
  "id",
  "title",
  "category",
  "forms",
  "shortForms",
  "context",
  "summary",
  "asOf",
  "sources",
  "related",
];

/**
 * Reads a reader's glossary file: JSON (`{ "name", "entries": [...] }` or an array of
 * entries, as in docs/glossary.schema.json) or CSV (one entry per row; see the README). Pure:
 * the options page shows the result as a preview, and the background validates it again.
 */
export function parseGlossaryFile(fileName: string, text: string, byteLength = text.length): ImportResult {
  const fallbackName = fileName.replace(/\.[^.]+$/, "") || "My glossary";
  if (byteLength > IMPORT_LIMITS.bytes) {
    return refuse(fallbackName, `The file is ${(byteLength / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
  }
  const isCsv = /\.csv$/i.test(fileName) || (!/^\s*[[{]/.test(text) && /^[^\n]*,/.test(text));
  let name = fallbackName;
  let rows: unknown[];
  /** The line of the file each CSV row starts on (blank lines and quoted line breaks counted). */
  let rowNumbers: number[] | undefined;
  if (isCsv) {
    const parsed = csvRows(text);
    if ("error" in parsed) return refuse(name, parsed.error);
    rows = parsed.rows;
    rowNumbers = parsed.lines;
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return refuse(name, `Not valid JSON: ${(e as Error).message}`);
    }
    if (Array.isArray(json)) rows = json;
    else if (json && typeof json === "object" && Array.isArray((json as { entries?: unknown }).entries)) {
      rows = (json as { entries: unknown[] }).entries;
      const n = (json as { name?: unknown }).name;
      if (typeof n === "string" && n.trim()) name = n.trim().slice(0, 80);
    } else return refuse(name, 'Expected an array of entries or an object with an "entries" array.');
  }
  if (rows.length === 0) return refuse(name, "The file holds no entries.");
  if (rows.length > IMPORT_LIMITS.entries) {
    return refuse(name, `The file holds ${rows.length} entries; the limit is ${IMPORT_LIMITS.entries}.`);
  }
  return validateEntries(name, rows, rowNumbers);
}

/**
 * Validates rows as entries. Problems name the row: its place in the list (1 for the first), or,
 * for a CSV file, `rowNumbers[i]`, the line it starts on, as a spreadsheet shows it.
 */
export function validateEntries(name: string, rows: readonly unknown[], rowNumbers?: readonly number[]): ImportResult {
  const errors: string[] = [];
  const entries: Entry[] = [];
  const ids = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = rowNumbers?.[i] ?? i + 1;
    const id = (raw as { id?: unknown })?.id;
    const label = `Row ${row}${typeof id === "string" && id ? ` ("${id}")` : ""}`;
    const parsed = EntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.code === "unrecognized_keys" ? issue.keys : [""];
        for (const key of keys) {
          const field = [...issue.path, ...(key ? [key] : [])].join(".") || "(entry)";
          errors.push(`${label}, field "${field}": ${key ? "unknown field" : issue.message}`);
        }
      }
      return;
    }
    const seen = ids.get(parsed.data.id);
    if (seen !== undefined) errors.push(`${label}, field "id": the same id as row ${seen}`);
    ids.set(parsed.data.id, row);
    entries.push(parsed.data);
  });
  return { name, entries: errors.length ? [] : entries, errors };
}

function refuse(name: string, error: string): ImportResult {
  return { name, entries: [], errors: [error] };
}

/** CSV rows as entry-shaped objects: lists split on "|", sources as "Title <https://…>" or a bare URL. */
function csvRows(text: string): { rows: unknown[]; lines: number[] } | { error: string } {
  const starts: number[] = [];
  const table = parseCsv(text, starts);
  if ("error" in table) return table;
  const [header, ...body] = table.rows;
  const columns = (header ?? []).map((h) => h.trim());
  const unknown = columns.filter((c) => !CSV_COLUMNS.includes(c));
  if (unknown.length)
    return { error: `Unknown CSV column(s): ${unknown.join(", ")}. Columns: ${CSV_COLUMNS.join(", ")}.` };
  const list = (v: string) =>
    v
      .split(LIST_SEPARATOR)
      .map((s) => s.trim())
      .filter(Boolean);
  const kept = body.flatMap((cells, i) => (cells.some((c) => c.trim()) ? [{ cells, line: starts[i + 1] }] : []));
  const rows = kept.map(({ cells }) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const value = (cells[i] ?? "").trim();
      if (!value) return;
      if (column === "sources") row.sources = list(value).map(sourceFromCell);
      else if (["forms", "shortForms", "context", "related"].includes(column)) row[column] = list(value);
      else row[column] = value;
    });
    return row;
  });
  return { rows, lines: kept.map((k) => k.line) };
}

function sourceFromCell(cell: string): { title: string; url: string } {
  const m = /^(.*?)\s*<([^>]+)>$/.exec(cell);
  if (m) return { title: m[1] || hostOf(m[2]), url: m[2] };
  return { title: hostOf(cell), url: cell };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. `starts`, if given,
 * receives the line (from 1) each record starts on.
 */
export function parseCsv(text: string, starts: number[] = []): { rows: string[][] } | { error: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
      }
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      starts.push(start);
      row = [];
      field = "";
      start = ++line;
    } else field += c;
  }
  if (quoted) return { error: `Row ${start}: a quoted field is not closed.` };
  if (field || row.length) {
    row.push(field);
    rows.push(row);
    starts.push(start);
  }
  return { rows };
}
