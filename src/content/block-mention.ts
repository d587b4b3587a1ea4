import type { Mention } from "./mention.ts";
import { nodeIndexAt, type TextBlock } from "./text-blocks.ts";

/**
 * A mention the annotator found in a block of text. Its DOM Range is made at its first use:
 * most mentions are never underlined, hovered or navigated to, and a live Range costs its
 * making (traced: a few ms a page) and then the page at every later change of its DOM.
 */
export class BlockMention implements Mention {
  marked = false;
  readonly nodes: readonly Text[];
  private made: Range | null = null;
  private readonly first: number;
  private readonly last: number;

  constructor(
    private readonly block: TextBlock,
    readonly entry: number,
    readonly nested: number[],
    readonly start: number,
    readonly end: number,
  ) {
    this.first = nodeIndexAt(block, start, false);
    this.last = nodeIndexAt(block, end, true);
    this.nodes = block.nodes.slice(this.first, this.last + 1);
  }

  /** The page text that matched, as written. */
  get text(): string {
    return this.block.text.slice(this.start, this.end);
  }

  get range(): Range {
    if (!this.made) {
      const { starts, nodes } = this.block;
      const first = nodes[this.first];
      const last = nodes[this.last];
      const range = (first.ownerDocument as Document).createRange();
      // Clamped: a text changed since it was read keeps a valid range until it is read again.
      range.setStart(first, Math.min(this.start - starts[this.first], first.length));
      range.setEnd(last, Math.min(this.end - starts[this.last], last.length));
      this.made = range;
    }
    return this.made;
  }
}
