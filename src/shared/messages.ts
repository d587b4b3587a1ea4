import * as z from "zod/mini";
import { CATEGORIES } from "./categories.ts";
import { MARK_MODES, MARK_STYLES } from "./settings.ts";
import { HostSchema } from "./settings-storage.ts";

/**
 * The one message protocol (this file: requests to the background; content-messages.ts:
 * requests to a content script, which checks them by hand with content-request.ts so that it
 * loads no zod at all): a schema per direction, validated where received. Types are
 * prefixed so that messages from other extensions or page scripts are never mistaken for ours.
 * (zod/mini: the same validation at a fraction of the content script's bytes.)
 */

const EntryIdSchema = z.string().check(z.minLength(1), z.maxLength(100));
const CategorySchema = z.enum(CATEGORIES);
const GlossaryIdSchema = z.string().check(z.minLength(1), z.maxLength(100));
const FeedUrlSchema = z.string().check(z.minLength(1), z.maxLength(2000));
const FeedKeySchema = z.string().check(z.minLength(1), z.maxLength(200));

/** Requests the background answers (from content scripts, the popup and options pages). */
export const BackgroundRequestSchema = z.discriminatedUnion("type", [
  /** Content script start-up: the matcher and the settings that apply to this site. */
  z.strictObject({ type: z.literal("backstory:get-page-config"), host: HostSchema }),
  /** Card: the entries to show. */
  z.strictObject({
    type: z.literal("backstory:lookup"),
    ids: z.array(EntryIdSchema).check(z.minLength(1), z.maxLength(50)),
  }),
  /**
   * Content script, when a card may be wanted for the first time in its frame: inject the
   * card's code (card.js) into that frame (the sender's tab and frame; nothing else is named).
   */
  z.strictObject({ type: z.literal("backstory:load-card") }),
  z.strictObject({ type: z.literal("backstory:get-settings") }),
  z.strictObject({ type: z.literal("backstory:set-category"), category: CategorySchema, enabled: z.boolean() }),
  z.strictObject({ type: z.literal("backstory:set-site-enabled"), host: HostSchema, enabled: z.boolean() }),
  z.strictObject({ type: z.literal("backstory:set-mode"), mode: z.enum(MARK_MODES) }),
  z.strictObject({ type: z.literal("backstory:set-mark-style"), markStyle: z.enum(MARK_STYLES) }),
  /** Underline household names too (popup, options). */
  z.strictObject({ type: z.literal("backstory:set-underline-familiar"), enabled: z.boolean() }),
  /** On older articles, cards say what was true then and what changed since (options). */
  z.strictObject({ type: z.literal("backstory:set-then-and-since"), enabled: z.boolean() }),
  /** "I know this" on a card (known: true), or undone in the options (known: false). */
  z.strictObject({ type: z.literal("backstory:set-entry-known"), id: EntryIdSchema, known: z.boolean() }),
  z.strictObject({ type: z.literal("backstory:reset-settings") }),
  /** Options page: what could not be read from storage (and was replaced by defaults). */
  z.strictObject({ type: z.literal("backstory:get-storage-report") }),
  /** Options page: the bundled packs and the reader's glossaries. */
  z.strictObject({ type: z.literal("backstory:list-glossaries") }),
  /** Rows are validated entry by entry in the background; see src/glossary/import.ts. */
  z.strictObject({
    type: z.literal("backstory:import-glossary"),
    name: z.string().check(z.maxLength(200)),
    entries: z.array(z.unknown()).check(z.minLength(1), z.maxLength(50_000)),
  }),
  z.strictObject({
    type: z.literal("backstory:set-glossary-enabled"),
    kind: z.enum(["pack", "user"]),
    id: GlossaryIdSchema,
    enabled: z.boolean(),
  }),
  z.strictObject({ type: z.literal("backstory:delete-glossary"), id: GlossaryIdSchema }),
  /** Feeds (options page): what a feed would add, subscribing, checking now, pausing. */
  z.strictObject({ type: z.literal("backstory:preview-feed"), url: FeedUrlSchema, publicKey: FeedKeySchema }),
  z.strictObject({ type: z.literal("backstory:subscribe-feed"), url: FeedUrlSchema, publicKey: FeedKeySchema }),
  z.strictObject({ type: z.literal("backstory:check-feed"), id: GlossaryIdSchema }),
  z.strictObject({ type: z.literal("backstory:set-feed-paused"), id: GlossaryIdSchema, paused: z.boolean() }),
  z.strictObject({ type: z.literal("backstory:export-glossary"), id: GlossaryIdSchema }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;

/**
 * What a content script may ask (it runs inside web pages, so it is the part an attacker is
 * closest to): everything else — imports, deletions, resets, switches — comes only from our
 * own extension pages, and the background refuses it from a content script.
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<BackgroundRequest["type"]> = new Set([
  "backstory:get-page-config",
  "backstory:lookup",
  "backstory:load-card",
  "backstory:set-entry-known",
]);
