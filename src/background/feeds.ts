/**
 * The reader's feeds (issue 14): subscribing, checking on a schedule, applying an update. A
 * feed's glossary is one of the reader's glossaries (`feed` set); what its checks found is kept
 * apart, under FEED_STATUS_KEY, so a failed check writes only that and the glossary stays
 * byte for byte as it was. An update replaces the glossary and its status in one write; open
 * tabs see the new glossary through storage.onChanged, as after an import.
 */

import { type FeedCheck, readFeed } from "../feeds/read-feed.ts";
import { afterCheck, type FeedStatus, isDue } from "../feeds/schedule.ts";
import { IMPORT_LIMITS } from "../glossary/import.ts";
import { ext } from "../shared/ext-api.ts";
import type { FeedPreview } from "../shared/protocol-types.ts";
import { FEED_STATUS_KEY } from "../shared/settings.ts";
import type { FeedSource, UserGlossary } from "./stored-glossaries.ts";
import { glossariesItem, readUserGlossaries, serially } from "./user-glossaries.ts";

export const FEED_ALARM = "backstory:feeds";
/** The alarm wakes the worker hourly; each feed is checked only when it is due (daily at most). */
const ALARM_PERIOD_MINUTES = 60;

type Statuses = Record<string, FeedStatus>;

export async function readStatuses(): Promise<Statuses> {
  const raw = (await ext().storage.local.get(FEED_STATUS_KEY))[FEED_STATUS_KEY];
  return raw && typeof raw === "object" ? (raw as Statuses) : {};
}

/** What subscribing would add: read and verified exactly as a subscription would be, nothing stored. */
export async function previewFeed(url: string, publicKey: string): Promise<{ preview?: FeedPreview; error?: string }> {
  const result = await readFeed(url, publicKey, {});
  if (result.kind === "refused") return { error: result.reason };
  if (result.kind !== "new") return { error: "The feed's server sent nothing to read." };
  const { index, entries, bytes } = result;
  return {
    preview: {
      title: index.title,
      publisher: index.publisher,
      version: index.version,
      published: index.published,
      entries: entries.length,
      bytes,
    },
  };
}

/** Reads the feed again (the preview is not trusted) and stores it as one of the reader's glossaries. */
export function subscribeFeed(url: string, publicKey: string): Promise<{ id?: string; error?: string }> {
  return serially(async () => {
    const glossaries = await readUserGlossaries();
    if (glossaries.some((g) => g.feed?.url === url)) return { error: "You already have this feed." };
    if (glossaries.length >= IMPORT_LIMITS.glossaries) {
      return {
        error: `You have ${glossaries.length} glossaries; the limit is ${IMPORT_LIMITS.glossaries}. Delete one first.`,
      };
    }
    const result = await readFeed(url, publicKey, {});
    if (result.kind !== "new") return { error: result.kind === "refused" ? result.reason : "The feed sent nothing." };
    const now = Date.now();
    const glossary: UserGlossary = {
      id: `feed-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      name: result.index.title,
      importedAt: new Date(now).toISOString(),
      enabled: true,
      entries: result.entries,
      feed: { url, publicKey: publicKey.trim(), ...sourceOf(result) },
    };
    const statuses = await readStatuses();
    try {
      await ext().storage.local.set({
        ...glossariesItem([...glossaries, glossary]),
        [FEED_STATUS_KEY]: { ...statuses, [glossary.id]: afterCheck(undefined, now) },
      });
    } catch (error) {
      return { error: `The feed could not be stored: ${(error as Error).message}` };
    }
    await scheduleFeedChecks();
    return { id: glossary.id };
  });
}

/**
 * Checks one feed now and applies a verified newer version. Anything else leaves its glossary
 * untouched and records why in its status.
 */
export function checkFeed(id: string): Promise<{ outcome: "updated" | "unchanged" | "refused"; reason?: string }> {
  return serially(async () => {
    const glossaries = await readUserGlossaries();
    const index = glossaries.findIndex((g) => g.id === id);
    const feed = glossaries[index]?.feed;
    if (!feed) return { outcome: "refused" as const, reason: "No such feed." };
    let result: FeedCheck;
    try {
      result = await readFeed(feed.url, feed.publicKey, feed);
    } catch (error) {
      result = { kind: "refused", reason: `The check failed: ${(error as Error).message}` };
    }
    const now = Date.now();
    const statuses = await readStatuses();
    const status = afterCheck(statuses[id], now, result.kind === "refused" ? result.reason : undefined);
    const statusItem = { [FEED_STATUS_KEY]: { ...statuses, [id]: status } };
    if (result.kind !== "new") {
      await ext().storage.local.set(statusItem);
      return result.kind === "refused"
        ? { outcome: "refused" as const, reason: result.reason }
        : { outcome: "unchanged" as const };
    }
    const updated: UserGlossary = {
      ...glossaries[index],
      importedAt: new Date(now).toISOString(),
      entries: result.entries,
      feed: { url: feed.url, publicKey: feed.publicKey, ...sourceOf(result) },
    };
    try {
      // One write: the new version and its status, or neither.
      await ext().storage.local.set({ ...glossariesItem(glossaries.with(index, updated)), ...statusItem });
    } catch (error) {
      const reason = `The new version could not be stored: ${(error as Error).message}`;
      await ext().storage.local.set({
        [FEED_STATUS_KEY]: { ...statuses, [id]: afterCheck(statuses[id], now, reason) },
      });
      return { outcome: "refused" as const, reason };
    }
    return { outcome: "updated" as const };
  });
}

/** Checks every feed that is due (the alarm, and the browser's start). */
export async function checkDueFeeds(now = Date.now()): Promise<void> {
  const [glossaries, statuses] = await Promise.all([readUserGlossaries(), readStatuses()]);
  for (const g of glossaries) {
    if (g.feed && isDue(statuses[g.id], now)) await checkFeed(g.id);
  }
}

export async function setFeedPaused(id: string, paused: boolean): Promise<boolean> {
  return serially(async () => {
    const statuses = await readStatuses();
    if (!(await readUserGlossaries()).some((g) => g.id === id && g.feed)) return false;
    const status = statuses[id] ?? afterCheck(undefined, Date.now());
    await ext().storage.local.set({ [FEED_STATUS_KEY]: { ...statuses, [id]: { ...status, paused } } });
    return true;
  });
}

/** After a glossary is deleted: its status goes too, and the alarm once no feed is left. */
export async function forgetFeed(id: string): Promise<void> {
  const statuses = await readStatuses();
  if (id in statuses) {
    const { [id]: _, ...rest } = statuses;
    await ext().storage.local.set({ [FEED_STATUS_KEY]: rest });
  }
  await scheduleFeedChecks();
}

/** The hourly alarm exists exactly while the reader has a feed: with none, nothing ever wakes to fetch. */
export async function scheduleFeedChecks(): Promise<void> {
  const alarms = ext().alarms;
  if (!alarms) return;
  const any = (await readUserGlossaries()).some((g) => g.feed);
  const existing = await alarms.get(FEED_ALARM);
  if (any && !existing) await alarms.create(FEED_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
  if (!any && existing) await alarms.clear(FEED_ALARM);
}

function sourceOf(result: Extract<FeedCheck, { kind: "new" }>): Omit<FeedSource, "url" | "publicKey"> {
  const { index } = result;
  return {
    id: index.id,
    version: index.version,
    published: index.published,
    publisher: index.publisher,
    ...(result.etag ? { etag: result.etag } : {}),
    ...(result.lastModified ? { lastModified: result.lastModified } : {}),
  };
}
