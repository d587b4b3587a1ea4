// A page that rewrites its text 1,000 times a second (test/fixtures/pages/live.html's ticker),
// with and without the extension: the page's own timer, timed from the page, shows whether
// following the changes ever holds the page up. Moved here from the live-page test, where a
// bound on a timing was either loose enough to pass a broken build or tight enough to fail a
// loaded machine (issue 12).
import type { BrowserContext } from "playwright-core";
import { waitForMarks } from "../lib/page-probe.ts";
import { closeQuietly } from "./browser.ts";

export interface TickerRun {
  /** Longest wait of the page's 10 ms timer, ms. */
  worstGapMs: number;
  /** Text rewrites the page made in its two seconds. */
  updates: number;
}

/** The page's loop: ten rewrites, then a 10 ms timer, for two seconds; as in the live-page test. */
const TICKER = `(async () => {
  const t = document.getElementById("ticker").firstChild;
  let worst = 0, last = performance.now(), i = 0;
  const end = last + 2000;
  while (performance.now() < end) {
    for (let k = 0; k < 10; k++) t.data = "Latest: update " + i++ + " from COP26 talks";
    await new Promise((r) => setTimeout(r, 10));
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }
  return { worstGapMs: worst, updates: i };
})()`;

/** `rounds` fresh loads of the ticker page in `context`; `marked`: wait for Backstory's marks first. */
export async function tickerRuns(
  context: BrowserContext,
  url: string,
  rounds: number,
  marked: boolean,
): Promise<TickerRun[]> {
  const runs: TickerRun[] = [];
  for (let i = 0; i < rounds; i++) {
    const page = await context.newPage();
    try {
      await page.goto(url);
      if (marked) await waitForMarks(page);
      runs.push((await page.evaluate(TICKER)) as TickerRun);
    } finally {
      await closeQuietly(page);
    }
  }
  return runs;
}
