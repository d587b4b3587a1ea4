/**
 * The reader's feeds (issue 14): subscribing, checking on a schedule, applying an update.
 *
 * A feed's entries are one of the reader's glossaries (USER_GLOSSARIES_KEY). What Backstory
 * knows of the feed — its address, key, version and validators (`source`), and what its checks
 * found (`status`) — is a small record under FEEDS_KEY, by the glossary's id. So a check reads
 * only that record, and a check that finds nothing new or fails writes only that record: the
 * glossary stays byte for byte as it was. An update writes the glossary and the record in one
 * `storage.local.set`; open tabs see the new glossary through storage.onChanged, as after an import.
 */
import { feedUrls } from "../feeds/format.ts";
import { type FeedCheck, readFeed } from "../feeds/read-feed.ts";
import { afterCheck, type FeedStatus, isDue } from "../feeds/schedule.ts";
import { IMPORT_LIMITS } from "../glossary/import.ts";
import { ext } from "../shared/ext-api.ts";
import type { FeedPreview } from "../shared/protocol-types.ts";
import { FEEDS_KEY } from "../shared/settings.ts";
import type { UserGlossary } from "./stored-glossaries.ts";
import { glossariesItem, inspectUserGlossaries, readUserGlossaries, serially } from "./user-glossaries.ts";

export const FEED_ALARM = "backstory:feeds";
/** The alarm wakes the worker hourly; each feed is checked only when it is due (daily at most). */
const ALARM_PERIOD_MINUTES = 60;

/** Where a feed is, whose key verifies it, and which version the reader has. */
export interface FeedSource {
  /** The index's URL, as the reader gave it. */
  url: string;
  /** The publisher's Ed25519 public key, base64. */
  publicKey: string;
  /** The index's id and version, and who published it when. */
  id: string;
  version: number;
  /** The SHA-256 of that version's index: the same version with other bytes is refused. */
  indexSha256?: string;
  published: string;
  publisher: string;
  /** The validators of the index's last answer, for a conditional request. */
  etag?: string;
  lastModified?: string;
}

export interface FeedRecord {
  source: FeedSource;
  status: FeedStatus;
}

type Feeds = Record<string, FeedRecord>;

export async function readFeeds(): Promise<Feeds> {
  const raw = (await ext().storage.local.get(FEEDS_KEY))[FEEDS_KEY];
  if (!raw || typeof raw !== "object") return {};
  // Only records that are whole: a malformed one is dropped (its glossary stays, as a plain one).
  return Object.fromEntries(
    Object.entries(raw as Record<string, Partial<FeedRecord>>).filter(
      ([, r]) => typeof r?.source?.url === "string" && typeof r.source.version === "number" && r.status,
    ),
  ) as Feeds;
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
export async function subscribeFeed(address: string, publicKey: string): Promise<{ id?: string; error?: string }> {
  let url: string;
  try {
    url = feedUrls(address).index;
  } catch (error) {
    return { error: (error as Error).message };
  }
  const already = "You already have this feed.";
  if (Object.values(await readFeeds()).some((f) => f.source.url === url)) return { error: already };
  const result = await readFeed(url, publicKey, {});
  if (result.kind !== "new") return { error: result.kind === "refused" ? result.reason : "The feed sent nothing." };
  return serially(async () => {
    const [stored, feeds] = await Promise.all([inspectUserGlossaries(), readFeeds()]);
    // Asked twice (a retried message, two clicks): the first one subscribed.
    if (Object.values(feeds).some((f) => f.source.url === url)) return { error: already };
    if (stored.problems.length) return { error: UNREADABLE };
    const glossaries = stored.glossaries;
    if (glossaries.length >= IMPORT_LIMITS.glossaries) {
      return {
        error: `You have ${glossaries.length} glossaries; the limit is ${IMPORT_LIMITS.glossaries}. Delete one first.`,
      };
    }
    const now = Date.now();
    const glossary: UserGlossary = {
      id: `feed-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      name: result.index.title,
      importedAt: new Date(now).toISOString(),
      enabled: true,
      entries: result.entries,
    };
    const record: FeedRecord = {
      source: { url, publicKey: publicKey.trim(), ...sourceOf(result) },
      status: afterCheck(undefined, now),
    };
    try {
      await ext().storage.local.set({
        ...glossariesItem([...glossaries, glossary]),
        [FEEDS_KEY]: { ...feeds, [glossary.id]: record },
      });
    } catch (error) {
      return { error: `The feed could not be stored: ${(error as Error).message}` };
    }
    await scheduleFeedChecks();
    return { id: glossary.id };
  });
}

/**
 * Rewriting the glossaries' list would drop one that could not be read (the options page
 * reports it, and the reader decides), so a feed never writes while one cannot.
 */
const UNREADABLE =
  "One of your glossaries could not be read from storage (see the notice at the top of this page); the feed waits until that is resolved.";

const checking = new Map<string, Promise<CheckOutcome>>();
type CheckOutcome = { outcome: "updated" | "unchanged" | "refused"; reason?: string };

/**
 * Checks one feed now and applies a verified newer version. Anything else leaves its glossary
 * untouched and records why in its status. The network is read outside the glossaries' lock;
 * what was read is applied inside it, against the version stored by then. A check already
 * under way for the feed (the alarm, and Check now) is joined, not repeated.
 */
export function checkFeed(id: string): Promise<CheckOutcome> {
  let run = checking.get(id);
  if (!run) {
    run = runCheck(id).finally(() => checking.delete(id));
    checking.set(id, run);
  }
  return run;
}

async function runCheck(id: string): Promise<CheckOutcome> {
  const before = (await readFeeds())[id];
  if (!before) return { outcome: "refused", reason: "No such feed." };
  let result: FeedCheck;
  try {
    result = await readFeed(before.source.url, before.source.publicKey, before.source);
  } catch (error) {
    result = { kind: "refused", reason: `The check failed: ${(error as Error).message}` };
  }
  return serially(async () => {
    const feeds = await readFeeds();
    const record = feeds[id];
    if (!record) return { outcome: "refused" as const, reason: "The feed was removed meanwhile." };
    const now = Date.now();
    const writeStatus = async (reason?: string) => {
      const status = afterCheck(record.status, now, reason);
      await ext().storage.local.set({ [FEEDS_KEY]: { ...feeds, [id]: { ...record, status } } });
    };
    if (result.kind === "refused") {
      await writeStatus(result.reason);
      return { outcome: "refused" as const, reason: result.reason };
    }
    // Another check applied this version (or a later one) meanwhile: nothing new to this one.
    if (result.kind === "unchanged" || result.index.version <= record.source.version) {
      await writeStatus();
      return { outcome: "unchanged" as const };
    }
    const stored = await inspectUserGlossaries();
    if (stored.problems.length) {
      await writeStatus(UNREADABLE);
      return { outcome: "refused" as const, reason: UNREADABLE };
    }
    const glossaries = stored.glossaries;
    const index = glossaries.findIndex((g) => g.id === id);
    if (index < 0) {
      // A record whose glossary is gone (it could not be read): dropped, so it is not fetched again.
      const { [id]: _, ...rest } = feeds;
      await ext().storage.local.set({ [FEEDS_KEY]: rest });
      await scheduleFeedChecks();
      return { outcome: "refused" as const, reason: "The feed's glossary is gone; the feed was removed." };
    }
    const updated: UserGlossary = {
      ...glossaries[index],
      importedAt: new Date(now).toISOString(),
      entries: result.entries,
    };
    const source: FeedSource = { url: record.source.url, publicKey: record.source.publicKey, ...sourceOf(result) };
    try {
      // One write: the new version and its record, or neither.
      await ext().storage.local.set({
        ...glossariesItem(glossaries.with(index, updated)),
        [FEEDS_KEY]: { ...feeds, [id]: { source, status: afterCheck(record.status, now) } },
      });
    } catch (error) {
      const reason = `The new version could not be stored: ${(error as Error).message}`;
      await writeStatus(reason);
      return { outcome: "refused" as const, reason };
    }
    return { outcome: "updated" as const };
  });
}

/** Checks every feed that is due (the alarm, and the browser's start). */
export async function checkDueFeeds(now = Date.now()): Promise<void> {
  for (const [id, record] of Object.entries(await readFeeds())) {
    if (!isDue(record.status, now)) continue;
    // One feed's failure to check (its status says why) does not stop the others.
    await checkFeed(id).catch((error) => console.error(`Backstory: the check of feed ${id} failed`, error));
  }
}

export function setFeedPaused(id: string, paused: boolean): Promise<boolean> {
  return serially(async () => {
    const feeds = await readFeeds();
    const record = feeds[id];
    if (!record) return false;
    await ext().storage.local.set({
      [FEEDS_KEY]: { ...feeds, [id]: { ...record, status: { ...record.status, paused } } },
    });
    return true;
  });
}

/**
 * Deletes one of the reader's glossaries and, for a feed's, its record, in one write (a worker
 * stopped between two writes would leave a record fetched for a glossary that is gone); the
 * alarm goes once no feed is left.
 */
export function deleteGlossary(id: string): Promise<boolean> {
  return serially(async () => {
    const [glossaries, feeds] = await Promise.all([readUserGlossaries(), readFeeds()]);
    if (!glossaries.some((g) => g.id === id)) return false;
    const { [id]: _, ...rest } = feeds;
    await ext().storage.local.set({
      ...glossariesItem(glossaries.filter((g) => g.id !== id)),
      ...(id in feeds ? { [FEEDS_KEY]: rest } : {}),
    });
    await scheduleFeedChecks();
    return true;
  });
}

/** The hourly alarm exists exactly while the reader has a feed: with none, nothing ever wakes to fetch. */
export async function scheduleFeedChecks(): Promise<void> {
  const alarms = ext().alarms;
  if (!alarms) return;
  const any = Object.keys(await readFeeds()).length > 0;
  const existing = await alarms.get(FEED_ALARM);
  if (any && !existing) await alarms.create(FEED_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
  if (!any && existing) await alarms.clear(FEED_ALARM);
}

function sourceOf(result: Extract<FeedCheck, { kind: "new" }>): Omit<FeedSource, "url" | "publicKey"> {
  const { index } = result;
  return {
    id: index.id,
    version: index.version,
    indexSha256: result.indexSha256,
    published: index.published,
    publisher: index.publisher,
    ...(result.etag ? { etag: result.etag } : {}),
    ...(result.lastModified ? { lastModified: result.lastModified } : {}),
  };
}
