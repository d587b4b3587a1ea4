// Rules of the matcher that are properties, checked on generated input (fast-check): a failure
// prints the smallest input that breaks the rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flagsOf, isBoundaryFlags, normalizeForm } from "../../src/matcher/chars.ts";
import { compileMatcher } from "../../src/matcher/compile.ts";
import { scanText } from "../../src/matcher/scan.ts";
import { deserializeMatcher, serializeMatcher } from "../../src/matcher/serialize.ts";
import type { MatcherEntry } from "../../src/matcher/types.ts";

/** Words from which both glossary forms and page text are made, so that matches happen often. */
const WORDS = [
  "Meng",
  "Wanzhou",
  "Huawei",
  "Seoul",
  "John",
  "Kerry",
  "COP",
  "26",
  "Xi",
  "Jinping",
  "Bank",
  "of",
  "the",
];
const SEPARATORS = [" ", "  ", ", ", ". ", "-", "'", "’", "\u00a0", "\n", "(", ")", ""];

const word = fc.constantFrom(...WORDS);
/** A word as a page may write it: as is, upper-case or lower-case. */
const pageWord = fc
  .tuple(word, fc.constantFrom("as is", "upper", "lower"))
  .map(([w, c]) => (c === "upper" ? w.toUpperCase() : c === "lower" ? w.toLowerCase() : w));
const pageText = fc
  .array(fc.tuple(pageWord, fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));
const form = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(" "));
const entries = fc
  .array(fc.tuple(fc.array(form, { minLength: 1, maxLength: 3 }), fc.array(word, { maxLength: 1 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((list) =>
    list.map(([forms, shortForms], i): MatcherEntry => ({ id: `e${i}`, group: i % 6, forms, shortForms, context: [] })),
  );

describe("matcher properties", () => {
  it("a scan in slices finds exactly what one scan of the whole text finds", () => {
    // Runs whose page holds at least one mention: about half of them on any seed (145–176 of 300
    // in eight seeds), so a floor of 60 says the property is not vacuous without depending on luck.
    let withMentions = 0;
    fc.assert(
      fc.property(entries, pageText, fc.array(fc.nat(), { maxLength: 4 }), (list, text, cuts) => {
        const m = compileMatcher(list);
        const bounds = [...new Set([0, ...cuts.map((c) => c % (text.length + 1)), text.length])].sort((a, b) => a - b);
        const sliced = [];
        for (let i = 0; i + 1 < bounds.length; i++) sliced.push(...scanText(m, text, [], bounds[i], bounds[i + 1]));
        expect(sliced).toEqual(scanText(m, text));
        if (sliced.length > 0) withMentions++;
      }),
      { numRuns: 300 },
    );
    expect(withMentions, "runs whose page holds a mention (the property is not vacuous)").toBeGreaterThan(60);
  });

  it("a match never starts or ends inside a word", () => {
    fc.assert(
      fc.property(entries, pageText, (list, text) => {
        const m = compileMatcher(list);
        const at = (i: number) => (i < 0 || i >= text.length ? 0 : flagsOf(text.charCodeAt(i)));
        for (const match of scanText(m, text)) {
          expect(isBoundaryFlags(at(match.start - 1), at(match.start)), `start of ${match.start}`).toBe(true);
          expect(isBoundaryFlags(at(match.end - 1), at(match.end)), `end of ${match.end}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("normalising a form twice gives what normalising it once gives", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (s) => {
        const once = normalizeForm(s);
        expect(normalizeForm(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
        const once = normalizeForm(s);
        expect(normalizeForm(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("a serialised matcher, read back, is the same matcher and finds the same mentions", () => {
    fc.assert(
      fc.property(entries, pageText, (list, text) => {
        const compiled = compileMatcher(list);
        const bytes = serializeMatcher(compiled);
        const loaded = deserializeMatcher(bytes);
        expect(loaded).toEqual(compiled);
        expect(serializeMatcher(loaded)).toEqual(bytes);
        expect(scanText(loaded, text)).toEqual(scanText(compiled, text));
      }),
      { numRuns: 200 },
    );
  });
});
