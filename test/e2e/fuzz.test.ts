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
            } catch {
              refused++; // no listener answered: what an ignored message looks like to its sender
            }
          }),
        );
      }
      const settings = await c.runtime.sendMessage({ type: "backstory:get-settings" });
      return { answered, refused, alive: typeof settings === "object" && settings !== null };
    }, messages);
    expect(outcome.answered, "no malformed message got an answer").toBe(0);
    expect(outcome.alive, "the background still answers a valid request").toBe(true);
    expect(await storage(options)).toBe(before);
    expect(h.pageErrors).toEqual([]);
    await options.close();
  }, 120_000);

  it("the content script ignores them all and the page still works", async () => {
    const messages = fuzzMessages(COUNT, 2);
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    // The whole page read (the visible part comes first): the marks stop changing.
    let marks: string[] = [];
    await expect
      .poll(async () => {
        const before = marks;
        marks = await markedTexts(page);
        return marks.length > 5 && JSON.stringify(marks) === JSON.stringify(before);
      })
      .toBe(true);
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
        for (let i = 0; i < batch.length; i += 50) {
          await Promise.all(
            batch.slice(i, i + 50).map(async (m) => {
              try {
                if ((await c.tabs.sendMessage(tab.id as number, m, { frameId: 0 })) !== undefined) answered++;
              } catch {
                // ignored: no answer
              }
            }),
          );
        }
        const stats = await c.tabs.sendMessage(tab.id as number, { type: "backstory:get-page-stats" }, { frameId: 0 });
        return { answered, alive: typeof stats === "object" && stats !== null };
      },
      [messages] as const,
    );
    expect(outcome.answered).toBe(0);
    expect(outcome.alive).toBe(true);
    await page.bringToFront();
    expect(await markedTexts(page)).toEqual(marks);
    await hoverText(page, "Meng Wanzhou");
    await waitForCard(page, "Meng Wanzhou");
    expect(h.pageErrors).toEqual([]);
    await options.close();
    await page.close();
  }, 120_000);
});
