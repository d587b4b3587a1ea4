/** Settings as the extension uses them, and their storage keys. Free of zod: the content script imports this. */
import { CATEGORIES, type Category } from "./categories.ts";

export interface Settings {
  categories: Record<Category, boolean>;
  disabledSites: string[];
  /** Bundled packs the reader switched off. */
  disabledPacks: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
  disabledSites: [],
  disabledPacks: [],
};

export const SETTINGS_KEY = "settings";
/** storage.local key of the reader's own glossaries (src/background/user-glossaries.ts). */
export const USER_GLOSSARIES_KEY = "userGlossaries";

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.includes(host.toLowerCase());
}
