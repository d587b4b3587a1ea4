// Shared set-up for end-to-end tests: the built extension in real Chromium, pages on 127.0.0.1.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page, Worker } from "playwright-core";
import { DIST_CHROME, type ExtensionBrowser, launchWithExtension, ROOT } from "../../scripts/lib/chromium.ts";
import { type StaticServer, serve } from "../../scripts/lib/serve.ts";

export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
  /** Errors thrown on any page during the test: Backstory must cause none. */
  pageErrors: string[];
  open(path: string): Promise<Page>;
  popup(): Promise<Page>;
  /** The extension's options page, loaded. */
  options(): Promise<Page>;
  /** Replaces the stored settings (the storage.sync "settings" item), as another browser's sync would. */
  storeSettings(stored: Record<string, unknown>): Promise<void>;
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
  } = {},
): Promise<Harness> {
  if (!existsSync(join(DIST_CHROME, "manifest.json")))
    throw new Error("dist/chrome is missing: run npm run build (npm test does)");
  const server = await serve({ "/": join(ROOT, "test/fixtures/pages") }, pages);
  const browser = await launchWithExtension(extensionDir, { hasTouch, profileDir, extraArgs, locale });
  const pageErrors: string[] = [];
  const watch = (page: Page) => {
    page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`${page.url()}: console: ${m.text()}`);
    });
  };
  browser.context.on("page", watch);
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
  return {
    browser,
    server,
    pageErrors,
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
    async runCommand(name) {
      await (await worker()).evaluate(
        (n) => (globalThis as unknown as { backstoryRunCommand: (c: string) => Promise<void> }).backstoryRunCommand(n),
        name,
      );
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
      await browser.close();
      await server.close();
    },
  };
}
