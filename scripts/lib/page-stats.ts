// The test-visible signal that Backstory has done its work on a page: the content script's own
// stats ("backstory:get-page-stats", as the popup asks for them), read from an extension
// context (the Chromium worker, a Firefox extension page) in both browsers' harnesses.
import type { PageStats } from "../../src/shared/protocol-types.ts";

/**
 * Runs in an extension context (passed to evaluate): the stats of the top frame of every tab
 * showing `at`. Self-contained, as evaluate() requires; `browser` in Firefox, `chrome` in Chromium.
 */
export async function statsOfTabsAt(at: string): Promise<PageStats[]> {
  type Tab = { id?: number; url?: string };
  type Tabs = { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: object, o: object): Promise<PageStats> };
  const scope = globalThis as unknown as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
  const tabs = (scope.browser ?? scope.chrome)?.tabs;
  if (!tabs) throw new Error("not an extension context");
  const showing = (await tabs.query({})).filter((t) => t.url === at && t.id !== undefined);
  if (!showing.length) throw new Error(`no tab at ${at}`);
  return Promise.all(
    showing.map((t) => tabs.sendMessage(t.id as number, { type: "backstory:get-page-stats" }, { frameId: 0 })),
  );
}

/** How long a page may take to be read, on a loaded 2-core machine. */
export const SETTLE_TIMEOUT_MS = 15_000;

/**
 * Waits until every tab at `url` has been read to the end with nothing pending (or has the site
 * switched off), asking `statsAt` every 50 ms; returns the first tab's stats.
 */
export async function waitUntilSettled(
  statsAt: (url: string) => Promise<PageStats[]>,
  url: string,
  timeoutMs = SETTLE_TIMEOUT_MS,
): Promise<PageStats> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const all = await statsAt(url);
      if (all.every((stats) => stats.read || !stats.siteEnabled)) return all[0];
      last = "still reading";
    } catch (error) {
      last = String(error); // not started yet (no listener in the page)
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Backstory did not finish reading ${url} within ${timeoutMs} ms: ${last}`);
}
