// The shipped extension's cost, as a reader pays it: a built extension directory loaded into
// Chromium, each page loaded with the browser traced whole (every renderer and the extension's
// service worker), the trace read by attribution.ts. Chromium is started by hand with a
// DevTools port so that a browser-wide CDP session can trace; Playwright drives it over CDP.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";
import { extensionArgs, findChromium, NO_CHROMIUM } from "../lib/chromium.ts";
import { markedTexts } from "../lib/page-probe.ts";
import { type ExtensionCost, extensionCost } from "./attribution.ts";
import { closeQuietly, confine, NAME_SHIM } from "./browser.ts";
import { heapBytes } from "./extension.ts";
import type { BenchPage } from "./pages.ts";
import { type TraceEvent, traceWhile } from "./trace.ts";

export interface TracedBrowser {
  browser: Browser;
  context: BrowserContext;
  /** The browser-wide CDP session (tracing sees every process). */
  cdp: CDPSession;
  close(): Promise<void>;
}

/** Chromium with the extension in `dir`, started with a DevTools port and driven over CDP. */
export async function launchTraced(dir: string): Promise<TracedBrowser> {
  const executable = findChromium();
  if (!executable) throw new Error(NO_CHROMIUM);
  const profile = mkdtempSync(join(tmpdir(), "backstory-trace-"));
  const proc: ChildProcess = spawn(
    executable,
    [
      "--headless=new",
      ...extensionArgs(dir),
      "--window-size=1280,900",
      `--user-data-dir=${profile}`,
      "--remote-debugging-port=0",
      "about:blank",
    ],
    // Its own process group: Debian's /usr/bin/chromium is a shell script that starts the
    // browser as a child, which killing the script alone would leave running (and tracing).
    { stdio: "ignore", detached: true },
  );
  const portFile = join(profile, "DevToolsActivePort");
  const deadline = Date.now() + 20_000;
  while (!existsSync(portFile) || !readFileSync(portFile, "utf8").includes("\n")) {
    if (Date.now() > deadline) throw new Error("Chromium did not open its DevTools port");
    await new Promise((r) => setTimeout(r, 50));
  }
  const port = readFileSync(portFile, "utf8").split("\n")[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  await context.addInitScript(NAME_SHIM);
  return {
    browser,
    context,
    cdp: await browser.newBrowserCDPSession(),
    async close() {
      await browser.close().catch(() => undefined);
      try {
        if (proc.pid) process.kill(-proc.pid);
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 200));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A content script that only walks the page's text: the floor of any annotator. */
export function referenceExtension(): string {
  const dir = join(tmpdir(), "backstory-reference-walker");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify({
      manifest_version: 3,
      name: "Reference text walker",
      version: "1.0",
      content_scripts: [
        { matches: ["http://*/*", "https://*/*"], js: ["walk.js"], run_at: "document_idle", all_frames: true },
      ],
    }),
  );
  // Reads every text node's data once, as an annotator must; keeps a total so nothing is elided.
  writeFileSync(
    join(dir, "walk.js"),
    `(() => {
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += n.data.length;
  globalThis.__walked = chars;
})();\n`,
  );
  return dir;
}

export interface ShippedPageCost {
  page: string;
  marks: number;
  cost: ExtensionCost;
  /** JS heap of the tab (V8 + Blink) after a full GC. */
  heapBytes: number;
  /** How long the page was watched after navigation began (a plain run watches as long). */
  watchMs: number;
}

const MARKS_TIMEOUT_MS = 10_000;
/** After the first marks: the rest of the page is read in idle time, and the page settles. */
const SETTLE_MS = 2500;

async function waitForSomeMarks(page: Page): Promise<number> {
  const deadline = Date.now() + MARKS_TIMEOUT_MS;
  for (;;) {
    const n = (await markedTexts(page)).length;
    if (n || Date.now() > deadline) return n;
    await page.waitForTimeout(100);
  }
}

/**
 * Loads each page in a new tab, traced from before navigation until it has settled. With
 * `stopWorker`, the extension's worker is stopped before each load, as it is when a reader
 * opens a page more than 30 s after the last: its start is then part of the page's cost.
 */
export async function shippedCosts(
  b: TracedBrowser,
  serverUrl: string,
  pages: readonly BenchPage[],
  opts: {
    script: string;
    marks: boolean;
    stopWorker?: () => Promise<void>;
    log: (line: string) => void;
    /** Keeps each page's trace (to open in DevTools' Performance panel). */
    keepTrace?: (page: string, events: TraceEvent[]) => void;
  },
): Promise<ShippedPageCost[]> {
  await confine(b.context, serverUrl, false);
  const out: ShippedPageCost[] = [];
  for (const p of pages) {
    await opts.stopWorker?.();
    const page = await b.context.newPage();
    const tab = await b.context.newCDPSession(page);
    let marks = 0;
    const t0 = Date.now();
    const events = await traceWhile(b.cdp, async () => {
      await page.goto(`${serverUrl}${p.path}`, { waitUntil: "load", timeout: 60_000 });
      if (opts.marks) marks = await waitForSomeMarks(page);
      await page.waitForTimeout(SETTLE_MS);
    });
    const watchMs = Date.now() - t0;
    opts.keepTrace?.(p.name, events);
    const cost = extensionCost(events, "chrome-extension://", opts.script);
    const heap = await heapBytes(tab);
    out.push({ page: p.name, marks, cost, heapBytes: heap, watchMs });
    const l = cost.longest;
    opts.log(
      `  ${p.name}: ${marks} marks, ${cost.frames} frame(s), ${cost.threadMs.toFixed(1)} ms thread in ${cost.tasks} tasks` +
        ` (evaluate ${cost.evaluateMs.toFixed(1)}), longest ${l ? `${l.threadMs.toFixed(1)} ms (${l.wallMs.toFixed(1)} wall, ${l.what})` : "—"}` +
        `, worker ${cost.worker.startMs === null ? "warm" : `start ${cost.worker.startMs.toFixed(1)}`} + ${cost.worker.threadMs.toFixed(1)} ms` +
        `, heap ${(heap / 1e6).toFixed(2)} MB`,
    );
    await tab.detach().catch(() => undefined);
    await closeQuietly(page);
  }
  return out;
}
