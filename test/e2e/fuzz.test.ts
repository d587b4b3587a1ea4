import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type browser from "webextension-polyfill";
import { hoverText, markedTexts, waitForCard, waitForMarks } from "../../scripts/lib/page-probe.ts";
import { fuzzMessages } from "../support/fuzz-messages.ts";
import { type Harness, startHarness } from "./harness.ts";

const COUNT = 10_000;
type Browser = typeof browser;

describe(`fuzzing: ${COUNT.toLocaleString("en-US")} malformed messages at each receiver`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Everything the extension stores, from the options page. */
  const storage = (page: Page) =>
    page.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Browser }).chrome;
      return JSON.stringify([await c.storage.sync.get(null), await c.storage.local.get(null)]);
    });

  it("the background ignores them all, keeps answering and changes nothing", async () => {
    h.expectedWarnings.push(/ignored an unexpected message/);
    const messages = fuzzMessages(COUNT, 1);
    const options = await h.options();
    const before = await storage(options);
    const outcome = await options.evaluate(async (batch) => {
      const c = (globalThis as unknown as { chrome: Browser }).chrome;
      let answered = 0;
      let refused = 0;
      // 50 in flight at a time: a burst, as a hostile extension page could send.
      for (let i = 0; i < batch.length; i += 50) {
        await Promise.all(
          batch.slice(i, i + 50).map(async (m) => {
            try {
              if ((await c.runtime.sendMessage(m)) !== undefined) answered++;
              else refused++; // no listener answered: what an ignored message looks like to its sender
            } catch {
              refused++; // (or a rejection, as some versions give)
            }
          }),
        );
      }
      const settings = await c.runtime.sendMessage({ type: "backstory:get-settings" });
      return { answered, refused, alive: typeof settings === "object" && settings !== null };
    }, messages);
    expect(outcome.answered, "no malformed message got an answer").toBe(0);
    expect(outcome.refused, "every message was ignored (none left hanging)").toBe(COUNT);
    expect(outcome.alive, "the background still answers a valid request").toBe(true);
    expect(await storage(options)).toBe(before);
    expect(h.pageErrors).toEqual([]);
    await options.close();
  }, 120_000);

  it("the content script ignores them all and the page still works", async () => {
    h.expectedWarnings.push(/ignored an unexpected message/);
    const messages = fuzzMessages(COUNT, 2);
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    await h.settled(page); // the whole page read: the marks will not change by themselves
    const marks = await markedTexts(page);
    // The article's tab, from an extension page: the most recently used other tab (tabs.query
    // gives ids without a permission, urls only with one).
    const options = await h.options();
    const outcome = await options.evaluate(
      async ([batch]) => {
        const c = (globalThis as unknown as { chrome: Browser }).chrome;
        const self = await c.tabs.getCurrent();
        const [tab] = (await c.tabs.query({}))
          .filter((t) => t.id !== self?.id)
          .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
        let answered = 0;
        let refused = 0;
        for (let i = 0; i < batch.length; i += 50) {
          await Promise.all(
            batch.slice(i, i + 50).map(async (m) => {
              try {
                if ((await c.tabs.sendMessage(tab.id as number, m, { frameId: 0 })) !== undefined) answered++;
                else refused++; // Firefox resolves an unanswered message with undefined
              } catch {
                refused++; // ignored: no answer
              }
            }),
          );
        }
        const stats = await c.tabs.sendMessage(tab.id as number, { type: "backstory:get-page-stats" }, { frameId: 0 });
        return { answered, refused, alive: typeof stats === "object" && stats !== null };
      },
      [messages] as const,
    );
    expect(outcome.answered).toBe(0);
    expect(outcome.refused).toBe(COUNT);
    expect(outcome.alive).toBe(true);
    await page.bringToFront();
    expect(await markedTexts(page)).toEqual(marks);
    await hoverText(page, "Meng Wanzhou");
    await waitForCard(page, "Meng Wanzhou");
    expect(h.pageErrors).toEqual([]);
    await options.close();
    await page.close();
  }, 120_000);

  it("a real content script may not change settings, import, delete or reset: refused, nothing changed", async () => {
    h.expectedWarnings.push(/refused backstory:[\w-]+ from a content script/);
    await h.storeSettings({ version: 2, mode: "all" });
    const page = await h.open("/demo-article.html");
    await h.settled(page);
    // Backstory's own isolated world in the page, found through the DevTools protocol: the
    // requests below come from the real content script's context, as a compromised one's would.
    const cdp = await page.context().newCDPSession(page);
    const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on("Runtime.executionContextCreated", ({ context }) => worlds.push(context));
    await cdp.send("Runtime.enable");
    const world = worlds.find((w) => w.auxData?.type === "isolated" && w.origin.includes(h.browser.extensionId));
    if (!world) throw new Error("Backstory's isolated world was not found in the page");
    const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        const ask = (m) => chrome.runtime.sendMessage(m).then((r) => r !== undefined, () => false);
        return {
          reset: await ask({ type: "backstory:reset-settings" }),
          site: await ask({ type: "backstory:set-site-enabled", host: "127.0.0.1", enabled: false }),
          mode: await ask({ type: "backstory:set-mode", mode: "none" }),
          imported: await ask({ type: "backstory:import-glossary", name: "x", entries: [{ id: "x" }] }),
          deleted: await ask({ type: "backstory:delete-glossary", id: "x" }),
          pack: await ask({ type: "backstory:set-glossary-enabled", kind: "pack", id: "places", enabled: false }),
          // The positive control: a request content scripts may make is answered.
          config: await ask({ type: "backstory:get-page-config", host: "127.0.0.1" }),
        };
      })()`,
    });
    await cdp.detach();
    expect(exceptionDetails).toBeUndefined();
    expect(result.value).toEqual({
      reset: false,
      site: false,
      mode: false,
      imported: false,
      deleted: false,
      pack: false,
      config: true,
    });
    const options = await h.options();
    const [sync] = JSON.parse(await storage(options)) as [{ settings?: Record<string, unknown> }];
    expect(sync.settings).toEqual({ version: 2, mode: "all" });
    expect(await markedTexts(page)).toContain("Kerry"); // still every mention: the mode stayed "all"
    await h.storeSettings({ version: 2 });
    await options.close();
    await page.close();
  });
});
