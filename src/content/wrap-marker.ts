import type { MarkStyle } from "../shared/settings.ts";
import { MARK_TAG, type Marker, type Mention, mentionInside, type PointerPoint } from "./mention.ts";

/**
 * Fallback where CSS.highlights is missing: wraps each mention's text in <backstory-mark>
 * elements. This does change the page's DOM, so it is used only when nothing better exists.
 * Every mention is wrapped (hover finds it by its element); only `marked` ones are styled.
 */
export class WrapMarker implements Marker {
  readonly mutatesDom = true;
  private marks = new Map<Element, Mention>();
  private mentions: readonly Mention[] = [];
  private style: MarkStyle = "dotted";

  constructor(private doc: Document) {}

  render(mentions: readonly Mention[]): void {
    this.clear();
    this.mentions = mentions;
    // Last first: splitting a text node then never moves a range still to be wrapped.
    for (let i = mentions.length - 1; i >= 0; i--) this.wrap(mentions[i]);
  }

  private wrap(mention: Mention): void {
    const { range } = mention;
    const segments: { node: Text; start: number; end: number }[] = [];
    const walker = this.doc.createTreeWalker(range.commonAncestorContainer, 0x4 /* SHOW_TEXT */);
    walker.currentNode = range.startContainer;
    for (let node: Node | null = range.startContainer; node; node = walker.nextNode()) {
      if (node.nodeType === 3 && range.intersectsNode(node)) {
        const text = node as Text;
        const start = node === range.startContainer ? range.startOffset : 0;
        const end = node === range.endContainer ? range.endOffset : text.length;
        if (end > start) segments.push({ node: text, start, end });
      }
      if (node === range.endContainer) break;
    }
    for (let s = segments.length - 1; s >= 0; s--) {
      const { node, start, end } = segments[s];
      const target = start > 0 ? node.splitText(start) : node;
      if (end - start < target.length) target.splitText(end - start);
      const mark = this.doc.createElement(MARK_TAG);
      // Only the first piece of a marked mention takes keyboard focus; the rest are the same mention.
      if (mention.marked) {
        mark.dataset.marked = this.style;
        if (s === 0) mark.setAttribute("tabindex", "0");
      }
      target.replaceWith(mark);
      mark.append(target);
      this.marks.set(mark, mention);
      if (s === 0) mention.range.setStartBefore(mark);
      if (s === segments.length - 1) mention.range.setEndAfter(mark);
    }
  }

  update(added: readonly Mention[], removed: readonly Mention[], restyled: readonly Mention[] = []): void {
    if (!added.length && !removed.length && !restyled.length) return;
    const gone = new Set(removed);
    this.render([...this.mentions.filter((m) => !gone.has(m)), ...added]);
  }

  setStyle(style: MarkStyle): void {
    this.style = style;
    for (const mark of this.marks.keys()) if (mark.hasAttribute("data-marked")) mark.setAttribute("data-marked", style);
  }

  mentionAt({ target }: PointerPoint): Mention | null {
    const el = target instanceof Element ? target.closest(MARK_TAG) : null;
    return el ? (this.marks.get(el) ?? null) : null;
  }

  mentionForFocus(el: Element): Mention | null {
    return this.marks.get(el) ?? mentionInside(this.mentions, el);
  }

  clear(): void {
    for (const mark of this.marks.keys()) {
      if (mark.isConnected) mark.replaceWith(...mark.childNodes);
    }
    this.marks.clear();
    this.mentions = [];
  }
}
