import { describe, expect, it } from "vitest";
import { CodeUnitAhoCorasick } from "../../scripts/bench/aho-corasick.ts";
import { foldText } from "../../scripts/bench/equal-work.ts";

describe("the equal-work contestants' parts", () => {
  it("folds text as the matcher reads it: quotes, dashes, spaces, case, ignorables", () => {
    expect(foldText("  The\u00a0Bank’s  Chief\u00adExecutive —\tNEW ")).toBe("the bank's chiefexecutive - new ");
  });

  it("finds every occurrence, overlapping ones included, with the right offsets", () => {
    const ac = new CodeUnitAhoCorasick(["he", "she", "his", "hers", "new york", "york"]);
    const found: [number, number, string][] = [];
    ac.search("ushers in new york", (start, end, p) => found.push([start, end, ac.patterns[p]]));
    expect(found).toEqual([
      [1, 4, "she"],
      [2, 4, "he"],
      [2, 6, "hers"],
      [10, 18, "new york"],
      [14, 18, "york"],
    ]);
  });
});
