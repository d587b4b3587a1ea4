import { describe, expect, it } from "vitest";
import { prng } from "../../scripts/lib/prng.ts";
import { placeCard, type Rect } from "../../src/card/position.ts";

// The card's distance from the mention and from the viewport's edges (src/card/position.ts).
const GAP = 6;
const MARGIN = 8;

const viewport = { width: 1000, height: 800 };
const card = { width: 320, height: 200 };

const anchor = (left: number, top: number, width = 80, height = 20): Rect => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe("placeCard", () => {
  it("puts the card below the mention, aligned with its left edge, when there is room", () => {
    expect(placeCard(anchor(100, 100), card, viewport)).toEqual({ left: 100, top: 120 + GAP, side: "below" });
  });

  it("stays below when the card just fits", () => {
    const a = anchor(100, viewport.height - MARGIN - GAP - card.height - 20);
    const p = placeCard(a, card, viewport);
    expect(p.side).toBe("below");
    expect(p.top + card.height).toBe(viewport.height - MARGIN);
  });

  it("flips above the mention near the bottom edge", () => {
    const a = anchor(100, 700);
    expect(placeCard(a, card, viewport)).toEqual({ left: 100, top: 700 - GAP - card.height, side: "above" });
  });

  it("stays below when neither side has room but below has more", () => {
    const tall = { width: 320, height: 500 };
    const p = placeCard(anchor(100, 300), tall, viewport);
    expect(p.side).toBe("below");
    // Shifted up to stay inside the viewport.
    expect(p.top).toBe(viewport.height - MARGIN - tall.height);
  });

  it("shifts left near the right edge", () => {
    const p = placeCard(anchor(900, 100), card, viewport);
    expect(p.left).toBe(viewport.width - MARGIN - card.width);
    expect(p.side).toBe("below");
  });

  it("keeps the margin at the left edge", () => {
    expect(placeCard(anchor(2, 100), card, viewport).left).toBe(MARGIN);
    expect(placeCard(anchor(-50, 100), card, viewport).left).toBe(MARGIN);
  });

  it("returns whole pixels", () => {
    const p = placeCard({ left: 100.4, top: 100.2, right: 180.4, bottom: 120.7 }, card, viewport);
    expect(Number.isInteger(p.left)).toBe(true);
    expect(Number.isInteger(p.top)).toBe(true);
  });

  it("never places a card that fits outside the viewport's margins", () => {
    const random = prng(20250601);
    for (let i = 0; i < 2000; i++) {
      const vp = { width: 200 + Math.floor(random() * 1800), height: 200 + Math.floor(random() * 1200) };
      const c = {
        width: 50 + Math.floor(random() * (vp.width - 2 * MARGIN - 50)),
        height: 30 + Math.floor(random() * (vp.height - 2 * MARGIN - 30)),
      };
      // Anchors anywhere in (and a little beyond) the viewport, as a mention scrolled partly away.
      const left = Math.floor(random() * (vp.width + 200)) - 100;
      const top = Math.floor(random() * (vp.height + 200)) - 100;
      const a = anchor(left, top, 1 + Math.floor(random() * 300), 10 + Math.floor(random() * 40));
      const p = placeCard(a, c, vp);
      const where = JSON.stringify({ a, c, vp, p });
      expect(p.left, where).toBeGreaterThanOrEqual(MARGIN);
      expect(p.top, where).toBeGreaterThanOrEqual(MARGIN);
      expect(p.left + c.width, where).toBeLessThanOrEqual(vp.width - MARGIN);
      expect(p.top + c.height, where).toBeLessThanOrEqual(vp.height - MARGIN);
      // Never covers the mention when one side has room for the card.
      const roomBelow = vp.height - a.bottom - GAP - MARGIN;
      const roomAbove = a.top - GAP - MARGIN;
      if (a.top >= 0 && a.bottom <= vp.height && (c.height <= roomBelow || c.height <= roomAbove)) {
        const clear = p.top >= a.bottom + GAP || p.top + c.height <= a.top - GAP;
        expect(clear, where).toBe(true);
      }
    }
  });

  it("pins to the start edges when the card is larger than the viewport", () => {
    const huge = { width: 1200, height: 900 };
    for (const a of [anchor(10, 10), anchor(500, 400), anchor(950, 780)]) {
      const p = placeCard(a, huge, viewport);
      expect({ left: p.left, top: p.top }).toEqual({ left: MARGIN, top: MARGIN });
    }
  });

  it("pins to the left edge when only the width does not fit", () => {
    const wide = { width: 990, height: 100 };
    const p = placeCard(anchor(600, 100), wide, viewport);
    expect(p).toEqual({ left: MARGIN, top: 120 + GAP, side: "below" });
  });
});
