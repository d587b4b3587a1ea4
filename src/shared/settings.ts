/** Settings as the extension uses them, and their storage keys. Free of zod: the content script imports this. */
import { CATEGORIES, type Category } from "./categories.ts";

/**
 * Which mentions are underlined: the first of each entry on a page (the default: a page full
 * of underlines is the top complaint about such tools), every one, or none (hover still
 * explains). In every mode every mention is explained on hover.
 */
export const MARK_MODES = ["first", "all", "none"] as const;
export type MarkMode = (typeof MARK_MODES)[number];

/** How a marked mention looks. */
export const MARK_STYLES = ["dotted", "solid", "tint"] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];

export interface Settings {
  categories: Record<Category, boolean>;
  disabledSites: string[];
  /** Bundled packs the reader switched off. */
  disabledPacks: string[];
  mode: MarkMode;
  markStyle: MarkStyle;
  /** Entries the reader said they know ("I know this"): explained on hover, never marked. */
  knownEntries: string[];
  /**
   * Underline household names too (the largest countries, companies, leaders). Off by default:
   * they are explained on hover, but a page that explains 40 names must not underline 40.
   */
  underlineFamiliar: boolean;
  /**
   * On an older article, cards lead with what was true when it was written and what has changed
   * since (for entries with a timeline). On by default; off, every card is as today.
   */
  thenAndSince: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
  disabledSites: [],
  disabledPacks: [],
  mode: "first",
  markStyle: "dotted",
  knownEntries: [],
  underlineFamiliar: false,
  thenAndSince: true,
};

export const SETTINGS_KEY = "settings";
/** storage.local key of the reader's own glossaries (src/background/user-glossaries.ts). */
export const USER_GLOSSARIES_KEY = "userGlossaries";
/** storage.local: each feed's source and checks (src/background/feeds.ts), apart from its glossary. */
export const FEEDS_KEY = "feeds";

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.includes(host.toLowerCase());
}
