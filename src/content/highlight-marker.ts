import type { MarkStyle } from "../shared/settings.ts";
import {
  MARK_NAME,
  type Marker,
  type Mention,
  markName,
  mentionInside,
  type PointerPoint,
  rangeContainsPoint,
} from "./mention.ts";

/** The set-like part of a Highlight that we use. */
export interface HighlightLike {
  add(range: Range): unknown;
  delete(range: Range): unknown;
}

/** The parts of the CSS Custom Highlight API we use; jsdom tests pass a fake. */
export interface HighlightApi {
  registry: { get(name: string): unknown; set(name: string, value: unknown): unknown; delete(name: string): boolean };
  create(): HighlightLike;
  /** Caret position under a point (caretPositionFromPoint or caretRangeFromPoint). */
  caretAt(x: number, y: number): { node: Node; offset: number } | null;
}

/** The browser's own Highlight API, or null where it is missing. */
export function nativeHighlightApi(doc: Document): HighlightApi | null {
  const css = globalThis.CSS as (typeof CSS & { highlights?: HighlightApi["registry"] }) | undefined;
  const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => HighlightLike }).Highlight;
  if (!css?.highlights || !HighlightCtor) return null;
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  return {
    registry: css.highlights,
    create: () => new HighlightCtor(),
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

/**
 * Marks mentions through CSS.highlights: nothing in the page's DOM changes. Every mention is
 * indexed for hit-testing; only those `marked` are painted. Renders are diffs (ranges added
 * and removed), so marking a page a slice at a time costs no more than marking it at once.
 */
export class HighlightMarker implements Marker {
  readonly mutatesDom = false;
  private byNode = new Map<Node, Mention[]>();
  private all = new Set<Mention>();
  private painted = new Set<Mention>();
  private highlight: HighlightLike | null = null;
  private name = MARK_NAME;

  constructor(private api: HighlightApi) {}

  render(mentions: readonly Mention[]): void {
    const next = new Set(mentions);
    this.update(
      mentions.filter((m) => !this.all.has(m)),
      [...this.all].filter((m) => !next.has(m)),
      mentions.filter((m) => this.all.has(m) && m.marked !== this.painted.has(m)),
    );
  }

  update(added: readonly Mention[], removed: readonly Mention[], restyled: readonly Mention[] = []): void {
    if (!this.highlight) this.highlight = this.api.create();
    for (const m of removed) {
      if (!this.all.delete(m)) continue;
      this.paint(m, false);
      this.unindex(m);
    }
    for (const m of added) {
      if (this.all.has(m)) continue;
      this.all.add(m);
      this.index(m);
      if (m.marked) this.paint(m, true);
    }
    for (const m of restyled) if (this.all.has(m)) this.paint(m, m.marked);
    this.register();
  }

  setStyle(style: MarkStyle): void {
    const name = markName(style);
    if (name === this.name) return;
    if (this.api.registry.get(this.name) === this.highlight) this.api.registry.delete(this.name);
    this.name = name;
    this.register();
  }

  private paint(m: Mention, on: boolean): void {
    const highlight = this.highlight as HighlightLike;
    if (on && !this.painted.has(m)) {
      this.painted.add(m);
      highlight.add(m.range);
    } else if (!on && this.painted.delete(m)) {
      highlight.delete(m.range);
    }
  }

  /** The highlight is registered only while it paints something. */
  private register(): void {
    const registered = this.api.registry.get(this.name) === this.highlight;
    if (this.painted.size && !registered) this.api.registry.set(this.name, this.highlight);
    else if (!this.painted.size && registered) this.api.registry.delete(this.name);
  }

  private index(m: Mention): void {
    for (const node of new Set([m.range.startContainer, m.range.endContainer])) {
      const list = this.byNode.get(node);
      if (list) list.push(m);
      else this.byNode.set(node, [m]);
    }
  }

  private unindex(m: Mention): void {
    for (const node of new Set([m.range.startContainer, m.range.endContainer])) {
      const list = this.byNode.get(node)?.filter((x) => x !== m);
      if (list?.length) this.byNode.set(node, list);
      else this.byNode.delete(node);
    }
  }

  mentionAt({ x, y }: PointerPoint): Mention | null {
    const caret = this.api.caretAt(x, y);
    if (!caret) return null;
    // Middle nodes of a mention spanning three or more text nodes are not indexed: search.
    const candidates = this.byNode.get(caret.node) ?? [...this.all].filter((m) => m.range.intersectsNode(caret.node));
    for (const m of candidates) {
      if (m.range.isPointInRange(caret.node, caret.offset) && rangeContainsPoint(m.range, x, y)) return m;
    }
    return null;
  }

  mentionForFocus(el: Element): Mention | null {
    return mentionInside(this.all, el);
  }

  clear(): void {
    this.render([]);
  }
}
