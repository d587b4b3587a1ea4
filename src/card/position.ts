/** Where to put the card: beside the mention, flipped and shifted to stay inside the viewport. */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  side: "below" | "above";
  /** Set when the card is taller than the room on either side: it scrolls within this height. */
  maxHeight?: number;
}

const GAP = 6;
const MARGIN = 8;
/** Below this much room, a card shortened to fit is no use: it covers the mention instead. */
const MIN_ROOM = 160;

export function placeCard(
  anchor: Rect,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  /** Right-to-left text: the card lines up with the mention's right edge, where it starts. */
  rtl = false,
): Placement {
  const below = viewport.height - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const side = card.height <= below || below >= above ? "below" : "above";
  const start = rtl ? anchor.right - card.width : anchor.left;
  const left = Math.round(clamp(start, MARGIN, viewport.width - card.width - MARGIN));
  const room = side === "below" ? below : above;
  if (card.height > room && room >= MIN_ROOM) {
    // Fits on neither side: shortened to the larger room (it scrolls), so the mention stays in view.
    const maxHeight = Math.floor(Math.min(room, viewport.height - 2 * MARGIN));
    const top = clamp(
      side === "below" ? anchor.bottom + GAP : anchor.top - GAP - maxHeight,
      MARGIN,
      viewport.height - maxHeight - MARGIN,
    );
    return { left, top: Math.round(top), side, maxHeight };
  }
  let top = side === "below" ? anchor.bottom + GAP : anchor.top - GAP - card.height;
  top = clamp(top, MARGIN, viewport.height - card.height - MARGIN);
  return { left, top: Math.round(top), side };
}

function clamp(value: number, min: number, max: number): number {
  // When the card is larger than the room, pin it to the start edge.
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
