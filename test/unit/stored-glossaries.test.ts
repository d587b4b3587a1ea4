import { describe, expect, it } from "vitest";
import { GLOSSARIES_VERSION, glossariesFromStored } from "../../src/background/stored-glossaries.ts";
import { rawEntry } from "../support/entries.ts";

const glossary = (name: string, extra: Record<string, unknown> = {}) => ({
  id: `user-${name}`,
  name,
  importedAt: "2026-11-01T00:00:00.000Z",
  enabled: true,
  entries: [rawEntry("term")],
  ...extra,
});

describe("stored readers' glossaries", () => {
  it("reads the current version as stored", () => {
    const stored = { version: GLOSSARIES_VERSION, glossaries: [glossary("a"), glossary("b", { enabled: false })] };
    expect(glossariesFromStored(stored)).toEqual({ glossaries: stored.glossaries, problems: [] });
    expect(glossariesFromStored(undefined)).toEqual({ glossaries: [], problems: [] });
  });

  it("keeps the intact glossaries and names the broken one", () => {
    const { glossaries, problems } = glossariesFromStored({
      version: 1,
      glossaries: [glossary("good"), glossary("broken", { entries: "nope" }), 42],
    });
    expect(glossaries.map((g) => g.name)).toEqual(["good"]);
    expect(problems).toEqual([
      { area: "glossaries", field: "broken", reason: "malformed" },
      { area: "glossaries", field: "?", reason: "malformed" },
    ]);
  });

  it("reports a malformed item, and reads a newer version for what it knows", () => {
    expect(glossariesFromStored("x").problems).toEqual([{ area: "glossaries", field: "*", reason: "malformed" }]);
    expect(glossariesFromStored({ glossaries: [] }).problems[0]?.field).toBe("*");
    const newer = glossariesFromStored({ version: 9, glossaries: [glossary("a")] });
    expect(newer.glossaries).toHaveLength(1);
    expect(newer.problems).toEqual([{ area: "glossaries", field: "*", reason: "newer-version" }]);
  });
});
