import type { Mention } from "./mention.ts";

/**
 * The mention the keyboard commands go to: the one after (or before) the open card's, or, with
 * no card open, the first below the top of the viewport (the last above its bottom). Wraps
 * around the page. `list` is in document order.
 */
export function nextMention(
  list: readonly Mention[],
  current: Mention | null,
  direction: "next" | "previous",
  viewportHeight: number,
): Mention | null {
  if (!list.length) return null;
  const at = current ? indexOfMention(list, current) : -1;
  let i = at + (direction === "next" ? 1 : -1);
  if (at < 0) {
    const rects = list.map((m) => m.range.getBoundingClientRect());
    i =
      direction === "next"
        ? rects.findIndex((r) => r.top >= 0)
        : rects.findLastIndex((r) => r.bottom <= viewportHeight && r.bottom > 0);
    if (i < 0) i = direction === "next" ? 0 : list.length - 1;
  }
  return list[(i + list.length) % list.length];
}

/**
 * Where `current` is in `list`: the same object, or — when the page was read further since the
 * card opened and its mentions were made anew — the mention at the same place in the text.
 */
function indexOfMention(list: readonly Mention[], current: Mention): number {
  const same = list.indexOf(current);
  if (same >= 0) return same;
  const { startContainer, startOffset } = current.range;
  return list.findIndex((m) => m.range.startContainer === startContainer && m.range.startOffset === startOffset);
}

/** Scrolls a mention into view (instantly: the card is placed once it is where it stays); returns its box. */
export function scrollToMention(mention: Mention, win: Window | null): DOMRect {
  mention.range.startContainer.parentElement?.scrollIntoView({ block: "nearest", inline: "nearest" });
  const rect = mention.range.getBoundingClientRect();
  if (!win || (rect.top >= 0 && rect.bottom <= win.innerHeight)) return rect;
  win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: "instant" });
  return mention.range.getBoundingClientRect();
}
