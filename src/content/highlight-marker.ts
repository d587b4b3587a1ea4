import {
  MARK_NAME,
  type Marker,
  type Mention,
  mentionInside,
  type PointerPoint,
  rangeContainsPoint,
} from "./mention.ts";

/** The parts of the CSS Custom Highlight API we use; jsdom tests pass a fake. */
export interface HighlightApi {
  registry: { set(name: string, value: unknown): unknown; delete(name: string): boolean };
  create(ranges: Range[]): unknown;
  /** Caret position under a point (caretPositionFromPoint or caretRangeFromPoint). */
  caretAt(x: number, y: number): { node: Node; offset: number } | null;
}

/** The browser's own Highlight API, or null where it is missing. */
export function nativeHighlightApi(doc: Document): HighlightApi | null {
  const css = globalThis.CSS as (typeof CSS & { highlights?: HighlightApi["registry"] }) | undefined;
  const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!css?.highlights || !HighlightCtor) return null;
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  return {
    registry: css.highlights,
    create: (ranges) => new HighlightCtor(...ranges),
    caretAt(x, y) {
      if (d.caretPositionFromPoint) {
        const p = d.caretPositionFromPoint(x, y);
        return p ? { node: p.offsetNode, offset: p.offset } : null;
      }
      const r = d.caretRangeFromPoint?.(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    },
  };
}

/** Marks mentions through CSS.highlights: nothing in the page's DOM changes. */
export class HighlightMarker implements Marker {
  readonly mutatesDom = false;
  private byNode = new Map<Node, Mention[]>();
  private mentions: readonly Mention[] = [];

  constructor(private api: HighlightApi) {}

  render(mentions: readonly Mention[]): void {
    this.mentions = mentions;
    this.byNode.clear();
    for (const m of mentions) {
      for (const node of [m.range.startContainer, m.range.endContainer]) {
        const list = this.byNode.get(node);
        if (!list) this.byNode.set(node, [m]);
        else if (list[list.length - 1] !== m) list.push(m);
      }
    }
    if (mentions.length) this.api.registry.set(MARK_NAME, this.api.create(mentions.map((m) => m.range)));
    else this.api.registry.delete(MARK_NAME);
  }

  mentionAt({ x, y }: PointerPoint): Mention | null {
    const caret = this.api.caretAt(x, y);
    if (!caret) return null;
    // A caret between two nodes of a multi-node mention lands on either node; check both ends.
    const candidates = this.byNode.get(caret.node) ?? this.mentionsAround(caret.node);
    for (const m of candidates) {
      if (m.range.isPointInRange(caret.node, caret.offset) && rangeContainsPoint(m.range, x, y)) return m;
    }
    return null;
  }

  /** Middle nodes of mentions spanning three or more text nodes are not indexed; search them. */
  private mentionsAround(node: Node): readonly Mention[] {
    return this.mentions.filter((m) => m.range.intersectsNode(node));
  }

  mentionForFocus(el: Element): Mention | null {
    return mentionInside(this.mentions, el);
  }

  clear(): void {
    this.render([]);
  }
}
