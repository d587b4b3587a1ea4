import type { RawMatch } from "./scan.ts";
import { type Matcher, SHORT_FORM } from "./types.ts";

/** A mention of one entry at a span of a text block, with entries whose forms lie inside it. */
export interface ResolvedMention {
  start: number;
  end: number;
  entry: number;
  /** Entries matched strictly inside this mention's span ("United Nations" in "United Nations climate summit in Glasgow"). */
  nested: number[];
}

/**
 * Entries whose short forms may be marked on this page: those with a full form anywhere on
 * it, and those that name such an entry as context.
 */
export function licensedEntries(m: Matcher, blocks: readonly (readonly RawMatch[])[]): Set<number> {
  const present = new Set<number>();
  for (const matches of blocks) {
    for (const match of matches) {
      for (const form of match.forms) {
        if (!(m.formFlags[form] & SHORT_FORM)) present.add(m.formEntry[form]);
      }
    }
  }
  const licensed = new Set(present);
  for (let entry = 0; entry < m.entryIds.length; entry++) {
    for (let k = m.contextStart[entry]; k < m.contextStart[entry + 1]; k++) {
      if (present.has(m.contextEntries[k])) {
        licensed.add(entry);
        break;
      }
    }
  }
  return licensed;
}

/**
 * The entry a match stands for: a full form wins; otherwise a short form, if exactly one of
 * its entries is licensed on the page (two licensed readings of "Kerry" leave it unmarked).
 */
export function entryForMatch(m: Matcher, match: RawMatch, licensed: ReadonlySet<number>): number {
  let short = -1;
  for (const form of match.forms) {
    const entry = m.formEntry[form];
    if (!(m.formFlags[form] & SHORT_FORM)) return entry;
    if (!licensed.has(entry) || entry === short) continue;
    if (short >= 0) return -1;
    short = entry;
  }
  return short;
}

/**
 * Resolves one block's matches into mentions: leftmost-longest spans win, spans inside a
 * winner become its nested entries, spans that only partly overlap a winner are dropped.
 * `include` filters entries (disabled categories) before spans compete.
 */
export function resolveBlock(
  m: Matcher,
  matches: readonly RawMatch[],
  licensed: ReadonlySet<number>,
  include: (entry: number) => boolean,
): ResolvedMention[] {
  const candidates: { start: number; end: number; entry: number }[] = [];
  for (const match of matches) {
    const entry = entryForMatch(m, match, licensed);
    if (entry >= 0 && include(entry)) candidates.push({ start: match.start, end: match.end, entry });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ResolvedMention[] = [];
  let last: ResolvedMention | undefined;
  for (const c of candidates) {
    if (last && c.start < last.end) {
      if (c.end <= last.end && c.entry !== last.entry && !last.nested.includes(c.entry)) last.nested.push(c.entry);
      continue;
    }
    last = { start: c.start, end: c.end, entry: c.entry, nested: [] };
    out.push(last);
  }
  return out;
}
