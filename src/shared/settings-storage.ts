import * as z from "zod/mini";
import { CATEGORIES } from "./categories.ts";
import { DEFAULT_SETTINGS, type Settings } from "./settings.ts";

/** Host names are stored lower-case without a port; at most 253 characters (DNS limit). */
export const HostSchema = z.string().check(z.minLength(1), z.maxLength(253));
const CategorySchema = z.enum(CATEGORIES);
const PackIdSchema = z.string().check(z.minLength(1), z.maxLength(100));

/**
 * What is saved: only what the reader changed from the defaults, so that a later change of
 * default reaches everyone who never touched that setting.
 */
export const StoredSettingsSchema = z.object({
  version: z.literal(1),
  categories: z.optional(z.partialRecord(CategorySchema, z.boolean())),
  disabledSites: z.optional(z.array(HostSchema).check(z.maxLength(10_000))),
  disabledPacks: z.optional(z.array(PackIdSchema).check(z.maxLength(1_000))),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

/**
 * Reads stored settings field by field: what is malformed falls back to its default, what is
 * intact is kept (one bad host does not cost the reader their category switches).
 */
export function settingsFromStored(raw: unknown): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  if (typeof raw !== "object" || raw === null) return settings;
  const { version, categories, disabledSites, disabledPacks } = raw as Record<string, unknown>;
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
      .slice(0, 10_000);
  }
  if (Array.isArray(disabledPacks)) {
    settings.disabledPacks = disabledPacks
      .filter((p): p is string => PackIdSchema.safeParse(p).success)
      .slice(0, 1_000);
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
  if (settings.disabledSites.length) stored.disabledSites = [...new Set(settings.disabledSites)].sort();
  if (settings.disabledPacks.length) stored.disabledPacks = [...new Set(settings.disabledPacks)].sort();
  return stored;
}
