import { afterEach, describe, expect, it, vi } from "vitest";
import { CARD_HANDOFF, type CardHandoffScope, type CardModule, type CardView } from "../../src/content/card-api.ts";
import { CardLoader, LazyCard } from "../../src/content/card-loader.ts";
import { EntryCache } from "../../src/content/entry-cache.ts";
import type { Mention } from "../../src/content/mention.ts";
import type { Entry } from "../../src/glossary/schema.ts";

/** A card that records what it was asked to do. */
function fakeCard(calls: string[]): CardView {
  return {
    host: null,
    show: async (m) => {
      calls.push(`show ${m.text}`);
      return true;
    },
    hide: () => void calls.push("hide"),
    setPinned: () => undefined,
    place: () => null,
    focus: () => undefined,
    destroy: () => void calls.push("destroy"),
  };
}

/** A frame's global and an injection that runs "card.js" in it (or fails, as told). */
function frame(outcomes: ("ok" | "fail" | "silent" | "hang")[]) {
  const scope: CardHandoffScope = {};
  const calls: string[] = [];
  const module: CardModule = { createCard: () => fakeCard(calls) };
  let injections = 0;
  const inject = vi.fn(async () => {
    const outcome = outcomes[injections++] ?? "ok";
    await new Promise((r) => setTimeout(r, 5));
    if (outcome === "fail") throw new Error("Cannot access contents of the page");
    if (outcome === "hang") return new Promise(() => undefined);
    if (outcome === "ok") scope[CARD_HANDOFF]?.(module); // card.js runs and hands over
    return { loaded: true };
  });
  return { scope, calls, module, inject };
}

const mention = (text: string) => ({ text }) as Mention;

/** The page session's card in that frame. */
const lazy = (f: ReturnType<typeof frame>) =>
  new LazyCard(new CardLoader(f.inject, f.scope), (m) =>
    m.createCard({} as Document, async () => [], String, {} as never),
  );

afterEach(() => {
  vi.restoreAllMocks();
});

describe("CardLoader", () => {
  it("loads card.js once for concurrent requests, and not again once loaded", async () => {
    const f = frame(["ok"]);
    const loader = new CardLoader(f.inject, f.scope);
    const [a, b, c] = await Promise.all([loader.load(), loader.load(), loader.load()]);
    expect(a).toBe(f.module);
    expect(b).toBe(f.module);
    expect(c).toBe(f.module);
    expect(await loader.load()).toBe(f.module);
    expect(f.inject).toHaveBeenCalledTimes(1);
    expect(loader.loaded).toBe(f.module);
  });

  it("logs a failed load once, shares the failure with every waiting request, and tries again at the next", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const f = frame(["fail", "ok"]);
    const loader = new CardLoader(f.inject, f.scope);
    const results = await Promise.allSettled([loader.load(), loader.load()]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0])).toMatch(/could not load the card.*Cannot access/);
    expect(await loader.load()).toBe(f.module);
    expect(f.inject).toHaveBeenCalledTimes(2);
  });

  it("fails when card.js ran but handed nothing over, and when the background never answers", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const f = frame(["silent", "hang", "ok"]);
    const loader = new CardLoader(f.inject, f.scope, 50);
    await expect(loader.load()).rejects.toThrow(/handed nothing over/);
    await expect(loader.load()).rejects.toThrow(/no answer/);
    expect(await loader.load()).toBe(f.module);
  });

  it("keeps the first module when card.js runs twice (a late answer to an abandoned load)", async () => {
    const f = frame(["ok"]);
    const loader = new CardLoader(f.inject, f.scope);
    const first = await loader.load();
    f.scope[CARD_HANDOFF]?.({ createCard: () => fakeCard([]) });
    expect(await loader.load()).toBe(first);
  });
});

describe("LazyCard", () => {
  it("prepares without showing, then shows once the code is loaded", async () => {
    const f = frame(["ok"]);
    const card = lazy(f);
    expect(card.host).toBeNull();
    expect(card.place()).toBeNull();
    card.prepare();
    card.prepare();
    expect(await card.show(mention("Huawei"))).toBe(true);
    expect(f.calls).toEqual(["show Huawei"]);
    expect(f.inject).toHaveBeenCalledTimes(1);
  });

  it("drops a show that a hide or another show overtook while the code loaded", async () => {
    const f = frame(["ok"]);
    const card = lazy(f);
    const first = card.show(mention("Huawei"));
    card.hide();
    expect(await first, "a show overtaken says it did not show").toBe(false);
    expect(f.calls).toEqual([]);
    const a = card.show(mention("COP26"));
    const b = card.show(mention("NATO"));
    expect(await Promise.all([a, b])).toEqual([false, true]);
    expect(f.calls).toEqual(["show NATO"]);
  });

  it("shows nothing when the load fails, and shows at the next request", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const f = frame(["fail", "ok"]);
    const card = lazy(f);
    expect(await card.show(mention("Huawei"))).toBe(false);
    expect(f.calls).toEqual([]);
    expect(await card.show(mention("Huawei"))).toBe(true);
    expect(f.calls).toEqual(["show Huawei"]);
  });

  it("makes no card once destroyed, even when the load it started finishes later", async () => {
    const f = frame(["ok"]);
    const card = lazy(f);
    const shown = card.show(mention("Huawei"));
    card.destroy();
    expect(await shown).toBe(false);
    expect(f.calls).toEqual([]);
    expect(card.host).toBeNull();
  });
});

describe("EntryCache", () => {
  const entry = (id: string) => ({ id }) as Entry;

  it("asks once for entries a request under way already asks for", async () => {
    const fetch = vi.fn(async (ids: string[]) => {
      await new Promise((r) => setTimeout(r, 5));
      return ids.filter((id) => id !== "unknown").map(entry);
    });
    const cache = new EntryCache(fetch);
    const [a, b] = await Promise.all([cache.lookup(["huawei", "nato"]), cache.lookup(["nato", "huawei", "unknown"])]);
    expect(a.map((e) => e.id)).toEqual(["huawei", "nato"]);
    expect(b.map((e) => e.id)).toEqual(["nato", "huawei"]);
    expect(fetch.mock.calls).toEqual([[["huawei", "nato"]], [["unknown"]]]);
    await cache.lookup(["huawei"]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("asks in batches the lookup request accepts", async () => {
    const fetch = vi.fn(async (ids: string[]) => ids.map(entry));
    const cache = new EntryCache(fetch);
    const ids = Array.from({ length: 120 }, (_, i) => `e${i}`);
    expect(await cache.lookup(ids)).toHaveLength(120);
    expect(fetch.mock.calls.map(([batch]) => batch.length)).toEqual([50, 50, 20]);
  });

  it("forgets a failed request, so that the next lookup asks again", async () => {
    let fail = true;
    const fetch = vi.fn(async (ids: string[]) => {
      if (fail) throw new Error("the worker went away");
      return ids.map(entry);
    });
    const cache = new EntryCache(fetch);
    await expect(cache.lookup(["huawei"])).rejects.toThrow(/went away/);
    fail = false;
    expect((await cache.lookup(["huawei"])).map((e) => e.id)).toEqual(["huawei"]);
  });

  it("keeps an answer to a request made before clear() out of the new cache", async () => {
    let release: () => void = () => undefined;
    const fetch = vi.fn(
      (ids: string[]) => new Promise<Entry[]>((resolve) => (release = () => resolve(ids.map(entry)))),
    );
    const cache = new EntryCache(fetch);
    const old = cache.lookup(["huawei"]);
    cache.clear();
    release();
    await old;
    const again = cache.lookup(["huawei"]);
    expect(fetch).toHaveBeenCalledTimes(2);
    release();
    await again;
  });
});
