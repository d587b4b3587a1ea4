import { Licensing, licensedEntries, type ResolvedMention, resolveBlock } from "../matcher/resolve.ts";
import { isShortHere, type RawMatch, scanText } from "../matcher/scan.ts";
import type { Matcher } from "../matcher/types.ts";
import type { MarkMode } from "../shared/settings.ts";
import type { ArticleRegion } from "./article-region.ts";
import { BlockMention } from "./block-mention.ts";
import { boilerplateSpans, isCreditText } from "./credits.ts";
import type { Marker, Mention } from "./mention.ts";
import { type TextBlock, TextBlockReader } from "./text-blocks.ts";

/** A block read from the page, its matches, and the mentions last resolved from them. */
interface BlockState {
  block: TextBlock;
  matches: RawMatch[];
  hasShortForm: boolean;
  /** A byline or credit line: only entries allowed in credits (not people) are marked. */
  credit: boolean;
  /** In the page's article region (undefined: not yet asked, or the region changed). */
  inArticle?: boolean;
  mentions: Mention[];
}

/** Which mentions are underlined; every mention is explained on hover whatever this says. */
export interface MarkPolicy {
  mode: MarkMode;
  /** Entries the reader knows: never underlined. */
  known: (entry: number) => boolean;
  /** Household names the reader did not ask to see underlined: never underlined. */
  quiet?: (entry: number) => boolean;
}

/**
 * The most page text Backstory holds for one page, in UTF-16 units (10 million: a thousand
 * long articles). Past it, the rest of the page is not read, and the popup says so: a page
 * that never stops growing cannot make the reader's browser keep every string it ever showed.
 */
export const PAGE_TEXT_LIMIT = 10_000_000;

/** Texts longer than this are scanned in chunks, so one huge text node cannot make a long task. */
export const SCAN_CHUNK = 32_768;

/**
 * Finds mentions in a page and hands them to a marker. Reading and scanning (the costly
 * parts) are incremental — blocks are added as they are read and removed when the page drops
 * them — while resolving is cheap and redone wherever a block or its licensing changed, so a
 * settings change re-marks without re-reading the page.
 */
export class Annotator {
  /** Keyed by a block's first text node: a block read twice (a rescan racing a full pass) replaces itself. */
  private blocks = new Map<Text, BlockState>();
  /** Entries with a full form on the page, and those they license through `context`. */
  private licensing: Licensing;
  /** The same, counting only full forms in the article region (when the page has one). */
  private articleLicensing: Licensing;
  private licensingChanged = false;
  /** Mentions of blocks dropped since the last refresh: their marks go at the next one. */
  private dropped: Mention[] = [];
  /** Blocks to resolve at the next refresh, and those whose short forms follow licensing. */
  private unresolved = new Set<BlockState>();
  private shortFormBlocks = new Set<BlockState>();
  private include: (entry: number) => boolean = () => true;
  /** The page's mentions of each entry, for the first-mention mode and the popup's list. */
  private byEntry = new Map<number, Mention[]>();
  private policy: MarkPolicy = { mode: "all", known: () => false };
  /** The page's article: only mentions in it are underlined (null: no clear article, all are). */
  private region: ArticleRegion | null = null;
  private inRegion = new WeakMap<Mention, boolean>();
  private policyChanged = false;
  /** Units of text in the blocks held; see PAGE_TEXT_LIMIT. */
  private textHeld = 0;
  /** A block was left out because the page's text passed the limit (for the popup: sticky). */
  truncated = false;
  /** No room for more text now; room comes back when blocks leave the page. */
  full = false;
  /** The limit (PAGE_TEXT_LIMIT; tests set a small one). */
  textLimit = PAGE_TEXT_LIMIT;

  constructor(
    private matcher: Matcher,
    private marker: Marker,
    private isOwn: (el: Element) => boolean,
    /** Entries that may be marked in a byline or credit line ("Taipei" yes, a reporter's surname no). */
    private allowedInCredits: (entry: number) => boolean = () => false,
    /** Entries whose span lists the entries inside it on its card (not a person's name). */
    private nests: (entry: number) => boolean = () => true,
  ) {
    this.licensing = new Licensing(matcher);
    this.articleLicensing = new Licensing(matcher);
  }

  /** Reads the page's text under `root` at once and marks what `include` lets through. */
  scan(root: Node, include: (entry: number) => boolean): void {
    this.reset();
    this.include = include;
    this.addBlocks(new TextBlockReader(root, this.isOwn).read());
    this.refresh();
  }

  private includeInCredits = (entry: number): boolean => this.include(entry) && this.allowedInCredits(entry);

  /** Forgets every block and mark; `include` filters what is marked from now on. */
  reset(include = this.include): void {
    this.include = include;
    this.blocks.clear();
    this.unresolved.clear();
    this.shortFormBlocks.clear();
    this.byEntry.clear();
    this.textHeld = 0;
    this.truncated = false;
    this.full = false;
    this.dropped = [];
    this.licensing.clear();
    this.articleLicensing.clear();
    this.marker.clear();
  }

  /** Scans newly read blocks (not yet marked: call refresh). */
  addBlocks(blocks: readonly TextBlock[]): void {
    for (const block of blocks) this.addBlock(block, this.scanBlock(block.text));
  }

  /** Scans the part of a block's text where matches start in [from, to), in chunks. */
  scanBlock(text: string, out: RawMatch[] = [], from = 0, to = text.length): RawMatch[] {
    for (let at = from; at < to; at += SCAN_CHUNK) scanText(this.matcher, text, out, at, Math.min(to, at + SCAN_CHUNK));
    return out;
  }

  addBlock(block: TextBlock, found: RawMatch[]): void {
    const old = this.blocks.get(block.nodes[0]);
    const held = this.textHeld - (old?.block.text.length ?? 0) + block.text.length;
    if (held > this.textLimit) {
      this.truncated = true;
      this.full = true;
      return;
    }
    this.textHeld = held;
    // A legal footer's names are not news: they neither show nor license anything.
    const legal = found.length ? boilerplateSpans(block) : [];
    const matches = legal.length
      ? found.filter((m) => !legal.some(([from, to]) => m.start < to && m.end > from))
      : found;
    if (this.licensing.add(matches)) this.licensingChanged = true;
    const hasShortForm = matches.some((match) => match.forms.some((form) => isShortHere(this.matcher, match, form)));
    const first = block.nodes[0];
    if (old) {
      // Read again: its old mentions are compared with the new ones at the next refresh.
      this.blocks.delete(first);
      this.shortFormBlocks.delete(old);
      this.unresolved.delete(old);
    }
    const credit = matches.length > 0 && isCreditText(block.text);
    const state: BlockState = { block, matches, hasShortForm, credit, mentions: old?.mentions ?? [] };
    if (matches.length && this.inArticle(state) && this.articleLicensing.add(matches)) this.licensingChanged = true;
    this.blocks.set(first, state);
    this.unresolved.add(state);
    if (hasShortForm) this.shortFormBlocks.add(state);
  }

  /**
   * Drops blocks whose text left the page or lies under one of `roots` (about to be read
   * again). Licensing is recomputed: a full form that left may no longer license a short one.
   */
  removeBlocks(roots: readonly Node[]): void {
    let removed = false;
    for (const [first, state] of this.blocks) {
      if (first.isConnected && !roots.some((r) => r.contains(first))) continue;
      this.blocks.delete(first);
      this.textHeld -= state.block.text.length;
      this.full = false; // room again: changed parts of the page are read again
      this.unresolved.delete(state);
      this.shortFormBlocks.delete(state);
      for (const m of state.mentions) this.dropped.push(m);
      removed ||= state.matches.length > 0;
    }
    if (!removed) return;
    this.relicense();
  }

  /** Recomputes licensing from every block held (a block left, or the article region changed). */
  private relicense(): void {
    this.licensing.clear();
    this.articleLicensing.clear();
    for (const state of this.blocks.values()) {
      this.licensing.add(state.matches);
      if (state.matches.length && this.inArticle(state)) this.articleLicensing.add(state.matches);
    }
    this.licensingChanged = true;
  }

  /** Re-marks with a new filter (categories switched on or off), without re-reading the page. */
  mark(include: (entry: number) => boolean): void {
    this.include = include;
    for (const state of this.blocks.values()) this.unresolved.add(state);
    this.refresh();
  }

  /** Changes which mentions are underlined (mode, known entries) without resolving anything again. */
  setPolicy(policy: MarkPolicy): void {
    this.policy = policy;
    this.policyChanged = true;
    this.refresh();
  }

  /** Sets the page's article region; underlines follow it from now on. */
  setRegion(region: ArticleRegion | null): void {
    if (region === this.region) return;
    this.region = region;
    this.inRegion = new WeakMap();
    this.policyChanged = true;
    // Short forms are licensed per region (see licensedFor): license and resolve again.
    for (const state of this.blocks.values()) state.inArticle = undefined;
    this.relicense();
    this.refresh();
  }

  get articleRegion(): ArticleRegion | null {
    return this.region;
  }

  /** Whether a block lies in the article region (asked once per block and region). */
  private inArticle(state: BlockState): boolean {
    state.inArticle ??= this.region?.underlines(state.block.nodes[0]) ?? false;
    return state.inArticle;
  }

  /**
   * The entries whose short forms a block may use: a licence holds near its full form. On a
   * page without a clear article, any full form on the page licenses them; in the article, a
   * full form in the article does; around it — a sidebar headline, a related link — only a
   * full form in the same block. "President Bill Clinton" in the article must not make a
   * sidebar's "Clinton's emails" his, nor the sidebar's Hillary Clinton the article's "Clinton".
   */
  private licensedFor(state: BlockState): ReadonlySet<number> {
    if (!this.region || !state.hasShortForm) return this.licensing.licensed;
    return this.inArticle(state) ? this.articleLicensing.licensed : licensedEntries(this.matcher, [state.matches]);
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

  /** Resolves what changed (new blocks, blocks whose short forms' licensing changed) and marks. */
  refresh(): void {
    const added: Mention[] = [];
    const removed = this.dropped;
    this.dropped = [];
    if (this.licensingChanged) for (const state of this.shortFormBlocks) this.unresolved.add(state);
    for (const state of this.unresolved) {
      const before = state.mentions;
      // Most blocks match nothing: no resolution, no allocation.
      if (!state.matches.length && !before.length) continue;
      const include = state.credit ? this.includeInCredits : this.include;
      state.mentions = this.toMentions(
        state,
        resolveBlock(this.matcher, state.matches, this.licensedFor(state), include, this.nests),
      );
      const kept = new Set(state.mentions);
      for (const m of before) if (!kept.has(m)) removed.push(m);
      const had = new Set(before);
      for (const m of state.mentions) if (!had.has(m)) added.push(m);
    }
    this.unresolved.clear();
    this.licensingChanged = false;
    const restyled = this.applyPolicy(added, removed);
    if (added.length || removed.length || restyled.length) this.marker.update(added, removed, restyled);
  }

  /**
   * Sets `marked` on the mentions of every entry that gained or lost one (or of all entries,
   * after a policy change); returns the mentions already shown whose `marked` changed.
   */
  private applyPolicy(added: readonly Mention[], removed: readonly Mention[]): Mention[] {
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

  /** Every mention, in document order (keyboard navigation). */
  mentionsInOrder(): Mention[] {
    return this.mentions.sort(compareInDocument);
  }

  /** Mentions for a block's resolution, reusing the previous objects where nothing changed. */
  private toMentions(state: BlockState, resolved: ResolvedMention[]): Mention[] {
    const previous = new Map(state.mentions.map((m) => [`${m.start}:${m.end}:${m.entry}:${m.nested}`, m]));
    const { block } = state;
    return resolved.map(
      (r) =>
        previous.get(`${r.start}:${r.end}:${r.entry}:${r.nested}`) ??
        new BlockMention(block, r.entry, r.nested, r.start, r.end),
    );
  }

  clear(): void {
    this.reset();
  }

  get mentions(): Mention[] {
    return [...this.blocks.values()].flatMap((s) => s.mentions);
  }

  /** Mentions of each entry on the page, whatever the filter (for the popup's counts). */
  countByEntry(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const state of this.blocks.values()) {
      for (const r of resolveBlock(this.matcher, state.matches, this.licensedFor(state), () => true, this.nests)) {
        counts.set(r.entry, (counts.get(r.entry) ?? 0) + 1);
      }
    }
    return counts;
  }
}

/**
 * Document order of two mentions (mentions in different trees, such as a shadow root, compare
 * as equal). By their text nodes, not their ranges, which are made only when needed.
 */
function compareInDocument(a: Mention, b: Mention): number {
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
