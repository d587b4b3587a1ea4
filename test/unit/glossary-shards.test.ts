import { describe, expect, it } from "vitest";
import { compileGlossary } from "../../src/glossary/compile.ts";
import type { Entry } from "../../src/glossary/schema.ts";
import {
  glossaryFiles,
  INDEX_FILE,
  MATCHER_FILE,
  PACKS_FILE,
  SHARD_COUNT,
  shardFile,
  shardOf,
} from "../../src/glossary/shards.ts";
import { deserializeMatcher } from "../../src/matcher/serialize.ts";

const entry = (id: string, familiarity?: Entry["familiarity"]): Entry => ({
  id,
  title: id,
  category: "place",
  forms: [`Form ${id}`],
  shortForms: [],
  context: [],
  summary: "A place.",
  sources: [{ title: "x", url: "https://example.org/" }],
  related: [],
  ...(familiarity ? { familiarity } : {}),
});

describe("the shipped glossary: an index and shards", () => {
  const entries = Array.from({ length: 500 }, (_, i) => entry(`place-${i}`, i % 50 === 0 ? "household" : undefined));
  const compiled = compileGlossary(entries, [{ id: "p", title: "P", entryIds: entries.map((e) => e.id) }]);
  const all = glossaryFiles(compiled);
  const files = new Map([...all].flatMap(([f, v]) => (typeof v === "string" ? [[f, v] as const] : [])));

  it("puts every entry in the shard its id hashes to, once", () => {
    const seen = new Map<string, number>();
    for (let s = 0; s < SHARD_COUNT; s++) {
      for (const e of JSON.parse(files.get(shardFile(s)) ?? "[]") as Entry[]) {
        expect(shardOf(e.id)).toBe(s);
        seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
      }
    }
    expect(seen.size).toBe(500);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it("spreads entries evenly enough that a lookup parses a small part", () => {
    const sizes = Array.from(
      { length: SHARD_COUNT },
      (_, s) => (JSON.parse(files.get(shardFile(s)) ?? "[]") as []).length,
    );
    expect(Math.max(...sizes)).toBeLessThan((500 / SHARD_COUNT) * 3);
  });

  it("ships the matcher as its own binary file, the household entries in the index, and no entry text there", () => {
    const bytes = all.get(MATCHER_FILE);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(deserializeMatcher(bytes as Uint8Array).entryIds).toEqual(entries.map((e) => e.id));
    const index = JSON.parse(files.get(INDEX_FILE) ?? "{}");
    expect(index.format).toBe(4);
    expect(index.matcher).toBeUndefined();
    expect(index.household).toEqual(entries.flatMap((e, i) => (e.familiarity === "household" ? [i] : [])));
    expect(files.get(INDEX_FILE)).not.toContain("A place.");
    expect(JSON.parse(files.get(PACKS_FILE) ?? "[]")[0].entryIds).toHaveLength(500);
  });

  it("hashes ids the same way everywhere (FNV-1a)", () => {
    expect(shardOf("xi-jinping")).toBe(shardOf("xi-jinping"));
    expect(new Set(["a", "b", "c", "xi-jinping", "united-states"].map(shardOf)).size).toBeGreaterThan(1);
  });
});
