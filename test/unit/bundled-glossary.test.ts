// The glossary we ship, read whole: it validates, lints clean and holds what the demo needs.
// (Content, not logic: `npm run mutate` leaves these out, as it does glossary-generate and ambiguity.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintBundledGlossary } from "../../scripts/lib/lint-bundled.ts";
import { readPacks } from "../../scripts/lib/read-packs.ts";
import { validatePacks } from "../../src/glossary/load.ts";

describe("the bundled glossary", () => {
  const { packs, errors } = validatePacks(readPacks());
  const ids = new Set(packs.flatMap((p) => p.entries.map((e) => e.id)));

  it("validates with no errors", () => {
    expect(errors).toEqual([]);
  });

  it("holds at least 150 entries in several packs", () => {
    expect(packs.length).toBeGreaterThan(1);
    expect(ids.size).toBeGreaterThanOrEqual(150);
  });

  it("has every entry the demo article's terms refer to", () => {
    const seed = JSON.parse(readFileSync(new URL("../fixtures/demo/seed-terms.json", import.meta.url), "utf8")) as {
      terms: { text: string; entry: string }[];
    };
    expect(seed.terms.length).toBeGreaterThan(0);
    expect(seed.terms.map((t) => t.entry).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("validates and lints clean, with at least 800 entries", () => {
    const { problems, count } = lintBundledGlossary();
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(800);
  });
});
