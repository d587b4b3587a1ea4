import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchemaText } from "../../scripts/lib/write-json-schema.ts";
import { IMPORT_LIMITS, parseCsv, parseGlossaryFile } from "../../src/glossary/import.ts";
import { rawEntry } from "../support/entries.ts";

const entry = (id: string) => rawEntry(id);

describe("parseGlossaryFile", () => {
  it("reads JSON with a name, or a bare array", () => {
    const named = parseGlossaryFile("x.json", JSON.stringify({ name: "Mine", entries: [entry("a"), entry("b")] }));
    expect(named.errors).toEqual([]);
    expect(named.name).toBe("Mine");
    expect(named.entries.map((e) => e.id)).toEqual(["a", "b"]);
    expect(parseGlossaryFile("terms.json", JSON.stringify([entry("a")])).name).toBe("terms");
  });

  it("reads CSV with quoted fields, lists and sources", () => {
    const csv = [
      "id,title,category,forms,shortForms,summary,asOf,sources",
      'carbon-tax,Carbon tax,policy,"carbon tax|carbon levy",levy,"A tax on emissions, per tonne.",2025-01-01,"Britannica <https://www.britannica.com/topic/carbon-tax>|https://example.org/x"',
    ].join("\r\n");
    const got = parseGlossaryFile("mine.csv", csv);
    expect(got.errors).toEqual([]);
    expect(got.entries[0]).toMatchObject({
      id: "carbon-tax",
      forms: ["carbon tax", "carbon levy"],
      shortForms: ["levy"],
      summary: "A tax on emissions, per tonne.",
      sources: [
        { title: "Britannica", url: "https://www.britannica.com/topic/carbon-tax" },
        { title: "example.org", url: "https://example.org/x" },
      ],
    });
  });

  it("names the row and field of every problem, and accepts nothing from a bad file", () => {
    const got = parseGlossaryFile("broken.csv", readFileSync("test/fixtures/glossaries/broken.csv", "utf8"));
    expect(got.entries).toEqual([]);
    expect(got.errors).toEqual([
      expect.stringMatching(/^Row 3 \("Bad Id"\), field "id": must be kebab-case/),
      expect.stringMatching(/^Row 4 \("no-source"\), field "sources": /),
      'Row 5 ("insecure"), field "sources.0.url": must be an https URL',
    ]);
  });

  it("refuses duplicate ids, unknown fields and columns, bad JSON, empty and oversized files", () => {
    expect(parseGlossaryFile("d.json", JSON.stringify([entry("a"), entry("a")])).errors).toEqual([
      'Row 2 ("a"), field "id": the same id as row 1',
    ]);
    expect(parseGlossaryFile("u.json", JSON.stringify([{ ...entry("a"), summery: "x" }])).errors).toEqual([
      'Row 1 ("a"), field "summery": unknown field',
    ]);
    expect(parseGlossaryFile("c.csv", "id,colour\na,b\n").errors[0]).toMatch(/Unknown CSV column\(s\): colour/);
    expect(parseGlossaryFile("b.json", "{ nope").errors[0]).toMatch(/^Not valid JSON/);
    expect(parseGlossaryFile("e.json", "[]").errors).toEqual(["The file holds no entries."]);
    expect(parseGlossaryFile("big.json", "[]", IMPORT_LIMITS.bytes + 1).errors[0]).toMatch(/limit is 10 MB/);
    const many = JSON.stringify(Array.from({ length: IMPORT_LIMITS.entries + 1 }, () => ({})));
    expect(parseGlossaryFile("many.json", many).errors[0]).toMatch(/limit is 50000/);
  });

  it("parses RFC 4180 CSV", () => {
    expect(parseCsv('a,"b ""q"", c",d\n"multi\nline",x\n')).toEqual({
      rows: [
        ["a", 'b "q", c', "d"],
        ["multi\nline", "x"],
      ],
    });
    expect(parseCsv('a,"open')).toEqual({ error: "Row 1: a quoted field is not closed." });
  });
});

describe("the published JSON Schema", () => {
  it("is generated from the zod schema and committed as docs/glossary.schema.json", () => {
    expect(readFileSync("docs/glossary.schema.json", "utf8")).toBe(jsonSchemaText());
    const schema = JSON.parse(jsonSchemaText());
    expect(schema.properties.entries.items.required).toEqual([
      "id",
      "title",
      "category",
      "forms",
      "summary",
      "sources",
    ]);
  });
});
