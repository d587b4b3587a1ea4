import { Licensing, licensedEntries, type ResolvedMention, resolveBlock } from "../matcher/resolve.ts";
import { isShortHere, type RawMatch, scanText } from "../matcher/scan.ts";
import type { Matcher } from "../matcher/types.ts";
import type { ArticleRegion } from "./article-region.ts";
import { BlockMention } from "./block-mention.ts";
import { boilerplateSpans, isCreditText } from "./credits.ts";
import type { Marker, Mention } from "./mention.ts";
import { type TextBlock, TextBlockReader } from "./text-blocks.ts";
import { compareInDocument, type MarkPolicy, Underlines } from "./underlines.ts";

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
  /** Which mentions are underlined, and the page's mentions of each entry. */
  private underlines = new Underlines();
  /** The page's article: short forms are licensed per region, and only mentions in it are underlined. */
  private region: ArticleRegion | null = null;
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
    this.underlines.clear();
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
    this.underlines.setPolicy(policy);
    this.refresh();
  }

  /** Sets the page's article region; underlines follow it from now on. */
  setRegion(region: ArticleRegion | null): void {
    if (region === this.region) return;
    this.region = region;
    this.underlines.setRegion(region);
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
    const restyled = this.underlines.update(added, removed);
    if (added.length || removed.length || restyled.length) this.marker.update(added, removed, restyled);
  }

  /** The entries mentioned on the page, each with its mentions, in the order of their first mention. */
  entriesInOrder(): { entry: number; first: Mention; count: number }[] {
    return this.underlines.entriesInOrder();
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
