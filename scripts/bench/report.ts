// Prints the bench results: per glossary size a table of medians over the pages and ratios,
// the extension-level figures, the issue's targets met or not, and the one-line JSON.
import type { PageCost } from "./extension.ts";
import type { BenchPage } from "./pages.ts";
import { type PageOutcome, PEERS, type PeerName } from "./peers.ts";
import { median, medianOfFinished, ratio, round } from "./stats.ts";

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
  costs: PageCost[];
  plainHeaps: number[];
  hover: { cold: number[]; warm: number[] } | null;
  seconds: number;
}

const msOf = (s: SizeResult, peer: PeerName) => s.pages.map((p) => p.peers[peer]?.ms ?? null);
const peerMedian = (s: SizeResult, peer: PeerName) => medianOfFinished(msOf(s, peer));

const fmt = (x: number | null, digits = 2) =>
  x === null || !Number.isFinite(x)
    ? "—"
    : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const mb = (bytes: number | null) => (bytes === null ? "—" : `${(bytes / 1024 / 1024).toFixed(2)} MB`);

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
  const builds = ["load_ms", "regex_build_ms", "ahocorasick_build_ms"].map((k) => `${k} ${fmt(buildMedian(s, k), 1)}`);
  lines.push(`  outside the passes (median over pages): ${builds.join(", ")}`);
  return lines;
}

function pageTable(r: BenchResult): string[] {
  const lines = [
    "Per page (ms; backstory at each size; heap added with the extension; longest task it caused, wall/cpu):",
    `  ${"page".padEnd(34)}${pad("floor", 8)}${r.sizes.map((s) => pad(`bs@${s.terms}`, 11)).join("")}${pad("regex@10k", 11)}${pad("marks", 7)}${pad("heap +MB", 10)}  task ms (wall/cpu, our events in it)`,
  ];
  for (const [i, p] of r.pages.entries()) {
    const at = (s: SizeResult, peer: PeerName) => s.pages[i]?.peers[peer]?.ms ?? null;
    const cost = r.costs[i];
    const heap = cost && r.plainHeaps[i] !== undefined ? (cost.heapBytes - r.plainHeaps[i]) / 1024 / 1024 : null;
    const task = cost?.longest
      ? `${fmt(cost.longest.wallMs, 1)}/${fmt(cost.longest.cpuMs, 1)} ${cost.longest.what}`
      : "—";
    lines.push(
      `  ${p.name.slice(0, 33).padEnd(34)}${pad(fmt(r.sizes[0] ? at(r.sizes[0], "floor") : null, 3), 8)}` +
        `${r.sizes.map((s) => pad(fmt(at(s, "backstory"), 2), 11)).join("")}${pad(fmt(r.sizes[1] ? at(r.sizes[1], "regex") : null, 1), 11)}` +
        `${pad(cost ? String(cost.marks) : "—", 7)}${pad(fmt(heap), 10)}  ${task}`,
    );
  }
  return lines;
}

/** The figures of the JSON line, shared by the targets check. */
export function summary(r: BenchResult) {
  const heapAdded = r.costs.map((c, i) => c.heapBytes - r.plainHeaps[i]).filter((x) => Number.isFinite(x));
  const longest = r.costs.flatMap((c) => (c.longest ? [c.longest.wallMs] : []));
  return {
    pages: r.pages.length,
    sizes: r.sizes.map((s) => ({
      terms: s.terms,
      floor_ms: round(peerMedian(s, "floor")),
      backstory_ms: round(peerMedian(s, "backstory")),
      markjs_ms: round(peerMedian(s, "markjs")),
      regex_ms: round(peerMedian(s, "regex")),
      ahocorasick_ms: round(peerMedian(s, "ahocorasick")),
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
    memory_added_bytes: heapAdded.length ? Math.round(median(heapAdded)) : null,
    longest_task_ms: round(longest.length ? Math.max(...longest) : null),
    hover_ms_cold: round(r.hover?.cold.length ? median(r.hover.cold) : null),
    hover_ms_warm: round(r.hover?.warm.length ? median(r.hover.warm) : null),
  };
}

function targets(r: BenchResult): string[] {
  const s = summary(r);
  const at = (terms: number) => s.sizes.find((x) => x.terms === terms);
  const bundled = s.sizes[0];
  const check = (label: string, value: number | null, ok: (v: number) => boolean, unit = "") =>
    `  ${value === null ? "n/a " : ok(value) ? "met " : "MISS"}  ${label}: ${value === null ? "—" : `${fmt(value)}${unit}`}`;
  const r2 = (a: number | null | undefined, b: number | null | undefined) => ratio(a ?? null, b ?? null);
  return [
    "Targets (issue 3), from the medians above:",
    check("backstory / floor, bundled (≤ 1.5)", r2(bundled?.backstory_ms, bundled?.floor_ms), (v) => v <= 1.5),
    check("backstory / floor, 100k (≤ 2)", r2(at(100000)?.backstory_ms, at(100000)?.floor_ms), (v) => v <= 2),
    check("markjs / backstory, bundled (≥ 100)", r2(bundled?.markjs_ms, bundled?.backstory_ms), (v) => v >= 100),
    check("regex / backstory, 10k (≥ 5)", r2(at(10000)?.regex_ms, at(10000)?.backstory_ms), (v) => v >= 5),
    check("regex / backstory, 100k (≥ 10)", r2(at(100000)?.regex_ms, at(100000)?.backstory_ms), (v) => v >= 10),
    check(
      "ahocorasick / backstory, 10k (≥ 20)",
      r2(at(10000)?.ahocorasick_ms, at(10000)?.backstory_ms),
      (v) => v >= 20,
    ),
    check(
      "100k matcher size (≤ 8 MB)",
      s.matcher_bytes_100k && s.matcher_bytes_100k / 1024 / 1024,
      (v) => v <= 8,
      " MB",
    ),
    check("100k matcher load (≤ 30 ms)", s.matcher_load_ms_100k, (v) => v <= 30, " ms"),
    check("content script gzipped (≤ 30 KB)", s.content_script_gzip_bytes / 1024, (v) => v <= 30, " KB"),
    "Targets (issue 10), at the bundled size:",
    check("matcher a tab holds, JSON (≤ 1 MB)", s.matcher_bytes_bundled / 1024 / 1024, (v) => v <= 1, " MB"),
    check("packed extension (≤ 10 MB)", s.packed_extension_bytes / 1024 / 1024, (v) => v <= 10, " MB"),
    check("longest task caused, max over pages (≤ 16 ms)", s.longest_task_ms, (v) => v <= 16, " ms"),
    check("card after hover delay, cold (≤ 50 ms)", s.hover_ms_cold, (v) => v <= 50, " ms"),
    check("card after hover delay, warm (≤ 50 ms)", s.hover_ms_warm, (v) => v <= 50, " ms"),
    "Targets (the card's code loaded at the first hover):",
    check("content script gzipped (≤ 20 KB)", s.content_script_gzip_bytes / 1024, (v) => v <= 20, " KB"),
  ];
}

/** Wall time includes time the thread waited for a core (2 cores, a page loading): CPU time shows our own share. */
const maxCpu = (r: BenchResult) => Math.max(...r.costs.flatMap((c) => (c.longest ? [c.longest.cpuMs] : [])));

export function printReport(r: BenchResult): void {
  const s = summary(r);
  const labels = ["Bundled glossary", "10k glossary", "100k glossary"];
  const out = [
    "",
    `Backstory bench — ${r.machine.cpu} (${r.machine.cores} cores), Node ${r.machine.node}, Chromium ${r.machine.chromium}; ${Math.round(r.seconds)} s`,
    `${r.pages.length} pages: ${r.pages.map((p) => p.name).join(", ")}`,
    ...r.notes.map((n) => `NOTE ${n}`),
    "Medians over pages of each page's median pass (a pass that did not finish counts as slower than all; the median is null if it lands there).",
    "",
    ...r.sizes.flatMap((size, i) => [...sizeTable(size, labels[i] ?? `${size.terms} terms`), ""]),
    "Extension (the built dist/chrome in Chromium):",
    `  content.js gzipped           ${fmt(s.content_script_gzip_bytes / 1024, 1)} KB (${s.content_script_gzip_bytes} B); card.js, at a frame's first hover, ${s.card_script_gzip_bytes === null ? "—" : `${fmt(s.card_script_gzip_bytes / 1024, 1)} KB`}`,
    `  bundled glossary             ${s.glossary_entries} entries; matcher per tab ${mb(s.matcher_bytes_bundled)} (JSON); index.json ${mb(s.glossary_index_bytes)}; largest shard ${fmt(s.largest_shard_bytes / 1024, 0)} KB; packed extension ${mb(s.packed_extension_bytes)}`,
    `  100k matcher, JSON           ${mb(s.matcher_bytes_100k)} (${s.matcher_bytes_100k ?? "—"} B); JSON.parse + deserialize in the page ${fmt(s.matcher_load_ms_100k, 1)} ms`,
    `  JS heap added per tab        ${mb(s.memory_added_bytes)} (median over pages; V8 + Blink heap after GC, with vs without the extension)`,
    `  longest task caused          ${fmt(s.longest_task_ms, 1)} ms wall, max over pages (the longest in thread time: ${fmt(maxCpu(r), 1)} ms; per page below)`,
    `  card after hover delay       cold ${fmt(s.hover_ms_cold, 1)} ms, warm ${fmt(s.hover_ms_warm, 1)} ms (median of ${r.hover?.cold.length ?? 0}: ${r.hover?.cold.map((x) => x.toFixed(1)).join(", ") ?? "—"} / ${r.hover?.warm.map((x) => x.toFixed(1)).join(", ") ?? "—"})`,
    "",
    ...pageTable(r),
    "",
    ...targets(r),
  ];
  console.log(out.join("\n"));
}

/** Exactly the issue's shape; the per-tab memory is in the table only. */
export function jsonLine(r: BenchResult): string {
  const { memory_added_bytes: _, ...issueShape } = summary(r);
  return JSON.stringify(issueShape);
}
