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
import { type StaticServer, serve } from "../../scripts/lib/serve.ts";

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
  return {
    firefox,
    server,
    open: (path) => firefox.open(`${server.url}${path}`),
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
