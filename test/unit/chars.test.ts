import { describe, expect, it } from "vitest";
import { charClass, charClassByExpression, flagsOf, normalizeForm, normalizeUnit } from "../../src/matcher/chars.ts";

describe("character classes", () => {
  it("the fast path without expressions gives every code unit the class the expressions give", () => {
    const differ: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (charClass(unit) !== charClassByExpression(unit)) differ.push(unit.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it("tables created at first use answer the same on the second ask (0 is never a stored answer)", () => {
    for (const unit of [0, 0x20, 0x41, 0xad, 0x2019, 0x4e2d, 0xfeff]) {
      expect(normalizeUnit(unit)).toBe(normalizeUnit(unit));
      expect(flagsOf(unit)).toBe(flagsOf(unit));
    }
    expect(normalizeUnit(0xad)).toBe(-1); // soft hyphen: dropped
    expect(normalizeUnit(0)).toBe(0);
    expect(normalizeForm("\u00a0Xi\u2019s\u00ad  plan ")).toBe("Xi's plan");
  });
});
