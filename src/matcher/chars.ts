/**
 * Character classes and folding shared by the compiler and the scanner, so that forms and
 * page text are normalised by exactly the same rules. Tables are filled lazily per code unit
 * (a page touches few distinct characters), and each table is created at its first use, with
 * 0 meaning "not computed yet", so creating one is not a fill. Why: content.js runs in every
 * frame of a page, and five 64K-entry tables filled at load cost each frame a millisecond and a
 * megabyte (traced: 20 ad frames on one page paid 20 of each), frames that never read included.
 */

/** A lazily created table of 64K entries whose zero means "not known yet". */
function lazyTable<T extends Int32Array | Int8Array>(create: () => T): () => T {
  let table: T | null = null;
  return () => {
    table ??= create();
    return table;
  };
}

/** Returned by {@link normalizeUnit} for characters that are dropped (soft hyphen, zero-width). */
const IGNORED = -1;
const SPACE = 0x20;

const QUOTE_SINGLE = "\u2018\u2019\u201A\u201B\u2032\u00B4\u02BC";
const QUOTE_DOUBLE = "\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB";
const DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\uFE63\uFF0D";
const IGNORABLE = "\u00AD\u200B\u200C\u200D\u2060\uFEFF";

/** normalizeUnit's results, plus 2 (IGNORED is -1). */
const normalTable = lazyTable(() => new Int32Array(0x10000));

function computeNormal(unit: number): number {
  const ch = String.fromCharCode(unit);
  if (IGNORABLE.includes(ch)) return IGNORED;
  if (QUOTE_SINGLE.includes(ch)) return 0x27;
  if (QUOTE_DOUBLE.includes(ch)) return 0x22;
  if (DASHES.includes(ch)) return 0x2d;
  if (/\s/.test(ch)) return SPACE; // NBSP, thin and ideographic spaces
  return unit;
}

/** Folds punctuation variants and spaces; returns IGNORED for characters to skip. */
export function normalizeUnit(unit: number): number {
  const table = normalTable();
  let n = table[unit] - 2;
  if (n === -2) {
    n = computeNormal(unit);
    table[unit] = n + 2;
  }
  return n;
}

/** lowerUnit's results, plus 1. */
const lowerTable = lazyTable(() => new Int32Array(0x10000));

function singleUnit(s: string, fallback: number): number {
  return s.length === 1 ? s.charCodeAt(0) : fallback;
}

/** Lower-case of one code unit (unchanged where lower-casing would change the length). */
export function lowerUnit(unit: number): number {
  const table = lowerTable();
  let l = table[unit] - 1;
  if (l === -1) {
    l =
      unit < 0x80
        ? unit >= 0x41 && unit <= 0x5a
          ? unit + 32
          : unit
        : singleUnit(String.fromCharCode(unit).toLowerCase(), unit);
    table[unit] = l + 1;
  }
  return l;
}

// Bit 1: part of a word (letter, digit, combining mark). Bit 2: a script written without
// spaces, where any character may start or end a word (Han, kana, Thai, Lao, Khmer, Myanmar).
const WORD = 1;
const NO_SPACE = 2;
/** charClass's results, plus 1. */
const classTable = lazyTable(() => new Int8Array(0x10000));
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
// The kana long-vowel marks (ー, and its half-width ｰ) are Script=Common but only ever continue
// a kana word: counted with kana, "コンピュータ" is not found inside "コンピューター".
const NO_SPACE_RE =
  /[\u30fc\uff70\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * The class of a unit below U+2070 without a regular expression: these are the characters of
 * most news pages, and compiling the Unicode-property expressions above cost a page 2-4 ms the
 * first time (traced). Exact: a unit test compares every unit with the expressions. No script
 * written without spaces starts below U+0E00 (Thai).
 */
function classBelowSuperscripts(unit: number): number {
  if (unit < 0x80) {
    return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a)
      ? WORD
      : 0;
  }
  if (unit < 0x100) {
    // Latin-1: ª µ º ² ³ ¹ ¼ ½ ¾ and the letters from À, but for × and ÷.
    if (unit === 0xaa || unit === 0xb5 || unit === 0xba || unit === 0xb2 || unit === 0xb3 || unit === 0xb9) return WORD;
    if (unit >= 0xbc && unit <= 0xbe) return WORD;
    return unit >= 0xc0 && unit !== 0xd7 && unit !== 0xf7 ? WORD : 0;
  }
  // General punctuation (dashes, quotes, spaces, bullets, per-mille) holds no word character.
  if (unit >= 0x2000) return 0;
  const ch = String.fromCharCode(unit);
  return (WORD_RE.test(ch) ? WORD : 0) | (unit >= 0x0e00 && NO_SPACE_RE.test(ch) ? NO_SPACE : 0);
}

/** Exported for the test that holds the fast path to the expressions. */
export function charClassByExpression(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return WORD;
  const ch = String.fromCharCode(unit);
  return (WORD_RE.test(ch) ? WORD : 0) | (NO_SPACE_RE.test(ch) ? NO_SPACE : 0);
}

export function charClass(unit: number): number {
  const table = classTable();
  let k = table[unit] - 1;
  if (k === -1) {
    if (unit < 0x2070) {
      k = classBelowSuperscripts(unit);
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      k = WORD; // astral characters: treat both halves as letters
    } else {
      const ch = String.fromCharCode(unit);
      k = (WORD_RE.test(ch) ? WORD : 0) | (NO_SPACE_RE.test(ch) ? NO_SPACE : 0);
    }
    table[unit] = k + 1;
  }
  return k;
}

/**
 * Everything the scanner's hot loop asks of a code unit, in one lookup: the class bits below
 * and, in the low 16 bits, the unit normalised and lower-cased (the trie's alphabet).
 * 0 means "not computed yet" (every computed value has KNOWN set).
 */
const F_WORD = 1 << 16;
export const F_NO_SPACE = 1 << 17;
export const F_SPACE = 1 << 18;
export const F_IGNORED = 1 << 19;
/** Hangul syllables: Korean attaches particles to nouns ("서울에서"), so a form may end before one. */
export const F_HANGUL = 1 << 21;
const F_KNOWN = 1 << 20;
/**
 * The flags table, read directly in hot loops (`const flags = unitFlags()` once, then
 * `flags[u] || flagsOf(u)`): a lookup without a call.
 */
export const unitFlags = lazyTable(() => new Int32Array(0x10000));

export function flagsOf(unit: number): number {
  const table = unitFlags();
  const known = table[unit];
  if (known !== 0) return known;
  const n = normalizeUnit(unit);
  let f = F_KNOWN;
  if (n === IGNORED) f |= F_IGNORED;
  else if (n === SPACE) f |= F_SPACE | SPACE;
  else {
    const k = charClass(n);
    f |= lowerUnit(n) | (k & WORD ? F_WORD : 0) | (k & NO_SPACE ? F_NO_SPACE : 0);
    if (n >= 0xac00 && n <= 0xd7a3) f |= F_HANGUL;
  }
  table[unit] = f;
  return f;
}

/** Whether a word may end between two characters given their flags (`0` for the text's edge). */
export function isBoundaryFlags(before: number, after: number): boolean {
  if (!(before & F_WORD) || !(after & F_WORD)) return true;
  return ((before | after) & F_NO_SPACE) !== 0;
}

/** Normalises a glossary form the way page text is normalised (for compile and display). */
export function normalizeForm(form: string): string {
  let out = "";
  let lastSpace = true; // drops leading spaces
  for (let i = 0; i < form.length; i++) {
    const n = normalizeUnit(form.charCodeAt(i));
    if (n === IGNORED) continue;
    if (n === SPACE) {
      if (!lastSpace) out += " ";
      lastSpace = true;
      continue;
    }
    out += String.fromCharCode(n);
    lastSpace = false;
  }
  return out.trimEnd();
}
