// Equal work for the matchers (runs in the page, bundled into the bench runner). Every
// contestant gets the same input — the page's blocks as our reader finds them, normalised
// and case-folded by our rules — and must produce the same output: for each position where a
// word starts (our boundary function), the longest form that occurs there and ends on a
// boundary, as (start, end, form). Outputs are compared before anything is timed.

import { TextBlockReader } from "../../src/content/text-blocks.ts";
import { F_IGNORED, F_SPACE, flagsOf, isBoundaryFlags } from "../../src/matcher/chars.ts";
import { scanText, wholeInUnspacedScript } from "../../src/matcher/scan.ts";
import { deserializeMatcher } from "../../src/matcher/serialize.ts";
import type { Matcher } from "../../src/matcher/types.ts";
import { CodeUnitAhoCorasick } from "./aho-corasick.ts";

export const CONTESTANTS = ["backstory", "regex", "ahocorasick"] as const;
export type Contestant = (typeof CONTESTANTS)[number];

/** The text as the matcher sees it: folded, lower-cased, ignorables dropped, spaces collapsed. */
export function foldText(text: string): string {
  let out = "";
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const f = flagsOf(text.charCodeAt(i));
    if (f & F_IGNORED) continue;
    if (f & F_SPACE) {
      if (!space) out += " ";
      space = true;
    } else {
      out += String.fromCharCode(f & 0xffff);
      space = false;
    }
  }
  return out;
}

const flagsAt = (text: string, i: number) => (i < 0 || i >= text.length ? 0 : flagsOf(text.charCodeAt(i)));
const startsWord = (text: string, s: number) => {
  const f = flagsOf(text.charCodeAt(s));
  return !(f & F_SPACE) && isBoundaryFlags(flagsAt(text, s - 1), f);
};
const endsWord = (text: string, e: number) => isBoundaryFlags(flagsAt(text, e - 1), flagsAt(text, e));
/** Our rule for scripts written without spaces: a match there must be whole words of the segmenter's. */
const wholeWords = (text: string, s: number, e: number) =>
  wholeInUnspacedScript(text, s, e, flagsAt(text, s), flagsAt(text, e - 1));

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD = String.raw`[\p{L}\p{N}\p{M}]`;
const NO_SPACE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]`;
/** isBoundaryFlags as a regex: not between two word characters, unless one is of an unspaced script. */
const END = `(?:(?<!${WORD})|(?!${WORD})|(?<=${NO_SPACE})|(?=${NO_SPACE}))`;

interface State {
  texts: string[];
  forms: string[];
  matcher: Matcher | null;
  regex: RegExp | null;
  regexIndex: Map<string, number> | null;
  aho: CodeUnitAhoCorasick | null;
}
const state: State = { texts: [], forms: [], matcher: null, regex: null, regexIndex: null, aho: null };

/** Reads the page's blocks (untimed: the same input for every contestant) and the size's forms. */
async function load(binUrl: string, formsUrl: string): Promise<{ blocks: number; chars: number; load_ms: number }> {
  state.texts = new TextBlockReader(document.body, () => false).read().map((b) => foldText(b.text));
  state.forms = (await (await fetch(formsUrl)).json()) as string[];
  state.regex = null;
  state.regexIndex = null;
  state.aho = null;
  const bytes = await (await fetch(binUrl)).arrayBuffer();
  const t0 = performance.now();
  state.matcher = deserializeMatcher(bytes);
  return {
    blocks: state.texts.length,
    chars: state.texts.reduce((n, t) => n + t.length, 0),
    load_ms: performance.now() - t0,
  };
}

/** Builds a contestant's structure (its per-frame cost beside the matching); returns ms. */
function prepare(who: Contestant): number {
  const t0 = performance.now();
  if (who === "regex") {
    const longestFirst = state.forms.map((f, i) => [f, i] as const).sort((a, b) => b[0].length - a[0].length);
    state.regex = new RegExp(`(?:${longestFirst.map(([f]) => escapeRegex(f)).join("|")})${END}`, "uy");
    state.regexIndex = new Map(state.forms.map((f, i) => [f, i]));
    state.regex.lastIndex = 0;
    state.regex.test("x"); // V8 compiles a regex at its first use: count that here
  } else if (who === "ahocorasick") {
    state.aho = new CodeUnitAhoCorasick(state.forms);
  }
  return performance.now() - t0;
}

/** One pass over every block; returns (block, start, end, form) flattened. */
function run(who: Contestant): number[] {
  const out: number[] = [];
  state.texts.forEach((text, block) => {
    if (who === "backstory") {
      const m = state.matcher as Matcher;
      const matches = scanText(m, text);
      for (let i = 0; i < matches.length; i++) {
        const x = matches[i];
        if (i + 1 < matches.length && matches[i + 1].start === x.start) continue; // a longer one follows
        out.push(block, x.start, x.end, m.formEntry[x.forms[0]]);
      }
    } else if (who === "regex") {
      const re = state.regex as RegExp;
      const index = state.regexIndex as Map<string, number>;
      for (let s = 0; s < text.length; s++) {
        if (!startsWord(text, s)) continue;
        re.lastIndex = s;
        const m = re.exec(text);
        if (m && wholeWords(text, s, s + m[0].length)) out.push(block, s, s + m[0].length, index.get(m[0]) ?? -1);
      }
    } else {
      const best = new Map<number, [number, number]>();
      (state.aho as CodeUnitAhoCorasick).search(text, (start, end, form) => {
        if (!startsWord(text, start) || !endsWord(text, end) || !wholeWords(text, start, end)) return;
        const known = best.get(start);
        if (!known || end > known[0]) best.set(start, [end, form]);
      });
      for (const start of [...best.keys()].sort((a, b) => a - b)) {
        const [end, form] = best.get(start) as [number, number];
        out.push(block, start, end, form);
      }
    }
  });
  return out;
}

/** Runs each contestant once and compares its output with ours; the first difference, if any. */
function check(who: Contestant): { equal: boolean; found: number; difference?: string } {
  const ours = run("backstory");
  const theirs = run(who);
  const n = Math.max(ours.length, theirs.length);
  for (let i = 0; i < n; i += 4) {
    if (
      ours[i] !== theirs[i] ||
      ours[i + 1] !== theirs[i + 1] ||
      ours[i + 2] !== theirs[i + 2] ||
      ours[i + 3] !== theirs[i + 3]
    ) {
      const show = (a: number[]) =>
        i < a.length ? `"${state.texts[a[i]].slice(a[i + 1], a[i + 2])}"@${a[i + 1]}` : "nothing";
      return {
        equal: false,
        found: theirs.length / 4,
        difference: `block ${ours[i] ?? theirs[i]}: ours ${show(ours)}, theirs ${show(theirs)}`,
      };
    }
  }
  return { equal: true, found: ours.length / 4 };
}

/** `runs` timed passes (after one untimed), each over every block. */
function time(who: Contestant, runs: number): number[] {
  run(who);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run(who);
    times.push(performance.now() - t0);
  }
  return times;
}

export const equalWork = { load, prepare, check, time };
