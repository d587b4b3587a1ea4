// Runs in the page's main world (bundled to an IIFE by runner-bundle.ts and injected after
// load). Each peer is one function that does one pass over the page and returns its time;
// the orchestrator calls them one at a time, so a peer that hangs can be cut off alone.
import Mark from "mark.js";
import { Annotator } from "../../src/content/annotator.ts";
import { HighlightMarker, nativeHighlightApi } from "../../src/content/highlight-marker.ts";
import { MARK_NAME } from "../../src/content/mention.ts";
import { deserializeMatcher } from "../../src/matcher/serialize.ts";
import type { Matcher } from "../../src/matcher/types.ts";
import { equalWork } from "./equal-work.ts";

export interface RunResult {
  ms: number;
  /** What the peer found (characters read for the floor, matches or mentions otherwise): a sanity check. */
  found: number;
}

let matcher: Matcher | null = null;
let forms: string[] = [];

/** Every form once, longest first, so an alternation prefers the longest form at a position. */
function longestFirst(forms: readonly string[]): string[] {
  return [...new Set(forms)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/**
 * Loads one glossary size: the matcher file (as the content script reads it) and the forms
 * for the peers. Returns the time of deserializing it and the number of forms.
 */
async function load(url: string): Promise<{ load_ms: number; forms: number }> {
  const bytes = await (await fetch(url)).arrayBuffer();
  const t0 = performance.now();
  matcher = deserializeMatcher(bytes);
  const load_ms = performance.now() - t0;
  // The forms the matcher was compiled from, normalised as it does, served beside it.
  forms = longestFirst(
    (await (await fetch(url.replace("/matcher-", "/forms-").replace(/\.bin$/, ".json"))).json()) as string[],
  );
  return { load_ms, forms: forms.length };
}

/** The physical limit: visit every text node and read its data, nothing else. */
function floor(): RunResult {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  return { ms: performance.now() - t0, found: chars };
}

/** The whole annotation pass of the content script: read, match, resolve, mark. */
function backstory(): RunResult {
  if (!matcher) throw new Error("load() first");
  CSS.highlights.delete(MARK_NAME);
  const api = nativeHighlightApi(document);
  if (!api) throw new Error("no CSS.highlights in this page");
  const t0 = performance.now();
  const annotator = new Annotator(matcher, new HighlightMarker(api), () => false);
  annotator.scan(document.body, () => true);
  const ms = performance.now() - t0;
  return { ms, found: annotator.mentions.length };
}

// mark.js's own whole-word mode: a term must be bounded by whitespace, the text's ends or one
// of these characters.
const LIMITERS = [..."\"'.,;:!?()[]{}<>/\\|-–—‘’“”«»…·*&%$#@+=~`^"];

/**
 * mark.js marking every form (it changes the DOM: the orchestrator reloads the page after).
 * One mark() call per form, longest first: that is what its array mode does, but the array
 * mode starts each term from the previous term's completion callback, so 1,400 terms
 * overflow the stack ("Invalid regular expression: Stack overflow").
 */
function markjs(): RunResult {
  const mark = new Mark(document.body);
  let found = 0;
  let pending = 0;
  const options: Mark.MarkOptions = {
    separateWordSearch: false,
    diacritics: false,
    caseSensitive: true,
    accuracy: { value: "exactly", limiters: LIMITERS },
    done: (n: number) => {
      found += n;
      pending--;
    },
  };
  const t0 = performance.now();
  for (const form of forms) {
    pending++;
    mark.mark(form, options);
  }
  const ms = performance.now() - t0;
  if (pending) throw new Error("mark.js finished asynchronously: the time would not cover its work");
  return { ms, found };
}

/** Fetch + deserialize of the matcher file (served from memory), `runs` times. */
async function matcherLoad(url: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const m = deserializeMatcher(await (await fetch(url, { cache: "no-store" })).arrayBuffer());
    const ms = performance.now() - t0;
    if (m.formEntry.length && i > 0) times.push(ms); // the first is the warm-up
  }
  return times;
}

const api = {
  equal: equalWork,
  load,
  clear: () => CSS.highlights.delete(MARK_NAME),
  matcherLoad,
  isolated: () => globalThis.crossOriginIsolated === true,
  run: { floor, backstory, markjs } as Record<string, () => RunResult>,
};
export type BenchApi = typeof api;
(globalThis as unknown as { __bench: BenchApi }).__bench = api;
