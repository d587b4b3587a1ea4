import { IGNORED, isBoundary, lowerUnit, normalizeUnit, SPACE, upperUnit } from "./chars.ts";
import { EXACT_CASE, type Matcher } from "./types.ts";

/** A span of text where one or more forms match (same span, e.g. two entries' short forms). */
export interface RawMatch {
  start: number;
  end: number;
  forms: number[];
}

function findEdge(m: Matcher, node: number, unit: number): number {
  let lo = m.nodeEdgeStart[node];
  let hi = m.nodeEdgeStart[node + 1] - 1;
  const units = m.edgeUnit;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const u = units[mid];
    if (u === unit) return m.edgeTarget[mid];
    if (u < unit) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The page may capitalise what a form has in lower case ("Seoul" matches "SEOUL", "carbon
 * neutrality" matches "Carbon Neutrality"), never the reverse ("Turkey" is not "turkey").
 */
function caseMatches(form: string, seen: Uint16Array, exact: boolean): boolean {
  for (let i = 0; i < form.length; i++) {
    const f = form.charCodeAt(i);
    const t = seen[i];
    if (t === f) continue;
    if (exact) return false;
    const upper = upperUnit(f);
    if (upper === f || upper !== t || lowerUnit(f) !== f) return false;
  }
  return true;
}

/** The next normalised unit at or after `j` (whitespace folded, ignorables skipped), or -1. */
function peekUnit(text: string, j: number): number {
  for (; j < text.length; j++) {
    const u = normalizeUnit(text.charCodeAt(j));
    if (u !== IGNORED) return u;
  }
  return -1;
}

/** The root's edges as a direct table (one lookup per character), built once per matcher. */
const rootTables = new WeakMap<Matcher, Int32Array>();
function rootTable(m: Matcher): Int32Array {
  let table = rootTables.get(m);
  if (!table) {
    table = new Int32Array(0x10000).fill(-1);
    for (let e = m.nodeEdgeStart[0]; e < m.nodeEdgeStart[1]; e++) table[m.edgeUnit[e]] = m.edgeTarget[e];
    rootTables.set(m, table);
  }
  return table;
}

/** The normalised unit before `at` (ignorables skipped), or -1 at the start of the text. */
function unitBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const u = normalizeUnit(text.charCodeAt(i));
    if (u !== IGNORED) return u;
  }
  return -1;
}

/**
 * Finds every span of `text` where a form matches on word boundaries, overlapping spans
 * included (the caller picks the longest). One left-to-right pass: a walk down the trie
 * starts only where a word may start, and stops at the first character no form continues with.
 * `from`/`to` bound where matches may start (a match may run past `to`), so a huge text can be
 * scanned in chunks: the chunks' results are exactly those of one call.
 */
export function scanText(m: Matcher, text: string, out: RawMatch[] = [], from = 0, to = text.length): RawMatch[] {
  const seen = new Uint16Array(m.maxFormLength + 1);
  const root = rootTable(m);
  const n = text.length;
  const limit = Math.min(to, n);
  let prev = unitBefore(text, from);
  for (let s = from; s < limit; s++) {
    const u = normalizeUnit(text.charCodeAt(s));
    if (u === IGNORED) continue;
    const before = prev;
    prev = u;
    if (u === SPACE || !isBoundary(before, u)) continue;
    let node = root[lowerUnit(u)];
    if (node < 0) continue;
    seen[0] = u;
    let len = 1;
    let j = s + 1;
    let lastSpace = false;
    for (;;) {
      const formStart = m.nodeFormStart[node];
      const formEnd = m.nodeFormStart[node + 1];
      if (formStart < formEnd && isBoundary(seen[len - 1], peekUnit(text, j))) {
        let found: number[] | undefined;
        for (let k = formStart; k < formEnd; k++) {
          const form = m.nodeForms[k];
          if (caseMatches(m.forms[form], seen, (m.formFlags[form] & EXACT_CASE) !== 0)) {
            if (found) found.push(form);
            else found = [form];
          }
        }
        if (found) out.push({ start: s, end: j, forms: found });
      }
      let c = -1;
      while (j < n) {
        c = normalizeUnit(text.charCodeAt(j));
        if (c === IGNORED || (c === SPACE && lastSpace)) {
          j++;
          c = -1;
          continue;
        }
        break;
      }
      if (c < 0 || len >= m.maxFormLength) break;
      node = findEdge(m, node, c === SPACE ? SPACE : lowerUnit(c));
      if (node < 0) break;
      seen[len++] = c;
      lastSpace = c === SPACE;
      j++;
    }
  }
  return out;
}
