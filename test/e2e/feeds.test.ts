// Glossary feeds (issue 14), as a reader uses them: subscribe in the options page to a signed
// feed served on 127.0.0.1, see its entry explained on a page already open, see version 2
// applied after a check; then every way a feed can be bad, each leaving the stored glossary
// byte for byte as it was and saying why; and what a check sends.
import { createPrivateKey, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newFeedKeys } from "../../scripts/lib/feed-publish.ts";
import { hoverText, waitForCard } from "../../scripts/lib/page-probe.ts";
import { readPacks } from "../../scripts/lib/read-packs.ts";
import { FEED_KEYS, FEED_TEST_PAGE, feedFiles, newsroomPack } from "../support/feed-files.ts";
import { type FeedHost, feedHost } from "../support/feed-host.ts";
import { type Harness, startHarness } from "./harness.ts";

type Page = import("playwright-core").Page;

let h: Harness;
let host: FeedHost;
beforeAll(async () => {
  h = await startHarness({ "/feed-page.html": FEED_TEST_PAGE });
  host = await feedHost();
});
afterAll(async () => {
  await h?.close();
  await host?.close();
});

/** What Backstory stores of each feed's source (address, key, version, validators), as text: unchanged by a failed check. */
const storedSources = () =>
  h.inWorker(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } })
      .chrome;
    const { feeds } = (await chrome.storage.local.get("feeds")) as { feeds: Record<string, { source: object }> };
    return JSON.stringify(Object.values(feeds).map((f) => f.source));
  }, null);

/** The reader's glossaries as stored, as text: what must not change when a check fails. */
const storedGlossaries = () =>
  h.inWorker(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } })
      .chrome;
    return JSON.stringify(await chrome.storage.local.get("userGlossaries"));
  }, null);

async function cardOn(page: Page, text: string, expected: string): Promise<string> {
  await page.mouse.move(2, 2);
  await hoverText(page, text);
  return waitForCard(page, expected);
}

/** Clicks "Check now" for the feed and returns what the options page then says. */
async function checkNow(options: Page): Promise<string> {
  await options.getByRole("button", { name: "Check Test feed now" }).click();
  const status = options.locator(".feed-details [role=status]");
  await status.waitFor();
  const text = (await status.textContent()) ?? "";
  await options.reload();
  await options.locator("h1").waitFor();
  return text;
}

describe("a glossary feed", () => {
  it("subscribe in the options; an open page explains its entry at once; version 2 applies after a check", async () => {
    host.files = feedFiles([newsroomPack(1)]);
    const page = await h.open("/feed-page.html");
    const before = await h.settled(page);
    expect(before.entries.map((e) => e.id)).not.toContain("zorblat-accord");

    const options = await h.options();
    await options.getByLabel("Feed address (its index.json)").fill(host.url);
    await options.getByLabel("Publisher's public key").fill(FEED_KEYS.publicKey);
    await options.getByRole("button", { name: "Look at this feed" }).click();
    await options.getByText("“Test feed” from Backstory tests: 2 entries, version 1, published").waitFor();
    await options.getByRole("button", { name: "Subscribe" }).click();
    await options.getByText("Subscribed to “Test feed” (2 entries). Open pages use it now.").waitFor();
    await options.getByText(`From ${host.url} · version 1 of`).waitFor();

    await page.bringToFront();
    await expect
      .poll(async () => (await h.pageStats(page)).entries.map((e) => e.id), { timeout: 15_000 })
      .toContain("zorblat-accord");
    expect(await cardOn(page, "Zorblat Accord", "Zorblat Accord")).toContain("as the feed's version 1 explains it");

    host.files = feedFiles([newsroomPack(2)], { version: 2 });
    await options.bringToFront();
    expect(await checkNow(options)).toBe("“Test feed” is now at version 2. Open pages use it now.");
    await options.getByText(`From ${host.url} · version 2 of`).waitFor();
    await page.bringToFront();
    await expect
      .poll(
        async () => {
          await page.mouse.move(2, 2);
          await hoverText(page, "Zorblat Accord");
          return waitForCard(page, "Zorblat Accord").catch(() => "");
        },
        { timeout: 15_000 },
      )
      .toContain("as the feed's version 2 explains it");
    await page.close();
    await options.close();
  });

  // Version 2 is what the reader has now; each of these must leave it exactly as it is.
  const other = newFeedKeys();
  const good3 = () => feedFiles([newsroomPack(3)], { version: 3 });
  const cases: [string, () => Map<string, Uint8Array>, string][] = [
    [
      "a tampered index",
      () => {
        const files = good3();
        const text = new TextDecoder().decode(files.get("index.json")).replace("Backstory tests", "Someone else");
        files.set("index.json", new TextEncoder().encode(text));
        return files;
      },
      "The index's signature does not verify with this feed's key",
    ],
    [
      "an index signed with another key",
      () => feedFiles([newsroomPack(3)], { version: 3 }, other.privatePem),
      "The index's signature does not verify with this feed's key",
    ],
    [
      "a rolled-back version",
      () => feedFiles([newsroomPack(1)], { version: 1 }),
      "The feed offers version 1, older than version 2, which you have: an older version is never applied.",
    ],
    [
      "a pack that does not match its digest",
      () => {
        const files = good3();
        const text = new TextDecoder().decode(files.get("packs/newsroom.json")).replace("version 3", "version X");
        files.set("packs/newsroom.json", new TextEncoder().encode(text));
        return files;
      },
      "packs/newsroom.json does not match its digest in the signed index",
    ],
    [
      "a pack larger than the signed index says",
      () => {
        const files = good3();
        const data = files.get("packs/newsroom.json") ?? new Uint8Array();
        files.set("packs/newsroom.json", new Uint8Array([...data, ...new Uint8Array(4096).fill(32)]));
        return files;
      },
      "packs/newsroom.json is larger than the signed index says",
    ],
    [
      "a pack over the size limit, signed as such",
      () => {
        const files = good3();
        const index = JSON.parse(new TextDecoder().decode(files.get("index.json")));
        index.packs[0].bytes = 9 * 1024 * 1024;
        return resigned(files, index);
      },
      "The index is not a valid feed index: packs.0.bytes: Too big",
    ],
    ["a feed taken down (404)", () => new Map(), "The feed's server answered 404 (Not Found) for index.json."],
  ];

  it.each(cases)(
    "%s: the stored glossary is byte-identical afterwards, and the options page says why",
    async (_, files, reason) => {
      const options = await h.options();
      const stored = await storedGlossaries();
      const sources = await storedSources();
      expect(stored).toContain("as the feed's version 2 explains it");
      expect(sources).toContain('"version":2');
      host.files = files();
      const said = await checkNow(options);
      expect(said).toContain(reason);
      expect(said).toContain("Your copy is unchanged.");
      expect(await storedGlossaries()).toBe(stored);
      expect(await storedSources()).toBe(sources);
      await options.getByText(`The last check failed: ${reason}`, { exact: false }).waitFor();
      await options.close();
    },
  );

  it("a server that is gone entirely: the same", async () => {
    const options = await h.options();
    const stored = await storedGlossaries();
    const sources = await storedSources();
    await host.close();
    const said = await checkNow(options);
    expect(said).toContain("The feed's server could not be reached for index.json");
    expect(await storedGlossaries()).toBe(stored);
    expect(await storedSources()).toBe(sources);
    host = await feedHost(Number(new URL(host.url).port));
    await options.close();
  });

  it("the hourly alarm exists while a feed does, and checks a feed once it is due", async () => {
    host.files = feedFiles([newsroomPack(5)], { version: 5 });
    const alarm = await h.inWorker(async () => {
      const chrome = (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<object | undefined> } } })
        .chrome;
      return chrome.alarms.get("backstory:feeds");
    }, null);
    expect(alarm).toMatchObject({ name: "backstory:feeds", periodInMinutes: 60 });
    // Due since yesterday; the alarm fires (at once, instead of within the hour).
    await h.inWorker(async () => {
      type Local = {
        get(k: string): Promise<Record<string, Record<string, { status: { nextCheck: string } }>>>;
        set(v: object): Promise<void>;
      };
      const chrome = (
        globalThis as unknown as {
          chrome: { storage: { local: Local }; alarms: { create(n: string, i: object): Promise<void> } };
        }
      ).chrome;
      const { feeds } = await chrome.storage.local.get("feeds");
      for (const record of Object.values(feeds))
        record.status.nextCheck = new Date(Date.now() - 86_400_000).toISOString();
      await chrome.storage.local.set({ feeds });
      await chrome.alarms.create("backstory:feeds", { when: Date.now() + 50 });
    }, null);
    await expect.poll(storedGlossaries, { timeout: 15_000 }).toContain("as the feed's version 5 explains it");
    // Put the hourly alarm back as the extension keeps it.
    await h.inWorker(async () => {
      const chrome = (globalThis as unknown as { chrome: { alarms: { create(n: string, i: object): Promise<void> } } })
        .chrome;
      await chrome.alarms.create("backstory:feeds", { periodInMinutes: 60 });
    }, null);
  });

  it("a check sends no cookie, no referrer and nothing about the open pages", async () => {
    host.files = feedFiles([newsroomPack(6)], { version: 6 });
    await h.browser.context.addCookies([{ name: "reader", value: "secret-session", url: host.url }]);
    const page = await h.open("/feed-page.html?story=secret-story");
    await h.settled(page);
    host.requests.length = 0;
    const options = await h.options();
    expect(await checkNow(options)).toBe("“Test feed” is now at version 6. Open pages use it now.");
    expect(host.requests.map((r) => r.path)).toEqual([
      "/feed/index.json",
      "/feed/index.json.sig",
      "/feed/packs/newsroom.json",
    ]);
    for (const { headers } of host.requests) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
      expect(JSON.stringify(headers)).not.toMatch(/secret|feed-page/);
    }
    await page.close();
    await options.close();
  });
});

/** The index re-signed with the feed's key after a change (a publisher who signed it so). */
function resigned(files: Map<string, Uint8Array>, index: object): Map<string, Uint8Array> {
  const bytes = new TextEncoder().encode(JSON.stringify(index));
  files.set("index.json", bytes);
  files.set(
    "index.json.sig",
    new TextEncoder().encode(sign(null, bytes, createPrivateKey(FEED_KEYS.privatePem)).toString("base64")),
  );
  return files;
}

describe("a feed of the whole bundled glossary", () => {
  let fresh: Harness;
  let bundledHost: FeedHost;
  beforeAll(async () => {
    fresh = await startHarness({ "/feed-page.html": FEED_TEST_PAGE });
    bundledHost = await feedHost();
  });
  afterAll(async () => {
    await fresh?.close();
    await bundledHost?.close();
  });

  it("is made by the publisher from the bundled packs (and one more), and a reader subscribes to it", async () => {
    const packs = [...readPacks(), newsroomPack(1)];
    bundledHost.files = feedFiles(packs, {
      id: "backstory-bundled",
      title: "Backstory glossary",
      publisher: "Backstory",
    });
    const page = await fresh.open("/feed-page.html");
    await fresh.settled(page);
    const options = await fresh.options();
    await options.getByLabel("Feed address (its index.json)").fill(bundledHost.url);
    await options.getByLabel("Publisher's public key").fill(FEED_KEYS.publicKey);
    await options.getByRole("button", { name: "Look at this feed" }).click();
    const entries = readPacks().reduce((n, p) => n + JSON.parse(p.text).entries.length, 0) + 2;
    await options
      .getByText(`“Backstory glossary” from Backstory: ${entries.toLocaleString("en-US")} entries, version 1`)
      .waitFor({ timeout: 30_000 });
    await options.getByRole("button", { name: "Subscribe" }).click();
    await options.getByText("Subscribed to “Backstory glossary”").waitFor({ timeout: 30_000 });
    await page.bringToFront();
    await expect
      .poll(async () => (await fresh.pageStats(page)).entries.map((e) => e.id), { timeout: 30_000 })
      .toContain("zorblat-accord");
    await page.close();
    // The bundled entries still explain as before, now from the feed's copy.
    const demo = await fresh.open("/demo-article.html");
    expect((await fresh.settled(demo)).entries.map((e) => e.id)).toContain("meng-wanzhou");
    expect(await cardOn(demo, "Meng Wanzhou", "Meng Wanzhou")).toContain("Huawei");
    await demo.close();
    await options.close();
  });
});
