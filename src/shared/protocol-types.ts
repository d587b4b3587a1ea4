import type { Category, Entry } from "../glossary/schema.ts";
import type { SerializedMatcher } from "../matcher/serialize.ts";
import type { BackgroundRequest, ContentRequest } from "./messages.ts";
import type { Settings } from "./settings.ts";

/** The reply to each request type; senders get it typed through {@link sendToBackground}. */
export interface BackgroundResponses {
  "backstory:get-page-config": {
    matcher: SerializedMatcher;
    categories: readonly Category[];
    settings: Settings;
    siteEnabled: boolean;
  };
  "backstory:lookup": { entries: Entry[] };
  "backstory:get-settings": { settings: Settings };
  "backstory:set-category": { settings: Settings };
  "backstory:set-site-enabled": { settings: Settings };
}

export interface PageStats {
  host: string;
  siteEnabled: boolean;
  /** Mentions on the page per category, counted whether or not the category is switched on. */
  counts: Record<Category, number>;
}

export interface ContentResponses {
  "backstory:get-page-stats": PageStats;
}

export type BackgroundResponse<T extends BackgroundRequest["type"]> = BackgroundResponses[T];
export type ContentResponse<T extends ContentRequest["type"]> = ContentResponses[T];
