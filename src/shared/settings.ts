import * as z from "zod/mini";
import { CATEGORIES, type Category } from "./categories.ts";

/** Host names are stored lower-case without a port; at most 253 characters (DNS limit). */
export const HostSchema = z.string().check(z.minLength(1), z.maxLength(253));
const CategorySchema = z.enum(CATEGORIES);

export interface Settings {
  categories: Record<Category, boolean>;
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
  disabledSites: [],
};

/**
 * What is saved: only what the reader changed from the defaults, so that a later change of
 * default reaches everyone who never touched that setting.
 */
export const StoredSettingsSchema = z.object({
  version: z.literal(1),
  categories: z.optional(z.partialRecord(CategorySchema, z.boolean())),
  disabledSites: z.optional(z.array(HostSchema).check(z.maxLength(10_000))),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

export const SETTINGS_KEY = "settings";

/** Reads stored settings leniently: what is malformed falls back to its default. */
export function settingsFromStored(raw: unknown): Settings {
  const parsed = StoredSettingsSchema.safeParse(raw);
  if (!parsed.success) return structuredClone(DEFAULT_SETTINGS);
  return {
    categories: { ...DEFAULT_SETTINGS.categories, ...parsed.data.categories },
    disabledSites: parsed.data.disabledSites ?? [],
  };
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
  return stored;
}

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.includes(host.toLowerCase());
}
