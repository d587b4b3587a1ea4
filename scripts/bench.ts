// npm run bench [-- --json] [-- --quick]: Backstory against the floor (a bare text walk) and
// its peers (mark.js, one combined regex, modern-ahocorasick) on the same pages, at three
// glossary sizes, plus the extension's own costs. A benchmark, not a test: it asserts nothing.
import { readFileSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { INDEX_FILE, SHARD_COUNT, shardFile } from "../src/glossary/shards.ts";
import { confine, injectRunner, plainContext } from "./bench/browser.ts";
import { extensionCosts, plainHeaps } from "./bench/extension.ts";
import { glossarySizes } from "./bench/glossaries.ts";
import { hoverLatency } from "./bench/hover.ts";
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
import { median } from "./bench/stats.ts";
import { build } from "./build.ts";
import { readBuiltGlossary } from "./lib/built-glossary.ts";
import { DIST_CHROME, launchPlain, launchWithExtension } from "./lib/chromium.ts";
import { serve } from "./lib/serve.ts";
import { packedChromeBuild } from "./package.ts";

const args = new Set(process.argv.slice(2));
const JSON_OUT = args.has("--json");
const QUICK = args.has("--quick");
const RUNS = QUICK ? 3 : 5;
const TIMEOUT_MS = 30_000;
const LARGE = [10_000, 100_000];

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
  const dataUrl = (terms: number) => `/bench-data/matcher-${terms}.json`;
  // The peers' forms beside each matcher: the matcher itself no longer carries form texts.
  const data = Object.fromEntries(
    sizes.flatMap((s) => [
      [dataUrl(s.terms), s.json],
      [dataUrl(s.terms).replace("/matcher-", "/forms-"), s.formsJson],
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
        log(
          `  ${p.name}: ${["floor", "backstory", "regex", "ahocorasick", "markjs"].map((q) => `${q} ${ms(q as PeerName)}`).join(", ")}`,
        );
        pages.push(outcome);
      }
      results.push({ terms: size.terms, forms: size.forms, compileMs: size.compileMs, pages });
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

    log("With the extension: longest task and heap per page…");
    const ext = await launchWithExtension();
    let costs: BenchResult["costs"] = [];
    let heaps: number[] = [];
    let hover: BenchResult["hover"] = null;
    try {
      await confine(ext.context, server.url, false);
      costs = await extensionCosts(ext, server.url, set.pages, log);
      log("Without the extension: heap per page…");
      heaps = await plainHeaps(await plainContext(plain, server.url, false), server.url, set.pages, costs);
      log("Hover to card (demo page):");
      const demo = set.pages.find((p) => p.name === "demo-article") ?? set.pages[0];
      hover = await hoverLatency(ext, `${server.url}${demo.path}`, 5, log).catch((error: Error) => {
        log(`  hover not measured: ${error.message}`);
        return null;
      });
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
      matcherBytes100k: big ? Buffer.byteLength(big.json) : null,
      matcherLoadMs100k: matcherLoad,
      costs,
      plainHeaps: heaps,
      hover,
      seconds: (performance.now() - started) / 1000,
    };
    printReport(result);
    if (JSON_OUT) console.log(jsonLine(result));
  } finally {
    await plain.close();
    await server.close();
  }
}

main().catch((error: Error) => {
  console.error(`Bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});

/** The bundled glossary as the build shipped it (issue 10's size targets). */
function glossaryShipped(): BenchResult["glossary"] {
  const { index, entries } = readBuiltGlossary(DIST_CHROME);
  const size = (file: string) => statSync(join(DIST_CHROME, file)).size;
  return {
    entries: entries.length,
    matcherBytes: Buffer.byteLength(JSON.stringify(index.matcher)),
    indexBytes: size(INDEX_FILE),
    largestShardBytes: Math.max(...Array.from({ length: SHARD_COUNT }, (_, s) => size(shardFile(s)))),
    packedBytes: packedChromeBuild().byteLength,
  };
}
