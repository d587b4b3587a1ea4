import type { MarkStyle } from "../shared/settings.ts";

/** A mention on the page: where it is and which glossary entries it stands for. */
export interface Mention {
  /** Its place in the DOM (made at first use where the mention was found by the annotator). */
  readonly range: Range;
  /** The text nodes it covers, in order: usually one ("<b>Meng</b> Wanzhou" has two). */
  readonly nodes: readonly Text[];
  /** Matcher entry index. */
  entry: number;
  /** Entries matched inside this mention's span, shown on its card too. */
  nested: number[];
  /** The page text that matched, as written. */
  text: string;
  /** Offsets in the text block it was found in. */
  start: number;
  end: number;
  /** Underlined (see the mode and "I know this"); every mention is explained on hover either way. */
  marked: boolean;
}

/** A point on screen and what the page reports under it. */
export interface PointerPoint {
  x: number;
  y: number;
  target: EventTarget | null;
}

/**
 * How mentions are shown and found again under the pointer. Two implementations: the CSS
 * Custom Highlight API (the page's DOM is never touched) and wrapping in elements (only where
 * that API is missing). The content script and its tests use only this interface.
 */
export interface Marker {
  /** Replaces the mentions known with these (underlined where `marked`). */
  render(mentions: readonly Mention[]): void;
  /**
   * Adds and removes mentions (a slice's worth of change; cheaper than render on a big
   * page), and shows or hides the underline of `restyled` ones, whose `marked` changed.
   */
  update(added: readonly Mention[], removed: readonly Mention[], restyled?: readonly Mention[]): void;
  /** How marked mentions look. */
  setStyle(style: MarkStyle): void;
  /** The mention under a point, if any. */
  mentionAt(point: PointerPoint): Mention | null;
  /** The mention a focused element stands for, if any (keyboard access). */
  mentionForFocus(el: Element): Mention | null;
  /** Removes every mark. */
  clear(): void;
}

/** The highlight name: prefixed so no page would pick the same. */
export const MARK_NAME = "backstory-mention";

/** The highlight name of each mark style (a stylesheet cannot vary one highlight's look). */
export function markName(style: MarkStyle): string {
  return style === "dotted" ? MARK_NAME : `${MARK_NAME}-${style}`;
}

/** Whether (x, y) lies on one of the range's line boxes (caret APIs also answer for points beside text). */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/** Mentions whose range lies inside the element (a focused link that is itself a mention). */
export function mentionInside(mentions: Iterable<Mention>, el: Element): Mention | null {
  for (const m of mentions) {
    if (el.contains(m.nodes[0]) && el.contains(m.nodes[m.nodes.length - 1])) return m;
  }
  return null;
}
