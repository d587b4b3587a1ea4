import * as z from "zod/mini";
import { CATEGORIES } from "./categories.ts";
import { DEFAULT_SETTINGS, MARK_MODES, MARK_STYLES, type Settings } from "./settings.ts";

/** Host names are stored lower-case without a port; at most 253 characters (DNS limit). */
export const HostSchema = z.string().check(z.minLength(1), z.maxLength(253));
const CategorySchema = z.enum(CATEGORIES);
const PackIdSchema = z.string().check(z.minLength(1), z.maxLength(100));
const EntryIdSchema = z.string().check(z.minLength(1), z.maxLength(100));
/**
 * storage.sync refuses an item over 8 KB: past this budget the oldest known entries and
 * disabled sites are dropped (lists keep the order in which the reader added to them).
 */
export const SYNC_ITEM_BUDGET = 7_600;
const MAX_KNOWN_ENTRIES = 1_000;
const MAX_DISABLED_SITES = 1_000;

/**
 * What is saved: only what the reader changed from the defaults, so that a later change of
 * default reaches everyone who never touched that setting.
 */
export const SETTINGS_VERSION = 2;

export const StoredSettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  categories: z.optional(z.partialRecord(CategorySchema, z.boolean())),
  disabledSites: z.optional(z.array(HostSchema).check(z.maxLength(MAX_DISABLED_SITES))),
  disabledPacks: z.optional(z.array(PackIdSchema).check(z.maxLength(1_000))),
  mode: z.optional(z.enum(MARK_MODES)),
  markStyle: z.optional(z.enum(MARK_STYLES)),
  knownEntries: z.optional(z.array(EntryIdSchema).check(z.maxLength(MAX_KNOWN_ENTRIES))),
  underlineFamiliar: z.optional(z.boolean()),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

/** Something in storage that could not be read and was replaced by its default. */
export interface StorageProblem {
  area: "settings" | "glossaries";
  /** The field (or glossary name) that was dropped; "*" for the whole item. */
  field: string;
  reason: "malformed" | "newer-version";
}

/**
 * Migrations from each earlier stored version to the next. Version 1 (Backstory 0.1) kept
 * disabled sites sorted; version 2 keeps every list in the order the reader added to it (the
 * oldest go first when storage.sync's item limit is reached). A sorted list is a valid order,
 * so the step only renumbers.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  1: (raw) => ({ ...raw, version: 2 }),
};

/**
 * Reads stored settings field by field: what is malformed falls back to its default and is
 * reported, what is intact is kept (one bad host does not cost the reader their category
 * switches). Earlier versions are migrated; a newer version (the reader went back to an older
 * Backstory) is read for the fields this version knows.
 */
export function inspectStoredSettings(stored: unknown): { settings: Settings; problems: StorageProblem[] } {
  const settings = structuredClone(DEFAULT_SETTINGS);
  const problems: StorageProblem[] = [];
  const problem = (field: string, reason: StorageProblem["reason"] = "malformed") =>
    problems.push({ area: "settings", field, reason });
  if (stored === undefined || stored === null) return { settings, problems };
  if (typeof stored !== "object" || Array.isArray(stored)) {
    problem("*");
    return { settings, problems };
  }
  let raw = stored as Record<string, unknown>;
  if (typeof raw.version !== "number" || !Number.isInteger(raw.version) || raw.version < 1) {
    problem("version");
    return { settings, problems };
  }
  while ((raw.version as number) < SETTINGS_VERSION) raw = MIGRATIONS[raw.version as number](raw);
  if ((raw.version as number) > SETTINGS_VERSION) problem("version", "newer-version");

  const { categories, disabledSites, disabledPacks, mode, markStyle, knownEntries, underlineFamiliar } = raw;
  if (categories !== undefined) {
    if (typeof categories !== "object" || categories === null || Array.isArray(categories)) problem("categories");
    else {
      for (const c of CATEGORIES) {
        const value = (categories as Record<string, unknown>)[c];
        if (typeof value === "boolean") settings.categories[c] = value;
        else if (value !== undefined) problem(`categories.${c}`);
      }
    }
  }
  const list = (field: string, value: unknown, valid: (x: unknown) => boolean): string[] | null => {
    if (value === undefined) return null;
    if (!Array.isArray(value)) {
      problem(field);
      return null;
    }
    const kept = value.filter(valid) as string[];
    if (kept.length < value.length) problem(field);
    return kept;
  };
  const sites = list("disabledSites", disabledSites, (h) => HostSchema.safeParse(h).success);
  if (sites) settings.disabledSites = sites.map((h) => h.toLowerCase()).slice(-MAX_DISABLED_SITES);
  const packs = list("disabledPacks", disabledPacks, (p) => PackIdSchema.safeParse(p).success);
  if (packs) settings.disabledPacks = packs.slice(0, 1_000);
  if (mode !== undefined) {
    if (MARK_MODES.includes(mode as never)) settings.mode = mode as Settings["mode"];
    else problem("mode");
  }
  if (markStyle !== undefined) {
    if (MARK_STYLES.includes(markStyle as never)) settings.markStyle = markStyle as Settings["markStyle"];
    else problem("markStyle");
  }
  if (underlineFamiliar !== undefined) {
    if (typeof underlineFamiliar === "boolean") settings.underlineFamiliar = underlineFamiliar;
    else problem("underlineFamiliar");
  }
  const known = list("knownEntries", knownEntries, (id) => EntryIdSchema.safeParse(id).success);
  if (known) settings.knownEntries = known.slice(-MAX_KNOWN_ENTRIES);
  return { settings, problems };
}

export function settingsFromStored(raw: unknown): Settings {
  return inspectStoredSettings(raw).settings;
}

export function storedFromSettings(settings: Settings): StoredSettings {
  const stored: StoredSettings = { version: SETTINGS_VERSION };
  const categories = Object.fromEntries(
    CATEGORIES.filter((c) => settings.categories[c] !== DEFAULT_SETTINGS.categories[c]).map((c) => [
      c,
      settings.categories[c],
    ]),
  );
  if (Object.keys(categories).length) stored.categories = categories;
  if (settings.disabledSites.length) stored.disabledSites = [...new Set(settings.disabledSites)];
  if (settings.disabledPacks.length) stored.disabledPacks = [...new Set(settings.disabledPacks)].sort();
  if (settings.mode !== DEFAULT_SETTINGS.mode) stored.mode = settings.mode;
  if (settings.markStyle !== DEFAULT_SETTINGS.markStyle) stored.markStyle = settings.markStyle;
  if (settings.underlineFamiliar !== DEFAULT_SETTINGS.underlineFamiliar)
    stored.underlineFamiliar = settings.underlineFamiliar;
  // Kept in the order they were added: past the cap, the oldest go first.
  if (settings.knownEntries.length) stored.knownEntries = [...new Set(settings.knownEntries)];
  return withinSyncBudget(stored);
}

/** Drops the oldest items of the longer list until the stored settings fit one storage.sync item. */
function withinSyncBudget(stored: StoredSettings): StoredSettings {
  const size = () => new TextEncoder().encode(JSON.stringify(stored)).length;
  while (size() > SYNC_ITEM_BUDGET) {
    const known = stored.knownEntries?.length ?? 0;
    const sites = stored.disabledSites?.length ?? 0;
    if (!known && !sites) break;
    if (known >= sites) stored.knownEntries = stored.knownEntries?.slice(1);
    else stored.disabledSites = stored.disabledSites?.slice(1);
  }
  return stored;
}

/**
 * What to write over stored settings. Written by a newer Backstory (the reader went back to an
 * older one, or another browser syncs a newer one), the stored item keeps its version and the
 * fields this version does not know; the fields it knows take the new values.
 */
export function settingsToWrite(current: unknown, next: Settings): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...storedFromSettings(next) };
  if (typeof current !== "object" || current === null || Array.isArray(current)) return stored;
  const raw = current as Record<string, unknown>;
  if (typeof raw.version !== "number" || raw.version <= SETTINGS_VERSION) return stored;
  const known = new Set(Object.keys(StoredSettingsSchema.shape));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !known.has(key)));
  return { ...kept, ...stored, version: raw.version };
}
