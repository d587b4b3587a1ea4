// Extension-level figures on each page: the longest main-thread task the content script
// causes (from a trace), and the JS heap of the tab with the extension against the same page
// in a Chromium without it.
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import type { ExtensionBrowser } from "../lib/chromium.ts";
import { markedTexts } from "../lib/page-probe.ts";
import { closeQuietly } from "./browser.ts";
import type { BenchPage } from "./pages.ts";
import { type LongestTask, longestTask, startTrace } from "./trace.ts";

export interface PageCost {
  page: string;
  marks: number;
  longest: LongestTask | null;
  /** JS heap (V8 + Blink's) after a full GC, with the extension. */
  heapBytes: number;
  /** How long the page was watched after navigation started, so the plain run waits as long. */
  watchMs: number;
}

const MARKS_TIMEOUT_MS = 10_000;
const SETTLE_MS = 2000;

/** Used V8 heap plus Blink's (Ranges and Highlights live there), after two forced GCs. */
export async function heapBytes(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const usage = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number; embedderHeapUsedSize?: number };
  return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
}

/** Waits until the page carries marks (or gives up: some pages have none); returns how many. */
async function waitForSomeMarks(page: Page): Promise<number> {
  const deadline = Date.now() + MARKS_TIMEOUT_MS;
  for (;;) {
    const n = (await markedTexts(page)).length;
    if (n || Date.now() > deadline) return n;
    await page.waitForTimeout(100);
  }
}

/** Loads each page with the extension, traced from navigation until marks appear and 2 s more. */
export async function extensionCosts(
  ext: ExtensionBrowser,
  serverUrl: string,
  pages: readonly BenchPage[],
  log: (line: string) => void,
): Promise<PageCost[]> {
  const script = `chrome-extension://${ext.extensionId}/content.js`;
  const out: PageCost[] = [];
  for (const p of pages) {
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    const stop = await startTrace(cdp);
    const t0 = Date.now();
    await page.goto(`${serverUrl}${p.path}`, { waitUntil: "load", timeout: 60_000 });
    const marks = await waitForSomeMarks(page);
    await page.waitForTimeout(SETTLE_MS);
    const events = await stop();
    const watchMs = Date.now() - t0;
    const cost = {
      page: p.name,
      marks,
      longest: longestTask(events, script),
      heapBytes: await heapBytes(cdp),
      watchMs,
    };
    out.push(cost);
    const task = cost.longest
      ? `${cost.longest.wallMs.toFixed(1)} ms (cpu ${cost.longest.cpuMs.toFixed(1)}, ${cost.longest.what}; ${cost.longest.tasks} tasks ran our code)`
      : "none";
    log(`  ${p.name}: ${marks} marks, longest task ${task}, heap ${(cost.heapBytes / 1e6).toFixed(2)} MB`);
    await cdp.detach().catch(() => undefined);
    await closeQuietly(page);
  }
  return out;
}

/** The same pages in a Chromium without the extension, watched as long, traced alike. */
export async function plainHeaps(
  context: BrowserContext,
  serverUrl: string,
  pages: readonly BenchPage[],
  costs: readonly PageCost[],
): Promise<number[]> {
  const out: number[] = [];
  for (const [i, p] of pages.entries()) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const stop = await startTrace(cdp);
    const t0 = Date.now();
    await page.goto(`${serverUrl}${p.path}`, { waitUntil: "load", timeout: 60_000 });
    await page.waitForTimeout(Math.max(0, costs[i].watchMs - (Date.now() - t0)));
    await stop();
    out.push(await heapBytes(cdp));
    await cdp.detach().catch(() => undefined);
    await closeQuietly(page);
  }
  return out;
}
