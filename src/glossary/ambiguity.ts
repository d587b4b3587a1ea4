import { normalizeForm } from "../matcher/chars.ts";
import type { Entry } from "./schema.ts";

/**
 * The glossary's ambiguous names, for editors and for the test that checks every one of them
 * (test/unit/ambiguity.test.ts). Two kinds, each with one rule the matcher applies:
 *
 * - **Shared forms**: a short form of two or more entries ("Jordan", "Clinton"). Rule: the
 *   page decides — the entry whose full form (or a context entry's) is near is meant; with
 *   none, or more than one, the mention stays unmarked.
 * - **Word names**: a one-word name that is also an everyday word or a first name ("Target",
 *   "Victoria"). Rule: matched only as written, and at the start of a sentence or heading
 *   only where the page licenses it, as a short form.
 */
export interface SharedForm {
  form: string;
  /** Entry ids, in glossary order. */
  entries: string[];
}

export function sharedForms(entries: readonly Entry[]): SharedForm[] {
  const byKey = new Map<string, { form: string; entries: string[] }>();
  for (const e of entries) {
    for (const f of [...e.forms, ...e.shortForms]) {
      const key = normalizeForm(f.normalize("NFC")).toLowerCase();
      const slot = byKey.get(key) ?? { form: f, entries: [] };
      if (!slot.entries.includes(e.id)) slot.entries.push(e.id);
      byKey.set(key, slot);
    }
  }
  return [...byKey.values()].filter((s) => s.entries.length > 1).sort((a, b) => a.form.localeCompare(b.form));
}

/** Forms of these entries in `wordNames` (the build's word-name list), with their entry. */
export function wordNameForms(
  entries: readonly Entry[],
  wordNames: ReadonlySet<string>,
): { form: string; entry: string; short: boolean }[] {
  const out: { form: string; entry: string; short: boolean }[] = [];
  for (const e of entries) {
    for (const f of e.forms) if (wordNames.has(f)) out.push({ form: f, entry: e.id, short: false });
    for (const f of e.shortForms) if (wordNames.has(f)) out.push({ form: f, entry: e.id, short: true });
  }
  return out;
}
