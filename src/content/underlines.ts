import type { MarkMode } from "../shared/settings.ts";
import type { ArticleRegion } from "./article-region.ts";
import type { Mention } from "./mention.ts";

/** Which mentions are underlined; every mention is explained on hover whatever this says. */
export interface MarkPolicy {
  mode: MarkMode;
  /** Entries the reader knows: never underlined. */
  known: (entry: number) => boolean;
  /** Household names the reader did not ask to see underlined: never underlined. */
  quiet?: (entry: number) => boolean;
}

/**
 * Which of the page's mentions are underlined (`Mention.marked`): the reader's mode (every
 * mention, each entry's first, none), the entries they know, the household names, and the
 * page's article region (only mentions in it are underlined; "first" is the first there). Keeps
 * the page's mentions of each entry, which the popup's list and counts read too. The annotator
 * tells it which mentions came and went; it says which of those already shown changed.
 */
export class Underlines {
  /** The page's mentions of each entry. */
  private byEntry = new Map<number, Mention[]>();
  private policy: MarkPolicy = { mode: "all", known: () => false };
  private policyChanged = false;
  /** The page's article: only mentions in it are underlined (null: no clear article, all are). */
  private region: ArticleRegion | null = null;
  private inRegion = new WeakMap<Mention, boolean>();

  setPolicy(policy: MarkPolicy): void {
    this.policy = policy;
    this.policyChanged = true;
  }

  setRegion(region: ArticleRegion | null): void {
    this.region = region;
    this.inRegion = new WeakMap();
    this.policyChanged = true;
  }

  clear(): void {
    this.byEntry.clear();
  }

  /** Whether a mention may be underlined where it stands (in the article, or anywhere on a page without one). */
  private underlinable = (m: Mention): boolean => {
    if (!this.region) return true;
    let verdict = this.inRegion.get(m);
    if (verdict === undefined) {
      verdict = this.region.underlines(m.nodes[0]);
      this.inRegion.set(m, verdict);
    }
    return verdict;
  };

  /**
   * Sets `marked` on the mentions of every entry that gained or lost one (or of all entries,
   * after a policy or region change); returns the mentions already shown whose `marked` changed.
   */
  update(added: readonly Mention[], removed: readonly Mention[]): Mention[] {
    const dirty = new Set<number>();
    for (const m of removed) {
      const list = this.byEntry.get(m.entry);
      const i = list ? list.indexOf(m) : -1;
      if (i >= 0) list?.splice(i, 1);
      dirty.add(m.entry);
    }
    for (const m of added) {
      const list = this.byEntry.get(m.entry);
      if (list) list.push(m);
      else this.byEntry.set(m.entry, [m]);
      dirty.add(m.entry);
    }
    const { mode, known, quiet } = this.policy;
    const entries = this.policyChanged ? [...this.byEntry.keys()] : dirty;
    this.policyChanged = false;
    const fresh = new Set(added);
    const restyled: Mention[] = [];
    for (const entry of entries) {
      const list = this.byEntry.get(entry);
      if (!list?.length) {
        this.byEntry.delete(entry);
        continue;
      }
      const show = mode !== "none" && !known(entry) && !quiet?.(entry);
      // "First" is the first mention in the article's text, not in the menu above it.
      const eligible = show ? list.filter(this.underlinable) : [];
      const first = mode === "first" && eligible.length ? firstInDocument(eligible) : null;
      for (const m of list) {
        const marked = show && (mode === "all" ? this.underlinable(m) : m === first);
        if (m.marked === marked) continue;
        m.marked = marked;
        if (!fresh.has(m)) restyled.push(m);
      }
    }
    return restyled;
  }

  /** The entries mentioned on the page, each with its mentions, in the order of their first mention. */
  entriesInOrder(): { entry: number; first: Mention; count: number }[] {
    return [...this.byEntry]
      .filter(([, list]) => list.length)
      .map(([entry, list]) => ({ entry, first: firstInDocument(list), count: list.length }))
      .sort((a, b) => compareInDocument(a.first, b.first));
  }
}

/**
 * Document order of two mentions (mentions in different trees, such as a shadow root, compare
 * as equal). By their text nodes, not their ranges, which are made only when needed.
 */
export function compareInDocument(a: Mention, b: Mention): number {
  const x = a.nodes[0];
  const y = b.nodes[0];
  if (x === y) return a.start - b.start;
  const position = x.compareDocumentPosition(y);
  if (position & 1 /* DISCONNECTED */) return 0;
  return position & 4 /* FOLLOWING */ ? -1 : position & 2 /* PRECEDING */ ? 1 : 0;
}

function firstInDocument(list: readonly Mention[]): Mention {
  let first = list[0];
  for (let i = 1; i < list.length; i++) if (compareInDocument(list[i], first) < 0) first = list[i];
  return first;
}
