import type { Category, Entry } from "../glossary/schema.ts";
import type { ArticleDateSource } from "./article-date.ts";
import type { ContentRequest } from "./content-request.ts";
import type { BackgroundRequest } from "./messages.ts";
import type { Settings } from "./settings.ts";
import type { StorageProblem } from "./settings-storage.ts";

/**
 * Where a tab gets its matcher: the bundled one is a file of the extension it reads itself;
 * one compiled in the worker comes inside the reply, as base64 (messaging carries only JSON).
 */
export type MatcherSource = { file: string } | { base64: string };

/** The reply to each request type; senders get it typed through {@link sendToBackground}. */
export interface BackgroundResponses {
  "backstory:get-page-config": {
    matcher: MatcherSource;
    categories: readonly Category[];
    /** Matcher entry indices of household names (not underlined unless the reader asks). */
    household: number[];
    /** [entry, country] pairs: which country a mention of each country-bound entry stands for. */
    countryOf: number[];
    /** [office, country] pairs: a bare title counts only where its country is clear on the page. */
    officeOf: number[];
    settings: Settings;
    siteEnabled: boolean;
    /** Changes when the entries in force do (a pack switched off, a glossary imported). */
    glossaryKey: string;
  };
  "backstory:lookup": { entries: Entry[] };
  /** card.js has run in the sender's frame (it has handed its module to content.js). */
  "backstory:load-card": { loaded: true };
  "backstory:get-settings": { settings: Settings };
  "backstory:set-category": { settings: Settings };
  "backstory:set-site-enabled": { settings: Settings };
  "backstory:set-mode": { settings: Settings };
  "backstory:set-underline-familiar": { settings: Settings };
  "backstory:set-then-and-since": { settings: Settings };
  "backstory:set-mark-style": { settings: Settings };
  "backstory:set-entry-known": { settings: Settings };
  "backstory:reset-settings": { settings: Settings };
  "backstory:get-storage-report": { problems: StorageProblem[] };
  "backstory:list-glossaries": GlossaryList;
  "backstory:import-glossary": { errors: string[]; id?: string };
  "backstory:set-glossary-enabled": { ok: boolean };
  "backstory:delete-glossary": { ok: boolean };
  "backstory:export-glossary": { name: string; entries: Entry[] } | null;
  "backstory:preview-feed": { preview?: FeedPreview; error?: string };
  "backstory:subscribe-feed": { id?: string; error?: string };
  "backstory:check-feed": { outcome: "updated" | "unchanged" | "refused"; reason?: string };
  "backstory:set-feed-paused": { ok: boolean };
}

/** What a feed would add, shown before the reader subscribes. */
export interface FeedPreview {
  title: string;
  publisher: string;
  version: number;
  /** ISO time. */
  published: string;
  entries: number;
  bytes: number;
}

/** A glossary that comes from a feed, as the options page lists it. */
export interface FeedInfo {
  url: string;
  publisher: string;
  version: number;
  published: string;
  paused: boolean;
  lastCheck?: string;
  lastSuccess?: string;
  lastError?: string;
  nextCheck?: string;
}

export interface GlossaryList {
  packs: { id: string; title: string; count: number; enabled: boolean }[];
  user: { id: string; name: string; count: number; enabled: boolean; importedAt: string; feed?: FeedInfo }[];
}

export interface PageStats {
  host: string;
  siteEnabled: boolean;
  /**
   * The page has been read to its end and no change of it waits to be read: what is marked
   * now is all there is to mark (end-to-end tests wait for it before checking that something
   * is not marked).
   */
  read: boolean;
  /** Mentions on the page per category, counted whether or not the category is switched on. */
  counts: Record<Category, number>;
  /** The entries mentioned on the page (categories switched on), in order of first mention. */
  entries: PageEntry[];
  /** The page's text passed the limit Backstory reads (PAGE_TEXT_LIMIT): the rest is not explained. */
  truncated: boolean;
  /** When the page's article was written, as read from the page or set by the reader; null when unknown. */
  articleDate: { day: string; source: ArticleDateSource } | null;
}

export interface PageEntry {
  id: string;
  category: Category;
  /** Mentions of it on the page. */
  count: number;
  /** The words of its first mention, as written on the page. */
  text: string;
}

export interface ContentResponses {
  "backstory:get-page-stats": PageStats;
  /** False when the entry has no mention on the page (any more). */
  "backstory:show-entry": { shown: boolean };
  "backstory:navigate": { shown: boolean };
  "backstory:set-article-date": { articleDate: PageStats["articleDate"] };
}

export type BackgroundResponse<T extends BackgroundRequest["type"]> = BackgroundResponses[T];
export type ContentResponse<T extends ContentRequest["type"]> = ContentResponses[T];
