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
export const StoredSettingsSchema = z.object({
  version: z.literal(1),
  categories: z.optional(z.partialRecord(CategorySchema, z.boolean())),
  disabledSites: z.optional(z.array(HostSchema).check(z.maxLength(MAX_DISABLED_SITES))),
  disabledPacks: z.optional(z.array(PackIdSchema).check(z.maxLength(1_000))),
  mode: z.optional(z.enum(MARK_MODES)),
  markStyle: z.optional(z.enum(MARK_STYLES)),
  knownEntries: z.optional(z.array(EntryIdSchema).check(z.maxLength(MAX_KNOWN_ENTRIES))),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

/**
 * Reads stored settings field by field: what is malformed falls back to its default, what is
 * intact is kept (one bad host does not cost the reader their category switches).
 */
export function settingsFromStored(raw: unknown): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  if (typeof raw !== "object" || raw === null) return settings;
  const { version, categories, disabledSites, disabledPacks, mode, markStyle, knownEntries } = raw as Record<
    string,
    unknown
  >;
  if (version !== 1) return settings; // written by another version: migrations come with version 2
  if (typeof categories === "object" && categories !== null) {
    for (const c of CATEGORIES) {
      const value = (categories as Record<string, unknown>)[c];
      if (typeof value === "boolean") settings.categories[c] = value;
    }
  }
  if (Array.isArray(disabledSites)) {
    settings.disabledSites = disabledSites
      .filter((h): h is string => HostSchema.safeParse(h).success)
      .map((h) => h.toLowerCase())
      .slice(-MAX_DISABLED_SITES);
  }
  if (Array.isArray(disabledPacks)) {
    settings.disabledPacks = disabledPacks
      .filter((p): p is string => PackIdSchema.safeParse(p).success)
      .slice(0, 1_000);
  }
  if (MARK_MODES.includes(mode as never)) settings.mode = mode as Settings["mode"];
  if (MARK_STYLES.includes(markStyle as never)) settings.markStyle = markStyle as Settings["markStyle"];
  if (Array.isArray(knownEntries)) {
    settings.knownEntries = knownEntries
      .filter((id): id is string => EntryIdSchema.safeParse(id).success)
      .slice(-MAX_KNOWN_ENTRIES);
  }
  return settings;
}

export function storedFromSettings(settings: Settings): StoredSettings {
  const stored: StoredSettings = { version: 1 };
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
