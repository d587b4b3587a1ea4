import { ext } from "../shared/ext-api.ts";
import type { BackgroundRequest } from "../shared/messages.ts";
import type { BackgroundResponses, FeedInfo } from "../shared/protocol-types.ts";
import { DEFAULT_SETTINGS, isSiteEnabled } from "../shared/settings.ts";
import { activeGlossary } from "./active-glossary.ts";
import {
  checkFeed,
  deleteGlossary,
  type FeedRecord,
  previewFeed,
  readFeeds,
  setFeedPaused,
  subscribeFeed,
} from "./feeds.ts";
import { loadAllBundled, loadPacks } from "./glossary-store.ts";
import { readSettings, settingsProblems, updateSettings } from "./settings-store.ts";
import { addUserGlossary, inspectUserGlossaries, readUserGlossaries, updateUserGlossary } from "./user-glossaries.ts";

async function active() {
  const [settings, user] = await Promise.all([readSettings(), readUserGlossaries()]);
  return { settings, glossary: await activeGlossary(settings, user) };
}

/** Where a request came from: a content script's tab and frame (neither for our own pages). */
export interface RequestSender {
  tabId?: number;
  frameId?: number;
}

type Handlers = {
  [T in BackgroundRequest["type"]]: (
    request: Extract<BackgroundRequest, { type: T }>,
    sender: RequestSender,
  ) => Promise<BackgroundResponses[T]>;
};

/** One handler per request type; the compiler checks every type has one. */
export const handlers: Handlers = {
  "backstory:get-page-config": async ({ host }) => {
    const { settings, glossary } = await active();
    return {
      matcher: glossary.matcher,
      categories: glossary.categories,
      household: glossary.household,
      countryOf: glossary.countryOf,
      officeOf: glossary.officeOf,
      settings,
      siteEnabled: isSiteEnabled(settings, host),
      glossaryKey: glossary.key,
    };
  },
  "backstory:lookup": async ({ ids }) => {
    return { entries: await (await active()).glossary.lookup(ids) };
  },
  // Into the asking frame only, and only our own file: executeScript, not a web-accessible
  // resource, which any page could probe for (docs/decisions/lazy-card.md).
  "backstory:load-card": async (_, { tabId, frameId }) => {
    if (tabId === undefined || frameId === undefined) throw new Error("load-card comes from a content script's frame");
    const scripting = ext().scripting;
    if (!scripting) throw new Error("no scripting API in this browser");
    await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ["card.js"] });
    return { loaded: true };
  },
  "backstory:get-settings": async () => ({ settings: await readSettings() }),
  "backstory:set-category": async ({ category, enabled }) => ({
    settings: await updateSettings((s) => ({ ...s, categories: { ...s.categories, [category]: enabled } })),
  }),
  "backstory:set-site-enabled": async ({ host, enabled }) => {
    const site = host.toLowerCase();
    return {
      settings: await updateSettings((s) => ({
        ...s,
        disabledSites: enabled ? s.disabledSites.filter((h) => h !== site) : [...new Set([...s.disabledSites, site])],
      })),
    };
  },
  "backstory:set-mode": async ({ mode }) => ({ settings: await updateSettings((s) => ({ ...s, mode })) }),
  "backstory:set-underline-familiar": async ({ enabled }) => ({
    settings: await updateSettings((s) => ({ ...s, underlineFamiliar: enabled })),
  }),
  "backstory:set-then-and-since": async ({ enabled }) => ({
    settings: await updateSettings((s) => ({ ...s, thenAndSince: enabled })),
  }),
  "backstory:set-mark-style": async ({ markStyle }) => ({
    settings: await updateSettings((s) => ({ ...s, markStyle })),
  }),
  "backstory:set-entry-known": async ({ id, known }) => ({
    settings: await updateSettings((s) => ({
      ...s,
      knownEntries: [...s.knownEntries.filter((k) => k !== id), ...(known ? [id] : [])],
    })),
  }),
  // The reader's own glossaries are not settings: a reset keeps them.
  "backstory:reset-settings": async () => ({ settings: await updateSettings(() => structuredClone(DEFAULT_SETTINGS)) }),
  "backstory:get-storage-report": async () => {
    const [settings, glossaries] = await Promise.all([settingsProblems(), inspectUserGlossaries()]);
    return { problems: [...settings, ...glossaries.problems] };
  },
  "backstory:list-glossaries": async () => {
    const [packs, settings, user, feeds] = await Promise.all([
      loadPacks(),
      readSettings(),
      readUserGlossaries(),
      readFeeds(),
    ]);
    return {
      packs: packs.map((p) => ({
        id: p.id,
        title: p.title,
        count: p.entryIds.length,
        enabled: !settings.disabledPacks.includes(p.id),
      })),
      user: user.map((g) => ({
        id: g.id,
        name: g.name,
        count: g.entries.length,
        enabled: g.enabled,
        importedAt: g.importedAt,
        ...(feeds[g.id] ? { feed: feedInfo(feeds[g.id]) } : {}),
      })),
    };
  },
  "backstory:import-glossary": async ({ name, entries }) => {
    const { errors, glossary } = await addUserGlossary(name, entries);
    return { errors, id: glossary?.id };
  },
  "backstory:set-glossary-enabled": async ({ kind, id, enabled }) => {
    if (kind === "user") return { ok: await updateUserGlossary(id, (g) => ({ ...g, enabled })) };
    if (!(await loadPacks()).some((p) => p.id === id)) return { ok: false };
    await updateSettings((s) => ({
      ...s,
      disabledPacks: enabled ? s.disabledPacks.filter((p) => p !== id) : [...new Set([...s.disabledPacks, id])],
    }));
    return { ok: true };
  },
  "backstory:delete-glossary": async ({ id }) => ({ ok: await deleteGlossary(id) }),
  "backstory:preview-feed": ({ url, publicKey }) => previewFeed(url, publicKey),
  "backstory:subscribe-feed": ({ url, publicKey }) => subscribeFeed(url, publicKey),
  "backstory:check-feed": ({ id }) => checkFeed(id),
  "backstory:set-feed-paused": async ({ id, paused }) => ({ ok: await setFeedPaused(id, paused) }),
  "backstory:export-glossary": async ({ id }) => {
    const glossary = (await readUserGlossaries()).find((g) => g.id === id);
    if (glossary) return { name: glossary.name, entries: glossary.entries };
    const pack = (await loadPacks()).find((p) => p.id === id);
    if (!pack) return null;
    const ids = new Set(pack.entryIds);
    return { name: pack.title, entries: (await loadAllBundled()).filter((e) => ids.has(e.id)) };
  },
};

function feedInfo({ source, status }: FeedRecord): FeedInfo {
  return {
    url: source.url,
    publisher: source.publisher,
    version: source.version,
    published: source.published,
    paused: status.paused,
    lastCheck: status.lastCheck,
    lastSuccess: status.lastSuccess,
    lastError: status.lastError,
    nextCheck: status.nextCheck,
  };
}

export function handle(request: BackgroundRequest, sender: RequestSender = {}): Promise<unknown> {
  return (handlers[request.type] as (r: BackgroundRequest, s: RequestSender) => Promise<unknown>)(request, sender);
}
