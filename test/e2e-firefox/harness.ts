// Shared set-up for the Firefox end-to-end tests: the built dist/firefox as a temporary add-on
// in real Firefox (puppeteer-core over WebDriver BiDi), pages on 127.0.0.1.
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import {
  type FirefoxWithExtension,
  findFirefox,
  launchFirefoxWithExtension,
  NO_FIREFOX,
  ROOT,
} from "../../scripts/lib/firefox.ts";
import { statsOfTabsAt, waitUntilSettled } from "../../scripts/lib/page-stats.ts";
import { type StaticServer, serve } from "../../scripts/lib/serve.ts";
import type { PageStats } from "../../src/shared/protocol-types.ts";

/** The Firefox these tests run in, or null; say so when there is none (never pass silently). */
export const FIREFOX = findFirefox();
export const SKIP_REASON = FIREFOX ? "" : `SKIPPED: ${NO_FIREFOX}`;
if (!FIREFOX) console.warn(`\n*** SKIPPING the Firefox end-to-end tests. ${NO_FIREFOX} ***\n`);

export interface FirefoxHarness {
  firefox: FirefoxWithExtension;
  server: StaticServer;
  /** A page of the test server ("/demo-article.html"), loaded. */
  open(path: string): Promise<Page>;
  /** The toolbar popup's page, in a tab, rendered. */
  popup(): Promise<Page>;
  /**
   * Waits until Backstory has read the page to the end with nothing pending (or the site is
   * switched off) and returns its stats: the positive signal before any "nothing is shown" check.
   */
  settled(page: Page): Promise<PageStats>;
  close(): Promise<void>;
}

export async function startFirefoxHarness(pages: Record<string, string> = {}): Promise<FirefoxHarness> {
  const server = await serve({ "/": join(ROOT, "test/fixtures/pages") }, pages);
  let firefox: FirefoxWithExtension;
  try {
    firefox = await launchFirefoxWithExtension();
  } catch (error) {
    await server.close();
    throw error;
  }
  // An extension page that asks the tab's content script, as the popup does (opened once, at need).
  let control: Promise<Page> | null = null;
  const statsAt = async (url: string): Promise<PageStats[]> => {
    control ??= firefox.openExtensionPage("options.html");
    return (await control).evaluate(statsOfTabsAt, url);
  };
  return {
    firefox,
    server,
    open: (path) => firefox.open(`${server.url}${path}`),
    settled: (page) => waitUntilSettled(statsAt, page.url()),
    async popup() {
      const page = await firefox.openExtensionPage("popup.html");
      await page.waitForSelector('input[role="switch"]');
      return page;
    },
    async close() {
      await firefox.close();
      await server.close();
    },
  };
}
