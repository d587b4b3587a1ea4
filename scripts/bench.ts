// npm run bench [-- --json] [-- --quick] [-- --trace-dir=DIR] [-- --only=feed]: what Backstory costs where readers
// pay it — the built extension in Chromium, traced browser-wide on every page, beside a content
// script that only walks the text — then the matchers on equal work (ours, one combined regex, a
// textbook Aho–Corasick; outputs asserted equal), the engine alone against mark.js as a detail,
// and hover-to-card latency. A benchmark, not a test: it asserts nothing.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { INDEX_FILE, SHARD_COUNT, shardFile } from "../src/glossary/shards.ts";
import { confine, injectRunner, plainContext } from "./bench/browser.ts";
import { equalWorkOnPages } from "./bench/equal-run.ts";
import { plainHeaps } from "./bench/extension.ts";
import { feedCost } from "./bench/feed.ts";
import { equalWorkSets, glossarySizes, SYNTHETIC_SEED } from "./bench/glossaries.ts";
import { hoverLatency, workerStopper } from "./bench/hover.ts";
import { collectPages } from "./bench/pages.ts";
import {
  IN_PLACE,
  measureInPlace,
  measureMarkjs,
  type PageOutcome,
  type PeerBench,
  type PeerName,
} from "./bench/peers.ts";
import { type BenchResult, jsonLine, printReport, type SizeResult } from "./bench/report.ts";
import { bundleRunner } from "./bench/runner-bundle.ts";
import { launchTraced, referenceExtension, type ShippedPageCost, shippedCosts } from "./bench/shipped.ts";
import { median } from "./bench/stats.ts";
import { syntheticGlossaryEntries } from "./bench/synthetic.ts";
import { type TickerRun, tickerRuns } from "./bench/ticker.ts";
import type { TraceEvent } from "./bench/trace.ts";
import { build } from "./build.ts";
import { readBuiltGlossary } from "./lib/built-glossary.ts";
import { DIST_CHROME, launchPlain, launchWithExtension, ROOT } from "./lib/chromium.ts";
import { serve } from "./lib/serve.ts";
import { packedChromeBuild } from "./package.ts";

const args = new Set(process.argv.slice(2).map((a) => a.split("=")[0]));
const JSON_OUT = args.has("--json");
const QUICK = args.has("--quick");
const RUNS = QUICK ? 3 : 5;
const TIMEOUT_MS = 30_000;
// The bundled glossary (12,907 entries) is the 10,000-entry point; 100,000 adds synthetic entries.
const LARGE = [100_000];
const EQUAL_SIZES = [843, 10_000, 100_000];
/** --save=FILE keeps every figure of the run; --report=FILE prints a saved run again (no browser). */
const SAVE_TO = process.argv.find((a) => a.startsWith("--save="))?.split("=")[1];
const REPORT_FROM = process.argv.find((a) => a.startsWith("--report="))?.split("=")[1];
/** --trace-dir=DIR keeps each page's trace, to open in DevTools' Performance panel. */
const TRACE_DIR = process.argv.find((a) => a.startsWith("--trace-dir="))?.split("=")[1];

function keepTrace(terms: number, page: string, events: TraceEvent[]): void {
  if (!TRACE_DIR) return;
  mkdirSync(TRACE_DIR, { recursive: true });
  writeFileSync(join(TRACE_DIR, `${page}-${terms}.json`), JSON.stringify({ traceEvents: events }));
}

// Progress goes to stderr, so that stdout holds the report and, last, the JSON line.
const log = (line: string) => process.stderr.write(`${line}\n`);

function cpuModel(): string {
  const match = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m);
  return match?.[1].trim() ?? cpus()[0]?.model ?? "unknown CPU";
}

async function main(): Promise<void> {
  const started = performance.now();
  log("Building the extension…");
  const built = await build();
  const runner = await bundleRunner();
  log(`Compiling glossaries of ${LARGE.join(" and ")} terms…`);
  const sizes = glossarySizes(LARGE);
  const set = collectPages(QUICK);
  for (const note of set.notes) log(`NOTE ${note}`);
  const dataUrl = (terms: number) => `/bench-data/matcher-${terms}.bin`;
  // The peers' forms beside each matcher: the matcher itself no longer carries form texts.
  const data = Object.fromEntries(
    sizes.flatMap((s) => [
      [dataUrl(s.terms), s.bytes],
      [`/bench-data/forms-${s.terms}.json`, s.formsJson],
    ]),
  );
  const server = await serve(set.mounts, { ...set.generated, ...data });
  const plain = await launchPlain();

  try {
    const bench: PeerBench = {
      context: await plainContext(plain, server.url, true),
      serverUrl: server.url,
      runner,
      runs: RUNS,
      timeoutMs: TIMEOUT_MS,
      log,
    };

    const results: SizeResult[] = [];
    for (const [i, size] of sizes.entries()) {
      log(`Peers at ${size.terms} terms (${size.forms} forms), ${set.pages.length} pages:`);
      const brokenBuilds = new Map<PeerName, string>();
      const pages: PageOutcome[] = [];
      for (const p of set.pages) {
        let outcome: PageOutcome;
        try {
          outcome = await measureInPlace(bench, p.path, dataUrl(size.terms), IN_PLACE, brokenBuilds);
        } catch (error) {
          const reason = `the page could not be measured: ${(error as Error).message.split("\n")[0]}`;
          log(`    ${p.name}: ${reason}`);
          outcome = { page: p.path, peers: {}, build: {} };
          for (const peer of IN_PLACE) outcome.peers[peer] = { ms: null, found: null, runs: 0, reason };
        }
        outcome.peers.markjs =
          i === 0
            ? await measureMarkjs(bench, p.path, dataUrl(size.terms))
            : { ms: null, found: null, runs: 0, reason: "bundled size only" };
        const ms = (peer: PeerName) => outcome.peers[peer]?.ms?.toFixed(2) ?? "null";
        log(`  ${p.name}: ${["floor", "backstory", "markjs"].map((q) => `${q} ${ms(q as PeerName)}`).join(", ")}`);
        pages.push(outcome);
      }
      results.push({ terms: size.terms, forms: size.forms, compileMs: size.compileMs, pages });
    }

    log(
      `Equal work (same blocks, same forms, same rules; outputs asserted equal), at ${EQUAL_SIZES.join(", ")} entries:`,
    );
    const equal: BenchResult["equal"] = [];
    for (const set2 of equalWorkSets(EQUAL_SIZES)) {
      const urls = { bin: `/bench-data/equal-${set2.terms}.bin`, forms: `/bench-data/equal-${set2.terms}.json` };
      server.add(urls.bin, set2.bytes);
      server.add(urls.forms, JSON.stringify(set2.forms));
      log(` ${set2.terms.toLocaleString("en-US")} entries, ${set2.forms.length.toLocaleString("en-US")} forms:`);
      equal.push({
        terms: set2.terms,
        forms: set2.forms.length,
        pages: await equalWorkOnPages(bench, set.pages, urls),
      });
    }

    const big = sizes.find((s) => s.terms === 100_000);
    let matcherLoad: number | null = null;
    if (big) {
      const page = await bench.context.newPage();
      await page.goto(`${server.url}${set.pages[0].path}`);
      await injectRunner(page, runner);
      if (!(await page.evaluate("__bench.isolated()")))
        log("NOTE pages are not cross-origin isolated: timers have 100 µs resolution");
      const times = (await page.evaluate(`__bench.matcherLoad(${JSON.stringify(dataUrl(big.terms))}, 5)`)) as number[];
      matcherLoad = median(times);
      log(`100k matcher load in the page: ${times.map((t) => t.toFixed(1)).join(", ")} ms`);
      await page.close();
    }

    log("The shipped extension, traced browser-wide (worker stopped before each page):");
    const shipped: BenchResult["shipped"] = [];
    for (const size of sizes) {
      let dir = DIST_CHROME;
      if (size.terms !== sizes[0].terms) {
        dir = join(ROOT, `out/bench-${size.terms}`);
        log(`  building the extension with ${size.terms.toLocaleString("en-US")} entries…`);
        const taken = readBuiltGlossary(DIST_CHROME).entries.flatMap((e) => [...e.forms, ...e.shortForms]);
        const extra = syntheticGlossaryEntries(size.terms - sizes[0].terms, SYNTHETIC_SEED, taken);
        await build({ dist: dir, extraEntries: extra, targets: ["chrome"] });
        dir = join(dir, "chrome");
      }
      log(`  ${size.terms.toLocaleString("en-US")} entries:`);
      const traced = await launchTraced(dir);
      try {
        const worker = traced.context.serviceWorkers()[0] ?? (await traced.context.waitForEvent("serviceworker"));
        const stopWorker = await workerStopper(traced.context, new URL(worker.url()).host);
        const pages = await shippedCosts(traced, server.url, set.pages, {
          script: "content.js",
          marks: true,
          stopWorker,
          log,
          keepTrace: TRACE_DIR ? (name, events) => keepTrace(size.terms, name, events) : undefined,
        });
        shipped.push({ terms: size.terms, pages });
      } finally {
        await traced.close();
      }
    }
    log("The reference content script (a text walk, nothing else):");
    const walker = await launchTraced(referenceExtension());
    let reference: ShippedPageCost[] = [];
    try {
      reference = await shippedCosts(walker, server.url, set.pages, { script: "walk.js", marks: false, log });
    } finally {
      await walker.close();
    }
    log("Without the extension: heap per page…");
    const heaps = await plainHeaps(
      await plainContext(plain, server.url, false),
      server.url,
      set.pages,
      shipped[0]?.pages ?? [],
    );

    log("Hover to card (demo page):");
    let hover: BenchResult["hover"] = null;
    let ticker: BenchResult["ticker"] = null;
    let feed: BenchResult["feed"] = null;
    const ext = await launchWithExtension();
    try {
      await confine(ext.context, server.url, false);
      const demo = set.pages.find((p) => p.name === "demo-article") ?? set.pages[0];
      hover = await hoverLatency(ext, `${server.url}${demo.path}`, 5, log).catch((error: Error) => {
        log(`  hover not measured: ${error.message}`);
        return null;
      });
      log("A page rewriting its text 1,000 times a second, with and without the extension:");
      const tickerUrl = `${server.url}/live.html`;
      const withExtension: TickerRun[] = await tickerRuns(ext.context, tickerUrl, RUNS, true);
      const without: TickerRun[] = await tickerRuns(
        await plainContext(plain, server.url, false),
        tickerUrl,
        RUNS,
        false,
      );
      ticker = { withExtension, without };
      log("A feed of the whole bundled glossary: subscribe, update, check with nothing new:");
      feed = await feedCost(ext, server, log).catch((error: Error) => {
        log(`  feed not measured: ${error.message}`);
        return null;
      });
      log(
        `  worst timer gap, ms: with ${withExtension.map((r) => r.worstGapMs.toFixed(0)).join(", ")}; without ${without.map((r) => r.worstGapMs.toFixed(0)).join(", ")}`,
      );
    } finally {
      await ext.close();
    }

    const result: BenchResult = {
      machine: { cpu: cpuModel(), cores: cpus().length, node: process.version, chromium: plain.version() },
      pages: set.pages,
      notes: set.notes,
      sizes: results,
      contentGzipBytes: built["content.js"],
      cardGzipBytes: built["card.js"],
      glossary: glossaryShipped(),
      matcherBytes100k: big ? big.bytes.byteLength : null,
      matcherLoadMs100k: matcherLoad,
      shipped,
      reference,
      equal,
      plainHeaps: heaps,
      hover,
      ticker,
      feed,
      seconds: (performance.now() - started) / 1000,
    };
    if (SAVE_TO) writeFileSync(SAVE_TO, JSON.stringify(result));
    printReport(result);
    if (JSON_OUT) console.log(jsonLine(result));
  } finally {
    await plain.close();
    await server.close();
  }
}

/** --only=feed: the feed's figures alone (a minute, not the whole bench). */
async function feedOnly(): Promise<void> {
  await build();
  const server = await serve({});
  const ext = await launchWithExtension();
  try {
    await confine(ext.context, server.url, false);
    const feed = await feedCost(ext, server, log);
    console.log(JSON.stringify({ machine: { cpu: cpuModel(), cores: cpus().length, node: process.version }, feed }));
  } finally {
    await ext.close();
    await server.close();
  }
}

if (process.argv.includes("--only=feed")) {
  feedOnly().catch((error: Error) => {
    console.error(`Bench failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });
} else if (REPORT_FROM) {
  const saved = JSON.parse(readFileSync(REPORT_FROM, "utf8")) as BenchResult;
  printReport(saved);
  if (JSON_OUT) console.log(jsonLine(saved));
} else
  main().catch((error: Error) => {
    console.error(`Bench failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });

/** The bundled glossary as the build shipped it (issue 10's size targets). */
function glossaryShipped(): BenchResult["glossary"] {
  const { matcher, entries } = readBuiltGlossary(DIST_CHROME);
  const size = (file: string) => statSync(join(DIST_CHROME, file)).size;
  return {
    entries: entries.length,
    matcherBytes: matcher.byteLength,
    indexBytes: size(INDEX_FILE),
    largestShardBytes: Math.max(...Array.from({ length: SHARD_COUNT }, (_, s) => size(shardFile(s)))),
    packedBytes: packedChromeBuild().byteLength,
  };
}
