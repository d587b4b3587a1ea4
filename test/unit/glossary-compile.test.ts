// The glossary's build steps on small hand-made entries: the ambiguity report, the compiled
// glossary (word names and name parts reach the matcher) and the shards read back in order.
import { describe, expect, it } from "vitest";
import { sharedForms, wordNameForms } from "../../src/glossary/ambiguity.ts";
import { compileGlossary } from "../../src/glossary/compile.ts";
import type { Entry } from "../../src/glossary/schema.ts";
import { entriesInPackOrder } from "../../src/glossary/shards.ts";
import { scanText } from "../../src/matcher/scan.ts";
import { deserializeMatcher } from "../../src/matcher/serialize.ts";

const entry = (id: string, forms: string[], shortForms: string[] = [], extra: Partial<Entry> = {}): Entry => ({
  id,
  title: id,
  category: "person",
  forms,
  shortForms,
  context: [],
  summary: "Someone.",
  sources: [{ title: "x", url: "https://example.org/" }],
  related: [],
  ...extra,
});

describe("sharedForms: short or full forms of two or more entries", () => {
  it("finds a form two entries share, whatever its case or Unicode composition, with both ids in glossary order", () => {
    const entries = [
      entry("bill-clinton", ["Bill Clinton"], ["Clinton"]),
      entry("hillary-clinton", ["Hillary Clinton"], ["CLINTON"]),
      entry("jose", ["Jose\u0301 Mari\u0301a"]),
      entry("jose-2", ["José María"]),
      entry("alone", ["Alone"], ["Alone"]),
    ];
    expect(sharedForms(entries)).toEqual([
      { form: "Clinton", entries: ["bill-clinton", "hillary-clinton"] },
      { form: "Jose\u0301 Mari\u0301a", entries: ["jose", "jose-2"] },
    ]);
  });

  it("sorts the report by form and leaves out forms of one entry", () => {
    const entries = [
      entry("a", ["Zed"], ["Jordan"]),
      entry("b", ["Jordan River"], ["Jordan"]),
      entry("c", ["Apple One"], ["Apple"]),
      entry("d", ["Apple Two"], ["Apple"]),
    ];
    expect(sharedForms(entries).map((s) => s.form)).toEqual(["Apple", "Jordan"]);
  });
});

describe("wordNameForms", () => {
  it("lists an entry's forms that are word names, full and short told apart", () => {
    const entries = [
      entry("target", ["Target"], ["Target Corp"]),
      entry("victoria", ["Victoria Beckham"], ["Victoria"]),
    ];
    expect(wordNameForms(entries, new Set(["Target", "Victoria", "Nothing"]))).toEqual([
      { form: "Target", entry: "target", short: false },
      { form: "Victoria", entry: "victoria", short: true },
    ]);
    expect(wordNameForms(entries, new Set())).toEqual([]);
  });
});

describe("compileGlossary", () => {
  const entries = [
    entry("target", ["Target"], [], { category: "organization" }),
    entry("china", ["China"], [], { category: "place", familiarity: "household" }),
    entry("georgia", ["Georgia"], [], { category: "place" }),
  ];

  it("gives the matcher the word names and name parts, so they match only as the rules say", () => {
    const plain = deserializeMatcher(compileGlossary(entries).matcher);
    const ruled = deserializeMatcher(compileGlossary(entries, [], new Set(["Target"]), new Set(["Georgia"])).matcher);
    // A word name matches only as written (a headline's capitals do not make it one)…
    expect(scanText(plain, "TARGET SHARES FALL").length).toBe(1);
    expect(scanText(ruled, "TARGET SHARES FALL")).toEqual([]);
    expect(scanText(ruled, "shops at Target").length).toBe(1);
    // …and a name part is not matched where it begins a longer name.
    expect(scanText(plain, "Georgia Tech won").length).toBe(1);
    expect(scanText(ruled, "Georgia Tech won")).toEqual([]);
    expect(scanText(ruled, "Georgia votes").length).toBe(1);
    // Word names and name parts are shipped in the index, sorted.
    const compiled = compileGlossary(entries, [], new Set(["Target", "Bank"]), new Set(["Georgia"]));
    expect(compiled.wordNames).toEqual(["Bank", "Target"]);
    expect(compiled.nameParts).toEqual(["Georgia"]);
  });

  it("lists household names by index, keeps the packs, and starts with no packs when given none", () => {
    const packs = [{ id: "p", title: "P", entryIds: ["target", "china", "georgia"] }];
    expect(compileGlossary(entries, packs)).toMatchObject({ household: [1], packs, entries });
    expect(compileGlossary(entries).packs).toEqual([]);
  });
});

describe("entriesInPackOrder", () => {
  it("reads the shards back in the packs' order, skipping ids no shard has", () => {
    const [a, b, c] = ["a", "b", "c"].map((id) => entry(id, [id.toUpperCase()]));
    const packs = [
      { id: "one", title: "One", entryIds: ["c", "a"] },
      { id: "two", title: "Two", entryIds: ["gone", "b"] },
    ];
    expect(entriesInPackOrder(packs, [[a, b], [c]])).toEqual([c, a, b]);
  });
});
