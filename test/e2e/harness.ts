// Shared set-up for end-to-end tests: the built extension in real Chromium, pages on 127.0.0.1.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page, Worker } from "playwright-core";
import { DIST_CHROME, type ExtensionBrowser, launchWithExtension, ROOT } from "../../scripts/lib/chromium.ts";
import { statsOfTabsAt, waitUntilSettled } from "../../scripts/lib/page-stats.ts";
import { type StaticServer, serve } from "../../scripts/lib/serve.ts";
import type { PageStats } from "../../src/shared/protocol-types.ts";

export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
  /**
   * Errors thrown on any page, and Backstory's own warnings ("could not start", "lookup
   * failed", "ignored an unexpected message"), during the file's tests: unless the harness was
   * started with `pagesThrow` (pages whose own scripts throw), any left at `close()` fail the
   * file, whichever of its tests ran.
   */
  pageErrors: string[];
  /** Backstory warnings (and the worker's logged failures) a test provokes on purpose, pushed by that test. */
  expectedWarnings: RegExp[];
  open(path: string): Promise<Page>;
  popup(): Promise<Page>;
  /** The extension's options page, loaded. */
  options(): Promise<Page>;
  /** Replaces the stored settings (the storage.sync "settings" item), as another browser's sync would. */
  storeSettings(stored: Record<string, unknown>): Promise<void>;
  /** What the page's content script says of the page (top frame; the first tab at its URL), as the popup asks it. */
  pageStats(page: Page): Promise<PageStats>;
  /** Opens an entry's card at its first mention, as the popup's list of the page's terms does; false when it has none. */
  showEntry(page: Page, id: string): Promise<boolean>;
  /**
   * Waits until Backstory has done its work on the page: read it to the end with nothing
   * waiting to be read, or found the site switched off. The positive signal that must come
   * before any check that something is not marked or not shown.
   */
  settled(page: Page): Promise<PageStats>;
  /** Runs a function in the extension's service worker (woken if the browser stopped it). */
  inWorker<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs a keyboard command (manifest "commands") as if its shortcut had been pressed. */
  runCommand(name: "next-mention" | "previous-mention"): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  pages: Record<string, string> = {},
  {
    hasTouch = false,
    profileDir = "",
    extraArgs = [] as string[],
    locale = undefined as string | undefined,
    /** Another build of the extension (a variant made by a test); dist/chrome by default. */
    extensionDir = DIST_CHROME,
    /** The pages' own scripts throw (saved news pages, hostile pages): the file filters pageErrors itself. */
    pagesThrow = false,
  } = {},
): Promise<Harness> {
  if (!existsSync(join(DIST_CHROME, "manifest.json")))
    throw new Error("dist/chrome is missing: run npm run build (npm test does)");
  const server = await serve({ "/": join(ROOT, "test/fixtures/pages") }, pages);
  const browser = await launchWithExtension(extensionDir, { hasTouch, profileDir, extraArgs, locale });
  const pageErrors: string[] = [];
  const expectedWarnings: RegExp[] = [];
  let closing = false;
  const watch = (page: Page) => {
    page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    page.on("console", (m) => {
      const text = m.text();
      if (m.type() === "error") pageErrors.push(`${page.url()}: console: ${text}`);
      else if (m.type() === "warning" && /^Backstory\b/.test(text) && !expectedWarnings.some((r) => r.test(text)))
        pageErrors.push(`${page.url()}: warning: ${text}`);
    });
  };
  browser.context.on("page", watch);
  // The extension's service worker too: an error it logs, or a Backstory warning no test
  // expects, fails the file like a page's.
  // (A failure a test provokes on purpose, such as a missing card.js, is expected by it; what
  // the worker logs while the browser shuts down at close() is not the extension's doing.)
  const watchWorker = (w: Worker) =>
    w.on("console", (m) => {
      const text = m.text();
      if (closing || expectedWarnings.some((r) => r.test(text))) return;
      if (m.type() === "error") pageErrors.push(`service worker: console: ${text}`);
      else if (m.type() === "warning" && /^Backstory\b/.test(text)) pageErrors.push(`service worker: warning: ${text}`);
    });
  for (const w of browser.context.serviceWorkers()) watchWorker(w);
  browser.context.on("serviceworker", watchWorker);
  // Every request off this machine is blocked: tests must never reach the network.
  await browser.context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|about:)/, (route) =>
    route.abort(),
  );
  /** The extension's service worker, woken by opening an extension page if the browser stopped it. */
  const worker = async (): Promise<Worker> => {
    const running = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId));
    if (running) return running;
    const waking = browser.context.waitForEvent("serviceworker", { timeout: 20_000 });
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const woken = await waking;
    await page.close();
    return woken;
  };
  /** The answers of the content scripts (top frames) of every tab showing the page's URL. */
  const statsAt = async (url: string): Promise<PageStats[]> => (await worker()).evaluate(statsOfTabsAt, url);
  const pageStats = async (page: Page): Promise<PageStats> => (await statsAt(page.url()))[0];
  // Tabs showing the same URL are waited for together (a test may open two).
  const settled = (page: Page): Promise<PageStats> => waitUntilSettled(statsAt, page.url());
  return {
    browser,
    server,
    pageErrors,
    expectedWarnings,
    async options() {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.locator("h1").waitFor();
      return page;
    },
    async storeSettings(stored) {
      await (await worker()).evaluate(
        (s) =>
          (
            globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
          ).chrome.storage.sync.set({ settings: s }),
        stored,
      );
    },
    pageStats,
    async showEntry(page, id) {
      const reply = await (await worker()).evaluate(
        async ([at, entry]) => {
          type Tabs = {
            query(q: object): Promise<{ id?: number; url?: string }[]>;
            sendMessage(id: number, m: object, o: object): Promise<{ shown: boolean }>;
          };
          const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
          const tab = (await tabs.query({})).find((t) => t.url === at);
          if (tab?.id === undefined) throw new Error(`no tab at ${at}`);
          return tabs.sendMessage(tab.id, { type: "backstory:show-entry", id: entry }, { frameId: 0 });
        },
        [page.url(), id] as const,
      );
      return reply.shown;
    },
    settled,
    async inWorker(fn, arg) {
      // Playwright's overloads want a serialisable argument type; the tests pass plain data.
      return (await worker()).evaluate(fn as never, arg as never);
    },
    async runCommand(name) {
      // A browser's own shortcut keys cannot be sent to it: the worker is asked to do what its
      // commands listener does (src/background/commands.ts, unit-tested): tell the active tab.
      await (await worker()).evaluate(async (command) => {
        const chrome = (
          globalThis as unknown as {
            chrome: {
              tabs: {
                query(q: object): Promise<{ id?: number }[]>;
                sendMessage(id: number, m: object, o: object): Promise<unknown>;
              };
            };
          }
        ).chrome;
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) throw new Error("no active tab");
        const direction = command === "next-mention" ? "next" : "previous";
        await chrome.tabs.sendMessage(tab.id, { type: "backstory:navigate", direction }, { frameId: 0 });
      }, name);
    },
    async open(path) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}${path}`);
      return page;
    },
    async popup() {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      return page;
    },
    async close() {
      closing = true;
      await browser.close();
      await server.close();
      if (pageErrors.length && !pagesThrow)
        throw new Error(`errors or Backstory warnings during this file's tests:\n${pageErrors.join("\n")}`);
    },
  };
}
