import { describe, expect, it } from "vitest";
import {
  charClass,
  charClassByExpression,
  F_HANGUL,
  flagsOf,
  lowerUnit,
  normalizeForm,
  normalizeUnit,
} from "../../src/matcher/chars.ts";

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

describe("lowerUnit", () => {
  it("lower-cases one code unit, in ASCII and beyond", () => {
    const lower = (s: string) => [...s].map((c) => String.fromCharCode(lowerUnit(c.charCodeAt(0)))).join("");
    expect(lower("AZaz@[ÉΣБé")).toBe("azaz@[éσбé");
  });

  it("leaves a capital whose lower case is longer than one unit as it is (İ is i and a dot)", () => {
    expect(lowerUnit(0x130)).toBe(0x130);
  });
});

describe("character tables, asked twice", () => {
  it("charClass answers the same on the second ask, for every class", () => {
    const units = [0x2c, 0x41, 0x4e2d, 0x0e01, 0x2070, 0x3000];
    const first = units.map(charClass);
    expect(first).toEqual([0, 1, 3, 3, 1, 0]);
    expect(units.map(charClass)).toEqual(first);
  });

  it("flags Hangul syllables, from 가 to 힣, and nothing around them", () => {
    const hangul = (unit: number) => (flagsOf(unit) & F_HANGUL) !== 0;
    expect([0xac00, 0xb098, 0xd7a3].filter(hangul)).toHaveLength(3);
    expect([0xabff, 0xd7a4, 0xd7b0, 0xff21, 0x4e2d, 0x1100].filter(hangul)).toEqual([]);
  });
});
