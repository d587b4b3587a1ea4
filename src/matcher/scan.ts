import {
  F_HANGUL,
  F_IGNORED,
  F_NO_SPACE,
  F_SPACE,
  flagsOf,
  isBoundaryFlags,
  lowerUnit,
  normalizeUnit,
  unitFlags,
} from "./chars.ts";
import {
  EXACT_CASE,
  type Matcher,
  NAME_PART,
  OFFSET_BLOCK_SHIFT,
  SHORT_FORM,
  start,
  TITLE,
  WORD_NAME,
} from "./types.ts";

/** A span of text where one or more forms match (same span, e.g. two entries' short forms). */
export interface RawMatch {
  start: number;
  end: number;
  forms: number[];
  /** At the start of a sentence or heading: word-name forms count as short forms here. */
  sentenceStart?: true;
}

/** Whether form `form` of a match acts as a short form (licensed by the page, not licensing it). */
export function isShortHere(m: Matcher, match: RawMatch, form: number): boolean {
  const f = m.formFlags[form];
  return (f & SHORT_FORM) !== 0 || (match.sentenceStart === true && (f & WORD_NAME) !== 0);
}

/** Whether a capitalised word follows `end` after spaces only ("Kimberley| Strassel"). */
function capitalisedWordFollows(text: string, end: number): boolean {
  let i = end;
  if (i >= text.length || text.charCodeAt(i) !== 0x20) return false;
  while (i < text.length && text.charCodeAt(i) === 0x20) i++;
  const c = text.charCodeAt(i);
  return i < text.length && lowerUnit(c) !== c;
}

/** Words after a title that make it name someone else: "the president of the club", "the president elect". */
const QUALIFIERS = ["of", "elect", "designate"];

/**
 * Whether a title ending at `end` is qualified by what follows, so that it names someone other
 * than the office's holder: a dash of any kind ("the president-elect", "the prime
 * minister–designate"), one of QUALIFIERS, or a capitalised word ("the President Obama-era
 * rule": the name is the mention). Spaces of every kind, line breaks and invisible characters
 * between are skipped, as the matcher skips them everywhere.
 */
function titleQualified(text: string, end: number): boolean {
  let i = end;
  let spaced = false;
  for (; i < text.length; i++) {
    const f = flagsOf(text.charCodeAt(i));
    if (!(f & (F_SPACE | F_IGNORED))) break;
    if (f & F_SPACE) spaced = true;
  }
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (normalizeUnit(c) === 0x2d) return true;
  if (!spaced) return false;
  if (lowerUnit(c) !== c) return true;
  return QUALIFIERS.some(
    (word) =>
      text.slice(i, i + word.length).toLowerCase() === word &&
      isBoundaryFlags(flagsAt(text, i + word.length - 1), flagsAt(text, i + word.length)),
  );
}

/**
 * Whether `at` starts a sentence: the first word of the block (a heading, a list item, a
 * caption), or after a sentence's end or an opening quote or bracket.
 */
function atSentenceStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0xa0 || (c >= 0x09 && c <= 0x0d)) continue;
    return ".!?:;\"'(\u201c\u2018\u00ab\u2014\u2013-|\u2022".includes(text[i]);
  }
  return true;
}

function findEdge(m: Matcher, node: number, unit: number): number {
  const edges = m.nodeEdges;
  let lo = edges.base[node >>> OFFSET_BLOCK_SHIFT] + edges.rel[node];
  let hi = edges.base[(node + 1) >>> OFFSET_BLOCK_SHIFT] + edges.rel[node + 1] - 1;
  const units = m.edgeUnits;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const u = units[mid];
    if (u === unit) return mid + 1;
    if (u < unit) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The page may capitalise what a form has in lower case ("Seoul" matches "SEOUL", "carbon
 * neutrality" matches "Carbon Neutrality"), never the reverse ("Turkey" is not "turkey").
 * The walk has already matched every character case-folded (and the first as written, where
 * the form starts with a capital), so what is left is: the form's capitals must be capitals
 * on the page, and an exact-case form's other letters must not be. `caps` lists a form's
 * capital positions, the first included.
 */
function caseMatches(m: Matcher, form: number, text: string, at: Int32Array, length: number, exact: boolean): boolean {
  let k = m.capStart[form];
  const end = m.capStart[form + 1];
  // The first character was matched as written when it is a capital; an exact-case form
  // ("Xi", "UN") checks it too, since a lower-case first letter matched either case.
  const from = exact ? 0 : 1;
  if (!exact && k < end && m.caps[k] === 0) k++;
  if (k === end && !exact) return true; // most forms: no capital after the first character
  for (let i = from; i < length; i++) {
    const t = normalizeUnit(text.charCodeAt(at[i]));
    const capital = k < end && m.caps[k] === i;
    if (capital) k++;
    const upper = lowerUnit(t) !== t;
    if (capital ? !upper : exact && upper) return false;
  }
  return true;
}

/** The flags of the next character at or after `j` (ignorables skipped), or 0 at the end. */
function flagsAt(text: string, j: number): number {
  for (; j < text.length; j++) {
    const f = flagsOf(text.charCodeAt(j));
    if (!(f & F_IGNORED)) return f;
  }
  return 0;
}

/** The root's edges as a direct table (one lookup per character), built once per matcher. */
const rootTables = new WeakMap<Matcher, Int32Array>();
function rootTable(m: Matcher): Int32Array {
  let table = rootTables.get(m);
  if (!table) {
    table = new Int32Array(0x10000).fill(-1);
    for (let e = start(m.nodeEdges, 0); e < start(m.nodeEdges, 1); e++) table[m.edgeUnits[e]] = e + 1;
    rootTables.set(m, table);
  }
  return table;
}

/** The flags of the character before `at` (ignorables skipped), or 0 at the start of the text. */
function flagsBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const f = flagsOf(text.charCodeAt(i));
    if (!(f & F_IGNORED)) return f;
  }
  return 0;
}

/**
 * Finds every span of `text` where a form matches on word boundaries, overlapping spans
 * included (the caller picks the longest). One left-to-right pass: a walk down the trie
 * starts only where a word may start, and stops at the first character no form continues with.
 * `from`/`to` bound where matches may start (a match may run past `to`), so a huge text can be
 * scanned in chunks: the chunks' results are exactly those of one call.
 */
export function scanText(m: Matcher, text: string, out: RawMatch[] = [], from = 0, to = text.length): RawMatch[] {
  const root = rootTable(m);
  const flags = unitFlags();
  const limit = Math.min(to, text.length);
  // Most characters sit inside words: one table lookup and a flag test pass over them.
  let prevFlags = flagsBefore(text, from);
  for (let s = from; s < limit; s++) {
    const code = text.charCodeAt(s);
    const f = flags[code] || flagsOf(code);
    if (f & F_IGNORED) continue;
    const before = prevFlags;
    prevFlags = f;
    if (f & F_SPACE || !isBoundaryFlags(before, f)) continue;
    // Forms starting with a lower-case letter match it capitalised too; capitalised forms only capitals.
    const folded = f & 0xffff;
    const lowerStart = root[folded];
    if (lowerStart >= 0) walk(m, text, s, lowerStart, f, out);
    const unit = normalizeUnit(code);
    if (unit !== folded) {
      const upperStart = root[unit];
      if (upperStart >= 0) walk(m, text, s, upperStart, f, out);
    }
  }
  return out;
}

const at = { buffer: new Int32Array(64) };

/** Walks the trie from the node after the character at `s`, recording every form that ends on a boundary. */
function walk(m: Matcher, text: string, s: number, start: number, startFlags: number, out: RawMatch[]): void {
  if (at.buffer.length <= m.maxFormLength) at.buffer = new Int32Array(m.maxFormLength + 1);
  // Text offsets of the characters walked (the case check re-reads them at a form's end).
  const pos = at.buffer;
  const flags = unitFlags();
  const n = text.length;
  pos[0] = s;
  let node = start;
  let len = 1;
  let lastFlags = startFlags;
  let j = s + 1;
  for (;;) {
    const forms = m.nodeForms;
    const formStart = forms.base[node >>> OFFSET_BLOCK_SHIFT] + forms.rel[node];
    const formEnd = forms.base[(node + 1) >>> OFFSET_BLOCK_SHIFT] + forms.rel[node + 1];
    const next = flagsAt(text, j);
    if (formStart < formEnd && (isBoundaryFlags(lastFlags, next) || lastFlags & next & F_HANGUL)) {
      let found: number[] | undefined;
      let wordName = false;
      let partOfName = -1; // computed once, for the first name-part form
      for (let form = formStart; form < formEnd; form++) {
        const flags = m.formFlags[form];
        if (flags & NAME_PART) {
          if (partOfName < 0) partOfName = capitalisedWordFollows(text, j) ? 1 : 0;
          if (partOfName) continue;
        }
        if (flags & TITLE && titleQualified(text, j)) continue;
        if (caseMatches(m, form, text, pos, len, (flags & (EXACT_CASE | WORD_NAME)) !== 0)) {
          if (found) found.push(form);
          else found = [form];
          if (flags & WORD_NAME) wordName = true;
        }
      }
      if (found && wholeInUnspacedScript(text, s, j, startFlags, lastFlags)) {
        const match: RawMatch = { start: s, end: j, forms: found };
        if (wordName && atSentenceStart(text, s)) match.sentenceStart = true;
        out.push(match);
      }
    }
    // The next character, with ignorables skipped and a run of spaces read as one.
    let c = 0;
    while (j < n) {
      const code = text.charCodeAt(j);
      c = flags[code] || flagsOf(code);
      if (c & F_IGNORED || (c & F_SPACE && lastFlags & F_SPACE)) {
        j++;
        c = 0;
        continue;
      }
      break;
    }
    if (c === 0 || len >= m.maxFormLength) return;
    node = findEdge(m, node, c & 0xffff);
    if (node < 0) return;
    pos[len++] = j;
    lastFlags = c;
    j++;
  }
}

/**
 * In scripts written without spaces any character may start a word, so "韩正" (a name) would
 * match inside "韩正式宣布" ("South Korea formally announced"). Where a match starts or ends
 * between two such characters, it must also start and end on a word boundary of the
 * language's dictionary segmenter (Intl.Segmenter; ICU's dictionaries for Chinese, Japanese
 * and Thai). Everywhere else, and where Intl.Segmenter is missing, this costs nothing.
 */
export function wholeInUnspacedScript(text: string, start: number, end: number, first: number, last: number): boolean {
  const inRunAtStart = first & F_NO_SPACE && flagsBefore(text, start) & F_NO_SPACE;
  const inRunAtEnd = last & F_NO_SPACE && flagsAt(text, end) & F_NO_SPACE;
  if (!inRunAtStart && !inRunAtEnd) return true;
  const from = Math.max(0, start - 24);
  const window = text.slice(from, Math.min(text.length, end + 24));
  const segmenter = segmenterFor(window);
  if (!segmenter) return true;
  const bounds = new Set<number>();
  for (const { index } of segmenter.segment(window)) bounds.add(index + from);
  bounds.add(from + window.length);
  return (!inRunAtStart || bounds.has(start)) && (!inRunAtEnd || bounds.has(end));
}

const segmenters = new Map<string, Intl.Segmenter | null>();
function segmenterFor(sample: string): Intl.Segmenter | null {
  const locale = /[\u3040-\u30ff]/.test(sample) ? "ja" : /[\u0e00-\u0e7f]/.test(sample) ? "th" : "zh";
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(locale, { granularity: "word" }) : null;
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}
