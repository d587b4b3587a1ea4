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

/**
 * The stored lists, each with the schema of one item and its cap. Past a cap the oldest items
 * go, as everywhere (lists keep the order in which the reader added to them).
 */
const LISTS = {
  disabledSites: { item: HostSchema, max: 1_000 },
  disabledPacks: { item: PackIdSchema, max: 1_000 },
  knownEntries: { item: EntryIdSchema, max: 1_000 },
} as const;

/**
 * What is saved: only what the reader changed from the defaults, so that a later change of
 * default reaches everyone who never touched that setting.
 */
const SETTINGS_VERSION = 2;

const StoredSettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  categories: z.optional(z.partialRecord(CategorySchema, z.boolean())),
  disabledSites: z.optional(z.array(LISTS.disabledSites.item).check(z.maxLength(LISTS.disabledSites.max))),
  disabledPacks: z.optional(z.array(LISTS.disabledPacks.item).check(z.maxLength(LISTS.disabledPacks.max))),
  mode: z.optional(z.enum(MARK_MODES)),
  markStyle: z.optional(z.enum(MARK_STYLES)),
  knownEntries: z.optional(z.array(LISTS.knownEntries.item).check(z.maxLength(LISTS.knownEntries.max))),
  underlineFamiliar: z.optional(z.boolean()),
  thenAndSince: z.optional(z.boolean()),
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

  // Every field is checked by its own schema in StoredSettingsSchema (in its order), so that
  // what is intact is kept; within a field, each category switch and each list item stands alone.
  const shape = StoredSettingsSchema.shape;
  for (const field of Object.keys(shape) as (keyof typeof shape)[]) {
    const value = raw[field];
    if (field === "version" || value === undefined) continue;
    if (field === "categories") {
      if (typeof value !== "object" || value === null || Array.isArray(value)) problem(field);
      else {
        for (const c of CATEGORIES) {
          const one = (value as Record<string, unknown>)[c];
          if (one === undefined) continue;
          if (shape.categories.safeParse({ [c]: one }).success) settings.categories[c] = one as boolean;
          else problem(`categories.${c}`);
        }
      }
    } else if (field === "disabledSites" || field === "disabledPacks" || field === "knownEntries") {
      if (!Array.isArray(value)) {
        problem(field);
        continue;
      }
      const { item, max } = LISTS[field];
      const kept = value.filter((x) => item.safeParse(x).success) as string[];
      if (kept.length < value.length) problem(field);
      settings[field] = (field === "disabledSites" ? kept.map((h) => h.toLowerCase()) : kept).slice(-max);
    } else {
      const parsed = shape[field].safeParse(value);
      if (parsed.success) Object.assign(settings, { [field]: parsed.data });
      else problem(field);
    }
  }
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
  if (settings.thenAndSince !== DEFAULT_SETTINGS.thenAndSince) stored.thenAndSince = settings.thenAndSince;
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
