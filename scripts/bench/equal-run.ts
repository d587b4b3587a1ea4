// Runs the equal-work comparison (equal-work.ts) page by page in a plain Chromium: same
// blocks, same forms, same rules, outputs asserted equal before timing. A contestant whose
// output differs from ours is not timed on that page (its difference is reported); one that
// does not finish within the limit is null there, with the reason.

import { closeQuietly, evaluateWithin, injectRunner, type Timeout } from "./browser.ts";
import { CONTESTANTS, type Contestant } from "./equal-work.ts";
import type { BenchPage } from "./pages.ts";
import type { PeerBench } from "./peers.ts";
import { median } from "./stats.ts";

export interface EqualOutcome {
  /** Median ms of one pass over all the page's blocks; null when not timed. */
  ms: number | null;
  /** Its structure's build (regex, automaton) or our matcher file's load, per frame, ms. */
  buildMs: number | null;
  found: number | null;
  reason?: string;
}

export interface EqualPage {
  page: string;
  chars: number;
  results: Record<Contestant, EqualOutcome>;
}

const LIMIT_MS = 30_000;
const why = (e: unknown) => (e instanceof Error ? e.message.split("\n")[0] : String(e));

export async function equalWorkOnPages(
  b: PeerBench,
  pages: readonly BenchPage[],
  urls: { bin: string; forms: string },
): Promise<EqualPage[]> {
  const out: EqualPage[] = [];
  const broken = new Map<Contestant, string>(); // a build that failed fails on every page
  for (const p of pages) {
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    const results = {} as Record<Contestant, EqualOutcome>;
    let chars = 0;
    try {
      await page.goto(`${b.serverUrl}${p.path}`, { waitUntil: "load", timeout: 60_000 });
      await injectRunner(page, b.runner);
      const loaded = await evaluateWithin<{ chars: number; load_ms: number }>(
        page,
        cdp,
        `__bench.equal.load(${JSON.stringify(urls.bin)}, ${JSON.stringify(urls.forms)})`,
        LIMIT_MS,
      );
      chars = loaded.chars;
      for (const who of CONTESTANTS) {
        const known = broken.get(who);
        if (known) {
          results[who] = { ms: null, buildMs: null, found: null, reason: known };
          continue;
        }
        try {
          const buildMs =
            who === "backstory"
              ? loaded.load_ms
              : await evaluateWithin<number>(page, cdp, `__bench.equal.prepare(${JSON.stringify(who)})`, LIMIT_MS);
          const check = await evaluateWithin<{ equal: boolean; found: number; difference?: string }>(
            page,
            cdp,
            `__bench.equal.check(${JSON.stringify(who)})`,
            LIMIT_MS,
          );
          if (!check.equal) {
            results[who] = { ms: null, buildMs, found: check.found, reason: `output differs: ${check.difference}` };
            continue;
          }
          const times = await evaluateWithin<number[]>(
            page,
            cdp,
            `__bench.equal.time(${JSON.stringify(who)}, ${b.runs})`,
            LIMIT_MS,
          );
          results[who] = { ms: median(times), buildMs, found: check.found };
        } catch (error) {
          const reason = why(error as Timeout | Error);
          results[who] = { ms: null, buildMs: null, found: null, reason };
          // A build that fails, or a contestant too slow to finish, is not tried on the other pages.
          broken.set(who, `${reason} (on ${p.name})`);
        }
      }
    } catch (error) {
      for (const who of CONTESTANTS)
        results[who] ??= {
          ms: null,
          buildMs: null,
          found: null,
          reason: `the page could not be measured: ${why(error)}`,
        };
    } finally {
      await cdp.detach().catch(() => undefined);
      await closeQuietly(page);
    }
    const show = (who: Contestant) => results[who]?.ms?.toFixed(2) ?? `null (${results[who]?.reason?.slice(0, 80)})`;
    b.log(`  ${p.name}: ${CONTESTANTS.map((w) => `${w} ${show(w)}`).join(", ")}`);
    out.push({ page: p.name, chars, results });
  }
  return out;
}
