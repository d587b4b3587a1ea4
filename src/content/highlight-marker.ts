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
  /** Runs `fn` after `ms` (setTimeout); without it, the registry is checked only when marks change or on hover. */
  schedule?(fn: () => void, ms: number): void;
}

/**
 * The registry is the page's too, and a page may clear it (CSS.highlights.clear(), a library
 * resetting its own find-in-page): our highlight is then put back, found missing at the next
 * slice, hover or check (every REGISTRY_CHECK_MS while something is painted). A page that
 * keeps clearing is not fought: each return that the page undoes before the highlight has
 * stayed RESTORE_WAIT_MS doubles the wait before the next (from RESTORE_WAIT_MS up to
 * MAX_RESTORE_WAIT_MS, so at most about one return a minute).
 */
export const REGISTRY_CHECK_MS = 2000;
const RESTORE_WAIT_MS = 1000;
export const MAX_RESTORE_WAIT_MS = 60_000;

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
    schedule: (fn, ms) => void setTimeout(fn, ms),
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
  private byNode = new Map<Node, Mention[]>();
  private all = new Set<Mention>();
  private painted = new Set<Mention>();
  private highlight: HighlightLike | null = null;
  private name = MARK_NAME;
  /** We registered the highlight and have not removed it: if it is missing, the page removed it. */
  private registered = false;
  private checkScheduled = false;
  private restoredAt = 0;
  private nextRestoreAt = 0;
  /** Returns in a row that the page undid quickly. */
  private undone = 0;

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
    this.registered = false;
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

  /** The highlight is registered only while it paints something (and put back if the page removed it). */
  private register(): void {
    const present = this.api.registry.get(this.name) === this.highlight;
    if (!this.painted.size) {
      if (present) this.api.registry.delete(this.name);
      this.registered = false;
      return;
    }
    if (present) {
      // It stayed a while after our last return: the page cleared once, not in a loop.
      if (this.undone && performance.now() - this.restoredAt >= RESTORE_WAIT_MS) this.undone = 0;
      return;
    }
    if (this.registered && !this.mayRestore()) return;
    this.api.registry.set(this.name, this.highlight);
    this.registered = true;
    this.scheduleCheck();
  }

  /** Whether a highlight the page removed may be put back now (see REGISTRY_CHECK_MS). */
  private mayRestore(): boolean {
    const now = performance.now();
    if (now < this.nextRestoreAt) return false;
    this.restoredAt = now;
    this.nextRestoreAt = now + Math.min(MAX_RESTORE_WAIT_MS, RESTORE_WAIT_MS * 2 ** this.undone);
    this.undone++;
    return true;
  }

  /** While something is painted, checks every few seconds that the highlight is still registered. */
  private scheduleCheck(): void {
    if (this.checkScheduled || !this.api.schedule) return;
    this.checkScheduled = true;
    this.api.schedule(() => {
      this.checkScheduled = false;
      if (!this.painted.size) return;
      this.register();
      this.scheduleCheck();
    }, REGISTRY_CHECK_MS);
  }

  private index(m: Mention): void {
    for (const node of m.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(m);
      else this.byNode.set(node, [m]);
    }
  }

  private unindex(m: Mention): void {
    for (const node of m.nodes) {
      const list = this.byNode.get(node)?.filter((x) => x !== m);
      if (list?.length) this.byNode.set(node, list);
      else this.byNode.delete(node);
    }
  }

  mentionAt({ x, y }: PointerPoint): Mention | null {
    if (this.painted.size) this.register(); // the reader is here: the cheapest moment to notice a cleared registry
    const caret = this.api.caretAt(x, y);
    if (!caret) return null;
    // Every text node of every mention is indexed: text that is no mention costs one lookup.
    const candidates = this.byNode.get(caret.node) ?? [];
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
    this.byNode.clear();
  }

  /** Text nodes indexed for hit-testing (tests check that dropped mentions leave none behind). */
  get indexedNodes(): number {
    return this.byNode.size;
  }
}
