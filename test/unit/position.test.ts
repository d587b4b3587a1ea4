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

  it("stays below when neither side has room but below has more, shortened to that room", () => {
    const tall = { width: 320, height: 500 };
    const p = placeCard(anchor(100, 300), tall, viewport);
    expect(p.side).toBe("below");
    expect(p.top).toBe(320 + GAP);
    expect(p.maxHeight).toBe(viewport.height - 320 - GAP - MARGIN);
  });

  it("lines up with the mention's right edge in right-to-left text, shifted inside the viewport", () => {
    const a = anchor(600, 100); // 600-680 wide
    expect(placeCard(a, card, viewport, true).left).toBe(680 - card.width);
    expect(placeCard(anchor(20, 100), card, viewport, true).left).toBe(MARGIN);
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
      const height = p.maxHeight ?? c.height;
      expect(p.left, where).toBeGreaterThanOrEqual(MARGIN);
      expect(p.top, where).toBeGreaterThanOrEqual(MARGIN);
      expect(p.left + c.width, where).toBeLessThanOrEqual(vp.width - MARGIN);
      expect(p.top + height, where).toBeLessThanOrEqual(vp.height - MARGIN);
      // Never covers the mention when one side has room for the card.
      const roomBelow = vp.height - a.bottom - GAP - MARGIN;
      const roomAbove = a.top - GAP - MARGIN;
      if (a.top >= 0 && a.bottom <= vp.height && (c.height <= roomBelow || c.height <= roomAbove || p.maxHeight)) {
        const clear = p.top >= a.bottom + GAP || p.top + height <= a.top - GAP;
        expect(clear, where).toBe(true);
      }
    }
  });

  it("shortens a card that fits on neither side to the larger room, clear of the mention", () => {
    const tall = { width: 340, height: 600 };
    const mid = anchor(100, 400); // 400-420 in an 800-high viewport: about 380 above and below
    const p = placeCard(mid, tall, viewport);
    expect(p.maxHeight).toBeDefined();
    const height = p.maxHeight ?? 0;
    const clear = p.top >= mid.bottom + GAP || p.top + height <= mid.top - GAP;
    expect(clear).toBe(true);
    expect(p.top).toBeGreaterThanOrEqual(MARGIN);
    expect(p.top + height).toBeLessThanOrEqual(viewport.height - MARGIN);
    // With too little room on both sides, it is shifted into view instead (and may cover the line).
    expect(
      placeCard(anchor(100, 60), { width: 340, height: 900 }, { width: 1000, height: 240 }).maxHeight,
    ).toBeUndefined();
  });

  it("pins to the start edge when the card is wider than the viewport, and shortens it beside the mention", () => {
    const huge = { width: 1200, height: 900 };
    for (const a of [anchor(10, 10), anchor(500, 400), anchor(950, 780)]) {
      const p = placeCard(a, huge, viewport);
      expect(p.left).toBe(MARGIN);
      const height = p.maxHeight ?? huge.height;
      expect(p.top >= a.bottom + GAP || p.top + height <= a.top - GAP).toBe(true);
    }
  });

  it("pins to the left edge when only the width does not fit", () => {
    const wide = { width: 990, height: 100 };
    const p = placeCard(anchor(600, 100), wide, viewport);
    expect(p).toEqual({ left: MARGIN, top: 120 + GAP, side: "below" });
  });
});
