import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatePacks } from "../../scripts/generate-glossary.ts";
import { GENERATED_DIR, PACKS_DIR, readPacks } from "../../scripts/lib/read-packs.ts";
import { validatePacks } from "../../src/glossary/load.ts";

describe("npm run glossary:generate", () => {
  const { packs } = validatePacks(readPacks(PACKS_DIR));
  const files = generatePacks(packs);

  it("reproduces the committed generated packs byte for byte", () => {
    const committed = readdirSync(GENERATED_DIR)
      .filter((f) => f.endsWith(".json"))
      .sort();
    expect([...files.keys()].sort()).toEqual(committed);
    for (const [name, text] of files) expect(text, name).toBe(readFileSync(join(GENERATED_DIR, name), "utf8"));
  });

  it("gives the same output twice (no order or clock dependence)", () => {
    const again = generatePacks(packs);
    for (const [name, text] of files) expect(again.get(name), name).toBe(text);
  });

  it("dates every entry with its snapshot and names a source", () => {
    for (const text of files.values()) {
      const pack = JSON.parse(text) as { generated: { date: string }; entries: { asOf: string; sources: unknown[] }[] };
      for (const e of pack.entries) {
        expect(e.asOf).toBe(pack.generated.date);
        expect(e.sources.length).toBeGreaterThan(0);
      }
    }
  });

  it("makes at least 6,000 entries and never takes a written entry's name", () => {
    const generated = [...files.values()].flatMap((t) => (JSON.parse(t) as { entries: { forms: string[] }[] }).entries);
    expect(generated.length).toBeGreaterThanOrEqual(6000);
    const written = new Set(packs.flatMap((p) => p.entries.flatMap((e) => [...e.forms, ...e.shortForms])));
    for (const e of generated) for (const f of e.forms) expect(written.has(f), f).toBe(false);
  });
});
