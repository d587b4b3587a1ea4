// The JS heap of a tab, and the same pages in a Chromium without the extension, watched as
// long as with it, for the heap the extension adds.
import type { BrowserContext, CDPSession } from "playwright-core";
import { closeQuietly } from "./browser.ts";
import type { BenchPage } from "./pages.ts";
import { startTrace } from "./trace.ts";

/** Used V8 heap plus Blink's (Ranges and Highlights live there), after two forced GCs. */
export async function heapBytes(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const usage = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number; embedderHeapUsedSize?: number };
  return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
}

/** The same pages in a Chromium without the extension, watched as long, traced alike. */
export async function plainHeaps(
  context: BrowserContext,
  serverUrl: string,
  pages: readonly BenchPage[],
  watched: readonly { watchMs: number }[],
): Promise<number[]> {
  const out: number[] = [];
  for (const [i, p] of pages.entries()) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const stop = await startTrace(cdp);
    const t0 = Date.now();
    await page.goto(`${serverUrl}${p.path}`, { waitUntil: "load", timeout: 60_000 });
    await page.waitForTimeout(Math.max(0, (watched[i]?.watchMs ?? 5000) - (Date.now() - t0)));
    await stop();
    out.push(await heapBytes(cdp));
    await cdp.detach().catch(() => undefined);
    await closeQuietly(page);
  }
  return out;
}
