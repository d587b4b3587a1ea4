import { licensedEntries, resolveBlock } from "../matcher/resolve.ts";
import { type RawMatch, scanText } from "../matcher/scan.ts";
import type { Matcher } from "../matcher/types.ts";
import type { Marker, Mention } from "./mention.ts";
import { collectTextBlocks, pointAt, type TextBlock } from "./text-blocks.ts";

interface ScannedBlock {
  block: TextBlock;
  matches: RawMatch[];
}

/**
 * Finds mentions in a page and hands them to a marker. Scanning (the costly part) is kept
 * apart from resolving (cheap), so a settings change re-resolves without re-reading the page.
 */
export class Annotator {
  private scanned: ScannedBlock[] = [];
  private root: Node | null = null;
  private licensed = new Set<number>();
  private current: Mention[] = [];

  constructor(
    private matcher: Matcher,
    private marker: Marker,
    private isOwn: (el: Element) => boolean,
  ) {}

  /** Reads the page's text under `root` and marks what `include` lets through. */
  scan(root: Node, include: (entry: number) => boolean): void {
    this.root = root;
    this.read();
    this.mark(include);
  }

  private read(): void {
    this.marker.clear();
    if (!this.root) return;
    this.scanned = collectTextBlocks(this.root, this.isOwn).map((block) => ({
      block,
      matches: scanText(this.matcher, block.text),
    }));
    this.licensed = licensedEntries(
      this.matcher,
      this.scanned.map((s) => s.matches),
    );
  }

  /** Re-marks from the last scan with a new filter (categories switched on or off). */
  mark(include: (entry: number) => boolean): void {
    // A marker that wraps text has split the text nodes the last scan recorded; unwrapping
    // leaves them split, so the scan must be read again (the text itself is unchanged).
    if (this.marker.mutatesDom && this.current.length) this.read();
    const mentions: Mention[] = [];
    for (const { block, matches } of this.scanned) {
      for (const r of resolveBlock(this.matcher, matches, this.licensed, include)) {
        const start = pointAt(block, r.start, false);
        const end = pointAt(block, r.end, true);
        const range = block.nodes[0].ownerDocument.createRange();
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
        mentions.push({ range, entry: r.entry, nested: r.nested, text: block.text.slice(r.start, r.end) });
      }
    }
    this.current = mentions;
    this.marker.render(mentions);
  }

  clear(): void {
    this.current = [];
    this.marker.clear();
  }

  get mentions(): readonly Mention[] {
    return this.current;
  }

  /** Mentions of each entry on the page, whatever the filter (for the popup's counts). */
  countByEntry(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const { matches } of this.scanned) {
      for (const r of resolveBlock(this.matcher, matches, this.licensed, () => true)) {
        counts.set(r.entry, (counts.get(r.entry) ?? 0) + 1);
      }
    }
    return counts;
  }
}
