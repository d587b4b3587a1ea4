// Prints the bench results: per glossary size a table of medians over the pages and ratios,
// the extension-level figures, the issue's targets met or not, and the one-line JSON.

import type { FeedCost } from "./feed.ts";
import type { BenchPage } from "./pages.ts";
import { type PageOutcome, PEERS, type PeerName } from "./peers.ts";
import { type EqualSize, equalSummary, equalTable } from "./report-equal.ts";
import { fmt, mb, mbOf, pad } from "./report-format.ts";
import type { ShippedPageCost } from "./shipped.ts";
import { median, medianOfFinished, quantile, ratio, round } from "./stats.ts";

export interface SizeResult {
  terms: number;
  forms: number;
  compileMs: number;
  pages: PageOutcome[];
}

export interface GlossaryShipped {
  entries: number;
  /** The serialized matcher a tab receives (JSON bytes). */
  matcherBytes: number;
  /** glossary/index.json, what the worker parses for a page's configuration. */
  indexBytes: number;
  /** The largest entries shard, what the worker parses for a card. */
  largestShardBytes: number;
  /** The Chrome build zipped as the store receives it. */
  packedBytes: number;
}

export interface BenchResult {
  machine: { cpu: string; cores: number; node: string; chromium: string };
  pages: BenchPage[];
  notes: string[];
  sizes: SizeResult[];
  contentGzipBytes: number;
  /** card.js, injected into a frame at its first hover (optional: results saved before it existed). */
  cardGzipBytes?: number;
  /** The bundled glossary as shipped (issue 10): what a tab and the worker hold and parse. */
  glossary: GlossaryShipped;
  matcherBytes100k: number | null;
  matcherLoadMs100k: number | null;
  /** The shipped extension per glossary size (bundled, then the large ones), page by page. */
  shipped: { terms: number; pages: ShippedPageCost[] }[];
  /** A content script that only walks the page's text, traced alike: the floor of any annotator. */
  reference: ShippedPageCost[];
  /** The matchers on equal work, per glossary size. */
  equal: EqualSize[];
  /** The same pages without any extension, watched as long as the bundled run. */
  plainHeaps: number[];
  hover: { cold: number[]; warm: number[] } | null;
  /** The live page's ticker (1,000 text rewrites a second): the page's timer, with and without the extension (optional: results saved before it existed). */
  ticker?: {
    withExtension: { worstGapMs: number; updates: number }[];
    without: { worstGapMs: number; updates: number }[];
  } | null;
  /** A feed of the whole bundled glossary (issue 14; optional: results saved before it existed). */
  feed?: FeedCost | null;
  seconds: number;
}

const msOf = (s: SizeResult, peer: PeerName) => s.pages.map((p) => p.peers[peer]?.ms ?? null);
const peerMedian = (s: SizeResult, peer: PeerName) => medianOfFinished(msOf(s, peer));

/** Median over pages of a per-page ratio, where both sides finished. */
function perPageRatio(s: SizeResult, peer: PeerName, base: PeerName): number | null {
  const rs = s.pages.flatMap((p) => {
    const a = p.peers[peer]?.ms;
    const b = p.peers[base]?.ms;
    return a != null && b ? [a / b] : [];
  });
  return rs.length ? median(rs) : null;
}

function reasons(s: SizeResult, peer: PeerName): string {
  const counts = new Map<string, number>();
  for (const p of s.pages) {
    const r = p.peers[peer]?.reason;
    if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return [...counts].map(([r, n]) => `${r} (${n} page${n > 1 ? "s" : ""})`).join("; ");
}

function buildMedian(s: SizeResult, key: string): number | null {
  const xs = s.pages.flatMap((p) => (key in p.build ? [p.build[key]] : []));
  return xs.length ? median(xs) : null;
}

function sizeTable(s: SizeResult, label: string): string[] {
  const floor = peerMedian(s, "floor");
  const backstory = peerMedian(s, "backstory");
  const lines = [
    `${label}: ${s.terms.toLocaleString("en-US")} terms (glossary entries), ${s.forms.toLocaleString("en-US")} distinct forms` +
      (s.compileMs ? `, compiled in ${fmt(s.compileMs, 0)} ms in Node` : ""),
    `  ${"peer".padEnd(12)}${pad("median ms", 11)}${pad("× floor", 10)}${pad("× backstory", 13)}${pad("per-page ×floor", 17)}${pad("finished", 10)}${pad("found (sum)", 14)}`,
  ];
  for (const peer of PEERS) {
    const m = peerMedian(s, peer);
    const finished = s.pages.filter((p) => p.peers[peer]?.ms != null).length;
    const found = s.pages.reduce((sum, p) => sum + (p.peers[peer]?.found ?? 0), 0);
    lines.push(
      `  ${peer.padEnd(12)}${pad(fmt(m, 3), 11)}${pad(fmt(ratio(m, floor)), 10)}${pad(fmt(ratio(m, backstory)), 13)}` +
        `${pad(fmt(perPageRatio(s, peer, "floor")), 17)}${pad(`${finished}/${s.pages.length}`, 10)}${pad(finished ? found.toLocaleString("en-US") : "—", 14)}`,
    );
    const why = reasons(s, peer);
    if (why) lines.push(`  ${" ".repeat(12)}null: ${why}`);
  }
  const builds = ["load_ms"].map((k) => `${k} ${fmt(buildMedian(s, k), 1)}`);
  lines.push(`  outside the passes (median over pages): ${builds.join(", ")}`);
  return lines;
}

function pageTable(r: BenchResult): string[] {
  const bundled = r.shipped[0]?.pages ?? [];
  const lines = [
    "Per page, the shipped extension traced in Chromium (main-thread thread ms of every task its scripts ran or caused):",
    `  ${"page".padEnd(30)}${pad("marks", 6)}${pad("frames", 7)}${r.shipped.map((s) => pad(`ms@${s.terms}`, 10)).join("")}${pad("walk ms", 9)}${pad("heap +MB", 10)}${pad("worker", 8)}  longest task (thread/wall ms, what)`,
  ];
  for (const [i, p] of r.pages.entries()) {
    const c = bundled[i];
    const heap = c && r.plainHeaps[i] !== undefined ? (c.heapBytes - r.plainHeaps[i]) / 1024 / 1024 : null;
    const l = c?.cost.longest;
    lines.push(
      `  ${p.name.slice(0, 29).padEnd(30)}${pad(c ? String(c.marks) : "—", 6)}${pad(c ? String(c.cost.frames) : "—", 7)}` +
        `${r.shipped.map((s) => pad(fmt(s.pages[i]?.cost.threadMs ?? null, 1), 10)).join("")}` +
        `${pad(fmt(r.reference[i]?.cost.threadMs ?? null, 1), 9)}${pad(fmt(heap), 10)}${pad(fmt(c?.cost.worker.startMs ?? null, 1), 8)}` +
        `  ${l ? `${fmt(l.threadMs, 1)}/${fmt(l.wallMs, 1)} ${l.what}` : "—"}`,
    );
  }
  return lines;
}

/** Where the time goes on the median page (bundled): every task charged to us, in order. */
function timeline(r: BenchResult): string[] {
  const pages = [...(r.shipped[0]?.pages ?? [])].sort((a, b) => a.cost.threadMs - b.cost.threadMs);
  const mid = pages[Math.floor((pages.length - 1) / 2)];
  if (!mid) return [];
  return [
    `Where the time goes on the median page (${mid.page}, ${fmt(mid.cost.threadMs, 1)} ms; at = ms after content.js began):`,
    ...mid.cost.charged.map(
      (c) =>
        `  at ${pad(fmt(c.at, 0), 6)}  ${pad(fmt(c.threadMs, 1), 6)} ms thread, ${pad(fmt(c.wallMs, 1), 6)} wall  ${c.what}`,
    ),
  ];
}

/** The figures of the JSON line, shared by the targets check. */
export function summary(r: BenchResult) {
  const shipped = r.shipped.map((size) => {
    const thread = size.pages.map((p) => p.cost.threadMs);
    const longest = size.pages.flatMap((p) => (p.cost.longest ? [p.cost.longest] : []));
    const heapAdded = size.pages.map((p, i) => p.heapBytes - r.plainHeaps[i]).filter((x) => Number.isFinite(x));
    const starts = size.pages.flatMap((p) => (p.cost.worker.startMs === null ? [] : [p.cost.worker.startMs]));
    return {
      terms: size.terms,
      thread_ms_median: round(thread.length ? median(thread) : null),
      thread_ms_p95: round(thread.length ? quantile(thread, 0.95) : null),
      longest_task_thread_ms: round(longest.length ? Math.max(...longest.map((l) => l.threadMs)) : null),
      longest_task_wall_ms: round(longest.length ? Math.max(...longest.map((l) => l.wallMs)) : null),
      heap_added_bytes: heapAdded.length ? Math.round(median(heapAdded)) : null,
      worker_start_ms: round(starts.length ? median(starts) : null),
    };
  });
  const walk = r.reference.map((p) => p.cost.threadMs);
  return {
    pages: r.pages.length,
    shipped,
    reference_walk_thread_ms: round(walk.length ? median(walk) : null),
    equal_work: equalSummary(r.equal),
    sizes: r.sizes.map((s) => ({
      terms: s.terms,
      floor_ms: round(peerMedian(s, "floor")),
      backstory_ms: round(peerMedian(s, "backstory")),
      markjs_ms: round(peerMedian(s, "markjs")),
    })),
    content_script_gzip_bytes: r.contentGzipBytes,
    card_script_gzip_bytes: r.cardGzipBytes ?? null,
    glossary_entries: r.glossary.entries,
    matcher_bytes_bundled: r.glossary.matcherBytes,
    glossary_index_bytes: r.glossary.indexBytes,
    largest_shard_bytes: r.glossary.largestShardBytes,
    packed_extension_bytes: r.glossary.packedBytes,
    matcher_bytes_100k: r.matcherBytes100k,
    matcher_load_ms_100k: round(r.matcherLoadMs100k),
    hover_ms_cold: round(r.hover?.cold.length ? median(r.hover.cold) : null),
    hover_ms_warm: round(r.hover?.warm.length ? median(r.hover.warm) : null),
    ticker_worst_gap_ms: round(
      r.ticker?.withExtension.length ? median(r.ticker.withExtension.map((x) => x.worstGapMs)) : null,
    ),
    ticker_worst_gap_ms_without: round(
      r.ticker?.without.length ? median(r.ticker.without.map((x) => x.worstGapMs)) : null,
    ),
    feed_bytes: r.feed?.bytes ?? null,
    feed_entries: r.feed?.entries ?? null,
    feed_subscribe_ms: round(r.feed?.subscribeMs ?? null),
    feed_update_ms: round(r.feed?.updateMs ?? null),
    feed_unchanged_ms: round(r.feed?.unchangedMs ?? null),
  };
}

function targets(r: BenchResult): string[] {
  const s = summary(r);
  const cost = (terms: number) => s.shipped.find((x) => x.terms === terms);
  const eq = (terms: number) => s.equal_work.find((x) => x.terms === terms);
  const bundled = s.sizes[0];
  const shipped = s.shipped[0];
  const check = (label: string, value: number | null | undefined, ok: (v: number) => boolean, unit = "") =>
    `  ${value == null ? "n/a " : ok(value) ? "met " : "MISS"}  ${label}: ${value == null ? "—" : `${fmt(value)}${unit}`}`;
  const r2 = (a: number | null | undefined, b: number | null | undefined) => ratio(a ?? null, b ?? null);
  return [
    "Targets (issue 11), the shipped extension traced in Chromium:",
    check("main-thread ms, median page, bundled (≤ 10)", shipped?.thread_ms_median, (v) => v <= 10, " ms"),
    check("main-thread ms, median page, 100k (≤ 15)", cost(100000)?.thread_ms_median, (v) => v <= 15, " ms"),
    check("main-thread ms, p95 over pages, bundled (≤ 25)", shipped?.thread_ms_p95, (v) => v <= 25, " ms"),
    check("longest task, thread ms, any page (≤ 8)", shipped?.longest_task_thread_ms, (v) => v <= 8, " ms"),
    check("longest task, wall ms, any page (≤ 16)", shipped?.longest_task_wall_ms, (v) => v <= 16, " ms"),
    check("heap added per page, bundled (≤ 1.5 MB)", mbOf(shipped?.heap_added_bytes), (v) => v <= 1.5, " MB"),
    check("heap added per page, 100k (≤ 3 MB)", mbOf(cost(100000)?.heap_added_bytes), (v) => v <= 3, " MB"),
    check("worker start, evaluating background.js (≤ 10 ms)", shipped?.worker_start_ms, (v) => v <= 10, " ms"),
    check("card after hover delay, cold worker (≤ 50 ms)", s.hover_ms_cold, (v) => v <= 50, " ms"),
    check(
      "a page rewriting its text 1,000×/s: its timer's worst gap, with ÷ without the extension (≤ 2)",
      r2(s.ticker_worst_gap_ms, s.ticker_worst_gap_ms_without),
      (v) => v <= 2,
    ),
    check("content script gzipped, at start (≤ 20 KB)", s.content_script_gzip_bytes / 1024, (v) => v <= 20, " KB"),
    check("equal work: regex / ours, 10k, build/load included (≥ 5)", eq(10000)?.regex_over_backstory, (v) => v >= 5),
    check(
      "equal work: regex / ours, 100k, build/load included (≥ 10)",
      eq(100000)?.regex_over_backstory,
      (v) => v >= 10,
    ),
    check(
      "equal work: Aho–Corasick / ours, 10k, build/load included (≥ 3)",
      eq(10000)?.ahocorasick_over_backstory,
      (v) => v >= 3,
    ),
    "Earlier targets (issues 3 and 10):",
    check("markjs / backstory, bundled (≥ 100)", r2(bundled?.markjs_ms, bundled?.backstory_ms), (v) => v >= 100),
    check("100k matcher file (≤ 8 MB)", mbOf(s.matcher_bytes_100k), (v) => v <= 8, " MB"),
    check("100k matcher load (≤ 30 ms)", s.matcher_load_ms_100k, (v) => v <= 30, " ms"),
    check("packed extension (≤ 10 MB)", mbOf(s.packed_extension_bytes), (v) => v <= 10, " MB"),
  ];
}

export function printReport(r: BenchResult): void {
  const s = summary(r);
  const labels = ["Bundled glossary", "100k glossary"];
  const out = [
    "",
    `Backstory bench — ${r.machine.cpu} (${r.machine.cores} cores), Node ${r.machine.node}, Chromium ${r.machine.chromium}; ${Math.round(r.seconds)} s`,
    `${r.pages.length} pages: ${r.pages.map((p) => p.name).join(", ")}`,
    ...r.notes.map((n) => `NOTE ${n}`),
    "",
    "The shipped extension (built dist/chrome, and the same with large glossaries), traced browser-wide; worker stopped before each page:",
    `  ${"entries".padEnd(10)}${pad("median ms", 11)}${pad("p95 ms", 9)}${pad("longest thread/wall", 21)}${pad("heap +MB", 10)}${pad("worker start", 14)}`,
    ...s.shipped.map(
      (x) =>
        `  ${x.terms.toLocaleString("en-US").padEnd(10)}${pad(fmt(x.thread_ms_median, 1), 11)}${pad(fmt(x.thread_ms_p95, 1), 9)}` +
        `${pad(`${fmt(x.longest_task_thread_ms, 1)}/${fmt(x.longest_task_wall_ms, 1)}`, 21)}${pad(fmt(mbOf(x.heap_added_bytes)), 10)}${pad(fmt(x.worker_start_ms, 1), 14)}`,
    ),
    `  reference content script (text walk only): median ${fmt(s.reference_walk_thread_ms, 1)} ms; Backstory bundled / walk ${fmt(ratio(s.shipped[0]?.thread_ms_median ?? null, s.reference_walk_thread_ms))}×`,
    `  content.js gzipped ${fmt(s.content_script_gzip_bytes / 1024, 1)} KB (card.js, at a frame's first hover, ${s.card_script_gzip_bytes === null ? "—" : `${fmt(s.card_script_gzip_bytes / 1024, 1)} KB`}); card after hover delay: cold ${fmt(s.hover_ms_cold, 1)} ms, warm ${fmt(s.hover_ms_warm, 1)} ms (${r.hover?.cold.map((x) => x.toFixed(1)).join(", ") ?? "—"} / ${r.hover?.warm.map((x) => x.toFixed(1)).join(", ") ?? "—"})`,
    `  a page rewriting its text 1,000 times a second: its 10 ms timer's worst gap ${fmt(s.ticker_worst_gap_ms, 0)} ms with the extension, ${fmt(s.ticker_worst_gap_ms_without, 0)} ms without (medians of ${r.ticker?.withExtension.length ?? 0} loads)`,
    `  a feed of the bundled glossary: ${mb(s.feed_bytes)}, ${s.feed_entries ?? "—"} entries; in the worker, subscribing ${fmt(s.feed_subscribe_ms, 0)} ms, a check applying a new version ${fmt(s.feed_update_ms, 0)} ms, one finding nothing new ${fmt(s.feed_unchanged_ms, 0)} ms`,
    `  bundled glossary ${s.glossary_entries} entries; matcher file ${mb(s.matcher_bytes_bundled)}; index.json ${mb(s.glossary_index_bytes)}; largest shard ${fmt(s.largest_shard_bytes / 1024, 0)} KB; packed extension ${mb(s.packed_extension_bytes)}`,
    "",
    ...pageTable(r),
    "",
    ...timeline(r),
    "",
    ...equalTable(r.equal, s.equal_work, r.pages.length),
    "",
    "The engine alone, in the page's main world (a detail: what readers pay is above).",
    "Medians over pages of each page's median pass (a pass that did not finish counts as slower than all; the median is null if it lands there).",
    "",
    ...r.sizes.flatMap((size, i) => [...sizeTable(size, labels[i] ?? `${size.terms} terms`), ""]),
    `  100k matcher file ${mb(s.matcher_bytes_100k)}; fetch + deserialize in the page ${fmt(s.matcher_load_ms_100k, 1)} ms`,
    "",
    ...targets(r),
  ];
  console.log(out.join("\n"));
}

/** The summary as one line: the last line of `npm run bench -- --json`. */
export function jsonLine(r: BenchResult): string {
  return JSON.stringify({ machine: r.machine, ...summary(r) });
}
