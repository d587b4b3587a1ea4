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
}

const GAP = 6;
const MARGIN = 8;

export function placeCard(
  anchor: Rect,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const below = viewport.height - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const side = card.height <= below || below >= above ? "below" : "above";
  let top = side === "below" ? anchor.bottom + GAP : anchor.top - GAP - card.height;
  top = clamp(top, MARGIN, viewport.height - card.height - MARGIN);
  const left = clamp(anchor.left, MARGIN, viewport.width - card.width - MARGIN);
  return { left: Math.round(left), top: Math.round(top), side };
}

function clamp(value: number, min: number, max: number): number {
  // When the card is larger than the room, pin it to the start edge.
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
