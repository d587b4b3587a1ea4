// Hover-to-card latency with the real extension: from the end of the 300 ms hover delay to
// the card being shown (its host gets data-open), with the background worker stopped first
// (cold) and right after (warm). Timestamps are taken in the page's main world.
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import type { ExtensionBrowser } from "../lib/chromium.ts";
import { HOST_TAG, markedTexts, pointOfText, waitForMarks } from "../lib/page-probe.ts";
import { closeQuietly } from "./browser.ts";

const HOVER_DELAY_MS = 300;

// The pointermove listener and the observer run in the main world; the content script's
// changes to the shared DOM reach the observer like any other.
const RECORDER = `(() => {
  const h = { move: 0, open: 0 };
  globalThis.__hover = h;
  addEventListener("pointermove", () => { h.move = performance.now(); }, true);
  const isOpen = (n) => n.nodeType === 1 && n.localName === "${HOST_TAG}" && n.hasAttribute("data-open");
  new MutationObserver((records) => {
    const now = performance.now();
    if (!h.open && records.some((r) => isOpen(r.target) || [...r.addedNodes].some(isOpen))) h.open = now;
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-open"], childList: true, subtree: true });
})()`;

/** Stops the extension's service worker (through CDP on one of its pages) and waits until it has. */
export async function workerStopper(context: BrowserContext, extensionId: string): Promise<() => Promise<void>> {
  const control = await context.newPage();
  await control.goto(`chrome-extension://${extensionId}/popup.html`);
  const cdp: CDPSession = await context.newCDPSession(control);
  const status = new Map<string, string>();
  cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    for (const v of versions as { versionId: string; scriptURL: string; runningStatus: string }[])
      if (v.scriptURL.includes(extensionId)) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send("ServiceWorker.enable");
  return async () => {
    await cdp.send("ServiceWorker.stopAllWorkers");
    const deadline = Date.now() + 10_000;
    let sent = Date.now();
    while (!status.size || [...status.values()].some((s) => s !== "stopped")) {
      if (Date.now() > deadline) throw new Error("the service worker did not stop");
      // A page's requests (a late start-up, a settings change) can wake the worker right after a stop: stop it again.
      if (Date.now() - sent > 250) {
        await cdp.send("ServiceWorker.stopAllWorkers");
        sent = Date.now();
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
}

/** Moves the pointer in one step onto `text` and returns ms from the end of the hover delay to the card. */
async function hoverOnce(page: Page, text: string): Promise<number> {
  await page.mouse.move(2, 2);
  await page.waitForFunction(`!document.querySelector("${HOST_TAG}[data-open]")`, null, { timeout: 5000 });
  const point = await pointOfText(page, text);
  if (!point) throw new Error(`"${text}" is not on the page`);
  await page.waitForTimeout(200); // the scroll into view settles; scrolling closes cards
  await page.evaluate("__hover.move = 0, __hover.open = 0");
  await page.mouse.move(point.x, point.y); // one move: the hover delay starts with it
  await page.waitForFunction("__hover.open > 0", null, { timeout: 10_000 });
  const { move, open } = (await page.evaluate("({ ...__hover })")) as { move: number; open: number };
  return open - move - HOVER_DELAY_MS;
}

/**
 * `rounds` fresh loads of the demo page; in each, the worker is stopped, one mention is
 * hovered (cold) and then another mention of a different entry (warm). Nothing of the card is
 * fetched before a hover: when the pointer comes to rest on a mention, the content script asks
 * the worker to inject the card's code (card.js) into the frame and to look the mention's
 * entries up. "Cold" is the first hover of a page with the worker stopped: the worker's start,
 * the injection and a shard read all happen inside the 300 ms hover delay, or show here.
 * "Warm" is the next hover: card.js is loaded, the worker is running, and the other mention's
 * entries are looked up (another shard, perhaps) during its hover delay.
 */
export async function hoverLatency(
  ext: ExtensionBrowser,
  url: string,
  rounds: number,
  log: (line: string) => void,
): Promise<{ cold: number[]; warm: number[] }> {
  const stopWorker = await workerStopper(ext.context, ext.extensionId);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const page = await ext.context.newPage();
    await page.goto(url);
    await waitForMarks(page, 4);
    // Let the page settle (it finishes reading in idle time), so the stop below is the last word.
    await page.waitForTimeout(2500);
    // Mentions none of which contains another, so each hover reaches a different mention.
    const texts = [...new Set(await markedTexts(page))].filter(
      (t, _, all) => t.length > 3 && !all.some((o) => o !== t && (o.includes(t) || t.includes(o))),
    );
    if (texts.length < 2) throw new Error("the demo page has too few distinct mentions to hover");
    const a = texts[(2 * i) % texts.length];
    const b = texts[(2 * i + 1) % texts.length];
    await stopWorker();
    await page.evaluate(RECORDER);
    cold.push(await hoverOnce(page, a));
    warm.push(await hoverOnce(page, b));
    log(`  round ${i + 1}: cold "${a}" ${cold[i].toFixed(1)} ms, warm "${b}" ${warm[i].toFixed(1)} ms`);
    await closeQuietly(page);
  }
  return { cold, warm };
}
