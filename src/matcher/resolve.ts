import { isShortHere, type RawMatch } from "./scan.ts";
import type { Matcher } from "./types.ts";

/** A mention of one entry at a span of a text block, with entries whose forms lie inside it. */
export interface ResolvedMention {
  start: number;
  end: number;
  entry: number;
  /** Entries matched strictly inside this mention's span ("United Nations" in "United Nations climate summit in Glasgow"). */
  nested: number[];
}

/**
 * Which entries' short forms may be marked on a page: those with a full form anywhere on it,
 * and those that name such an entry as context. Kept up to date as blocks are read, so a page
 * read a slice at a time licenses exactly what one pass would.
 */
export class Licensing {
  /** Entries with a full form on the page. */
  private present = new Set<number>();
  readonly licensed = new Set<number>();

  constructor(private m: Matcher) {}

  /** Notes a block's matches; returns true when more entries are licensed than before. */
  add(matches: readonly RawMatch[]): boolean {
    const m = this.m;
    let grew = false;
    for (const match of matches) {
      for (const form of match.forms) {
        const entry = m.formEntry[form];
        if (isShortHere(m, match, form) || this.present.has(entry)) continue;
        this.present.add(entry);
        this.licensed.add(entry);
        grew = true;
        // The entries that name it as context (inverted at build time: Matcher.licensees).
        for (let k = m.licenseeStart[entry]; k < m.licenseeStart[entry + 1]; k++) this.licensed.add(m.licensees[k]);
      }
    }
    return grew;
  }

  clear(): void {
    this.present.clear();
    this.licensed.clear();
  }
}

/** The entries licensed by a whole page's matches at once. */
export function licensedEntries(m: Matcher, blocks: readonly (readonly RawMatch[])[]): Set<number> {
  const licensing = new Licensing(m);
  for (const matches of blocks) licensing.add(matches);
  return licensing.licensed;
}

/**
 * The entry a match stands for: a full form wins; otherwise a short form, if exactly one of
 * its entries is licensed on the page (two licensed readings of "Kerry" leave it unmarked).
 */
function entryForMatch(m: Matcher, match: RawMatch, licensed: ReadonlySet<number>): number {
  let short = -1;
  for (const form of match.forms) {
    const entry = m.formEntry[form];
    if (!isShortHere(m, match, form)) return entry;
    if (!licensed.has(entry) || entry === short) continue;
    if (short >= 0) return -1;
    short = entry;
  }
  return short;
}

/**
 * Resolves one block's matches into mentions: leftmost-longest spans win, spans inside a
 * winner become its nested entries, spans that only partly overlap a winner are dropped.
 * `include` filters entries (disabled categories). Entries for which `nests` is false (people:
 * the parts of a name are not mentions of other things) list nothing inside them, and their
 * span hides its parts even when they are switched off, so turning People off does not make
 * "Meng Wanzhou" a mention of the city of Wanzhou.
 */
export function resolveBlock(
  m: Matcher,
  matches: readonly RawMatch[],
  licensed: ReadonlySet<number>,
  include: (entry: number) => boolean,
  nests: (entry: number) => boolean = () => true,
): ResolvedMention[] {
  const candidates: { start: number; end: number; entry: number }[] = [];
  for (const match of matches) {
    const entry = entryForMatch(m, match, licensed);
    // A switched-off entry leaves the field to what lies inside it ("United Nations" in a
    // switched-off summit's name), except a name: its span still hides its parts.
    if (entry >= 0 && (include(entry) || !nests(entry))) candidates.push({ start: match.start, end: match.end, entry });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ResolvedMention[] = [];
  let last: ResolvedMention | undefined;
  for (const c of candidates) {
    if (last && c.start < last.end) {
      if (
        c.end <= last.end &&
        c.entry !== last.entry &&
        !last.nested.includes(c.entry) &&
        include(c.entry) &&
        nests(last.entry)
      )
        last.nested.push(c.entry);
      continue;
    }
    last = { start: c.start, end: c.end, entry: c.entry, nested: [] };
    out.push(last);
  }
  return out.filter((r) => include(r.entry));
}
