// Shared helpers for the generated packs: ids, form safety, number wording, output.

import type { EntryInput } from "../../src/glossary/schema.ts";
import { normalizeForm } from "../../src/matcher/chars.ts";
import { nameRisk } from "../lib/name-risk.ts";

/** A generated entry: the schema's input shape with every list spelled out (stable JSON). */
export type GeneratedEntry = EntryInput & { asOf: string; shortForms: string[]; context: string[]; related: string[] };

/** kebab-case ASCII id from any name ("São Paulo" → "sao-paulo"). */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const formKey = (form: string) => normalizeForm(form.normalize("NFC")).toLowerCase();

/** A one-word name that is also an everyday word or a first name (see scripts/lib/name-risk.ts). */
export const isRiskyName = (name: string): boolean => nameRisk(name) !== null;

/** "about 1.2 million", "about 340,000": two significant figures, as a reader says it. */
export function aboutPeople(n: number): string {
  if (n >= 1_000_000_000) return `about ${round2(n / 1e9)} billion`;
  if (n >= 1_000_000) return `about ${round2(n / 1e6)} million`;
  const rounded = Number(n.toPrecision(2));
  return `about ${rounded.toLocaleString("en-US")}`;
}
function round2(x: number): string {
  const r = x >= 100 ? Math.round(x) : x >= 10 ? Math.round(x) : Math.round(x * 10) / 10;
  return String(r);
}

/** "A, B and C" (at most `max` names, then "and N others"). */
export function listNames(names: readonly string[], max = 6): string {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} other${rest === 1 ? "" : "s"}`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

export function ordinal(n: number): string {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** Country names that take "the" in running text ("the Netherlands", "the United States"). */
export function withThe(name: string): string {
  return /^(?:United|Republic|Democratic|Central African|Dominican|Czech Republic|Holy See)|Islands?$|^(?:Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)$/.test(
    name,
  )
    ? `the ${name}`
    : name;
}

/** "Texas's" in running text is "Texas'". */
export const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

export const year = (isoDate: string) => isoDate.slice(0, 4);

/**
 * The names already taken: every form of the written packs and of the entries generated so
 * far. A generated entry never takes a form another entry has; a written entry always wins.
 */
export class FormRegistry {
  private owner = new Map<string, string>();
  private shortOwners = new Map<string, Set<string>>();
  private ids = new Set<string>();
  constructor(entries: readonly { id: string; forms: readonly string[]; shortForms?: readonly string[] }[]) {
    for (const e of entries) {
      this.ids.add(e.id);
      for (const f of e.forms) this.owner.set(formKey(f), e.id);
      for (const f of e.shortForms ?? []) this.addShort(formKey(f), e.id);
    }
  }
  private addShort(key: string, id: string) {
    const set = this.shortOwners.get(key) ?? new Set();
    set.add(id);
    this.shortOwners.set(key, set);
  }
  /** The entry whose full form this is. */
  ownerOf(form: string): string | undefined {
    return this.owner.get(formKey(form));
  }
  /** The entry whose full or short form this is (the first, for a shared short form). */
  anyOwnerOf(form: string): string | undefined {
    const key = formKey(form);
    return this.owner.get(key) ?? [...(this.shortOwners.get(key) ?? [])][0];
  }
  /** A free id: the slug, else the slug with each qualifier added in turn. */
  freeId(base: string, ...qualifiers: string[]): string {
    let id = slug(base);
    for (const q of qualifiers) {
      if (!this.ids.has(id)) return id;
      id = `${id}-${slug(q)}`;
    }
    for (let n = 2; this.ids.has(id); n++) id = `${slug(base)}-${n}`;
    return id;
  }
  /**
   * Keeps the forms nobody else owns, and registers the entry. A full form that is another
   * entry's short form becomes a short form here too: the name is shared, so the page decides.
   */
  add(entry: GeneratedEntry): GeneratedEntry | null {
    const seen = new Set<string>();
    const forms: string[] = [];
    const shortForms: string[] = [];
    for (const f of entry.forms) {
      const k = formKey(f);
      if (seen.has(k) || this.owner.has(k)) continue;
      seen.add(k);
      if (this.shortOwners.has(k)) shortForms.push(f);
      else forms.push(f);
    }
    if (!forms.length) return null;
    for (const f of entry.shortForms) {
      const k = formKey(f);
      if (seen.has(k) || this.owner.has(k)) continue;
      seen.add(k);
      shortForms.push(f);
    }
    this.ids.add(entry.id);
    for (const f of forms) this.owner.set(formKey(f), entry.id);
    for (const f of shortForms) this.addShort(formKey(f), entry.id);
    return { ...entry, forms, shortForms };
  }
}

/** Summaries are capped at 60 words by the schema; generated ones are checked here too. */
export function words(text: string): number {
  return text.split(/\s+/).length;
}
