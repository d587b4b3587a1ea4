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

describe("parseGlossaryFile: the file's name, size and format", () => {
  const oneEntry = JSON.stringify([entry("a")]);

  it("names a glossary after its file without the last extension, or 'My glossary' when that leaves nothing", () => {
    expect(parseGlossaryFile("world.terms.json", oneEntry).name).toBe("world.terms");
    expect(parseGlossaryFile(".json", oneEntry).name).toBe("My glossary");
  });

  it("takes the name from the file trimmed and cut to 80 characters, and ignores a blank or missing one", () => {
    const named = (name: unknown) =>
      parseGlossaryFile("file.json", JSON.stringify({ name, entries: [entry("a")] })).name;
    expect(named("  Mine  ")).toBe("Mine");
    expect(named(`  ${"n".repeat(100)}`)).toBe("n".repeat(80));
    expect(named("   ")).toBe("file");
    expect(named(undefined)).toBe("file");
    expect(named(42)).toBe("file");
  });

  it("accepts a file of exactly 10 MB and states an oversized file's size in MB", () => {
    expect(parseGlossaryFile("x.json", oneEntry, IMPORT_LIMITS.bytes).errors).toEqual([]);
    expect(parseGlossaryFile("x.json", oneEntry, 15 * 1048576)).toEqual({
      name: "x",
      entries: [],
      errors: ["The file is 15.0 MB; the limit is 10 MB."],
    });
  });

  it("refuses JSON that is neither an array nor an object with an entries array", () => {
    const expected = ['Expected an array of entries or an object with an "entries" array.'];
    for (const text of ['{ "name": "Mine" }', '{ "entries": {} }', "null", "42", '"text"']) {
      expect(parseGlossaryFile("x.json", text), text).toEqual({ name: "x", entries: [], errors: expected });
    }
  });

  it("reads CSV in a file not named .csv when its first line has a comma and it does not open like JSON", () => {
    const text =
      "id,title,category,forms,summary,sources\na,A,concept,a form,A summary [with brackets].,https://example.org/";
    for (const fileName of ["terms.txt", "terms"]) {
      const got = parseGlossaryFile(fileName, text);
      expect(got.errors).toEqual([]);
      expect(got.entries.map((e) => e.id)).toEqual(["a"]);
    }
  });

  it("reads JSON, not CSV, when the text opens with [ or { (after blanks) and the name does not end in .csv", () => {
    const indented = parseGlossaryFile("x.json", `  ${oneEntry}`);
    expect(indented.errors).toEqual([]);
    expect(indented.entries.map((e) => e.id)).toEqual(["a"]);
    const csvInName = parseGlossaryFile("backup.csv.json", oneEntry);
    expect(csvInName.errors).toEqual([]);
    expect(csvInName.name).toBe("backup.csv");
  });

  it("does not take text for CSV when its first line has no comma", () => {
    expect(parseGlossaryFile("notes.txt", "Some notes\nabout, a glossary").errors[0]).toMatch(/^Not valid JSON/);
  });
});

describe("parseGlossaryFile: naming the row of a problem", () => {
  it("names the row alone when it has no text id to show, and the whole entry when it is not an object", () => {
    const { id: _, ...noId } = entry("x");
    expect(
      parseGlossaryFile("x.json", JSON.stringify([null, noId, { ...entry("x"), id: "" }, { ...entry("x"), id: 7 }]))
        .errors,
    ).toEqual([
      'Row 1, field "(entry)": Invalid input: expected object, received null',
      'Row 2, field "id": Invalid input: expected string, received undefined',
      'Row 3, field "id": must be kebab-case: lowercase letters, digits and hyphens',
      'Row 4, field "id": Invalid input: expected string, received number',
    ]);
  });
});

describe("parseGlossaryFile: CSV", () => {
  const header = "id,title,category,forms,summary,sources";
  const csv = (...lines: string[]) => parseGlossaryFile("mine.csv", lines.join("\n"));

  it("refuses a CSV file with a quoted field left open, naming the row", () => {
    expect(csv(header, 'a,A,concept,a form,"open,https://example.org/')).toEqual({
      name: "mine",
      entries: [],
      errors: ["Row 2: a quoted field is not closed."],
    });
  });

  it("finds no entries in an empty CSV file", () => {
    expect(csv("").errors).toEqual(["The file holds no entries."]);
  });

  it("names every unknown column and lists the known ones", () => {
    expect(csv("id,colour,flavour", "a,b,c").errors).toEqual([
      "Unknown CSV column(s): colour, flavour. Columns: id, title, category, forms, shortForms, context, summary, asOf, sources, related.",
    ]);
  });

  it("trims column names and cells", () => {
    const got = csv(
      "id , title, category ,forms,summary,sources",
      " a , A ,  concept  , a form , A summary. , https://example.org/ ",
    );
    expect(got.errors).toEqual([]);
    expect(got.entries[0]).toMatchObject({ id: "a", title: "A", category: "concept", forms: ["a form"] });
  });

  it("splits list cells on |, trimming the items and dropping empty ones", () => {
    const got = csv(
      "id,title,category,forms,shortForms,context,summary,sources,related",
      "a,A,concept,a form | another form||,A1 | | A2,other-one | other-two,A summary.,https://example.org/,b-one|b-two |",
    );
    expect(got.errors).toEqual([]);
    expect(got.entries[0]).toMatchObject({
      forms: ["a form", "another form"],
      shortForms: ["A1", "A2"],
      context: ["other-one", "other-two"],
      related: ["b-one", "b-two"],
    });
  });

  it("leaves out empty cells and cells missing from a short row", () => {
    const got = csv(
      "id,title,category,forms,summary,sources,asOf,related",
      "a,A,concept,a form,A summary.,https://example.org/,,",
      "b,B,concept,b form,B summary.,https://example.org/",
    );
    expect(got.errors).toEqual([]);
    expect(got.entries.map((e) => [e.id, e.asOf, e.related])).toEqual([
      ["a", undefined, []],
      ["b", undefined, []],
    ]);
  });

  it("skips blank rows and rows of blank cells", () => {
    const got = csv(
      header,
      "a,A,concept,a form,A summary.,https://example.org/",
      "",
      " , ,",
      "b,B,concept,b form,B.,https://example.org/",
    );
    expect(got.errors).toEqual([]);
    expect(got.entries.map((e) => e.id)).toEqual(["a", "b"]);
  });

  it("reads a source as 'Title <url>' with or without a space, a bare URL titled by its host", () => {
    const got = csv(
      header,
      'a,A,concept,a form,A summary.,"Britannica<https://www.britannica.com/x>|https://example.org/y"',
    );
    expect(got.errors).toEqual([]);
    expect(got.entries[0].sources).toEqual([
      { title: "Britannica", url: "https://www.britannica.com/x" },
      { title: "example.org", url: "https://example.org/y" },
    ]);
  });

  it("refuses a bare source that is not a URL as a bad URL, titled with the cell itself", () => {
    expect(csv(header, "a,A,concept,a form,A summary.,example.org/page").errors).toEqual([
      'Row 2 ("a"), field "sources.0.url": must be an https URL',
    ]);
  });

  it("refuses a source cell with text after '<url>', or 'Title <url>' not alone on one line", () => {
    for (const cell of [
      "Britannica <https://www.britannica.com/x> (2024)",
      "Encyclopaedia\nBritannica <https://www.britannica.com/x>",
    ]) {
      const got = csv(header, `a,A,concept,a form,A summary.,"${cell}"`);
      expect(got.entries, cell).toEqual([]);
      expect(got.errors, cell).toContain('Row 2 ("a"), field "sources.0.url": must be an https URL');
    }
  });
});

describe("parseCsv: records and line breaks", () => {
  it("ends a record at CRLF, CR or LF, and keeps a blank line as a record of one empty field", () => {
    expect(parseCsv("a,b\r\nc,d\r\n")).toEqual({
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    expect(parseCsv("a,b\rc,d")).toEqual({
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    expect(parseCsv("a\n\nb")).toEqual({ rows: [["a"], [""], ["b"]] });
  });

  it("keeps a last record of one field with no line break after it", () => {
    expect(parseCsv("id\nx")).toEqual({ rows: [["id"], ["x"]] });
  });

  it("skips a byte-order mark before a quoted first field", () => {
    expect(parseCsv('\uFEFF"id",title')).toEqual({ rows: [["id", "title"]] });
  });

  it("keeps a quote inside an unquoted field as text", () => {
    expect(parseCsv('say "hi",x')).toEqual({ rows: [['say "hi"', "x"]] });
  });
});

describe("parseGlossaryFile: CSV problems name the row a spreadsheet shows", () => {
  const header = "id,title,category,forms,summary,sources";
  it("counts blank lines and line breaks inside quoted cells", () => {
    const csv = [
      header,
      "a,A,concept,a form,Sum.,https://example.org/",
      "",
      'b,B,concept,b form,"Two',
      'lines.",http://example.org/',
      "c,C,concept,c form,Sum.,http://example.org/",
    ].join("\r\n");
    expect(parseGlossaryFile("x.csv", csv).errors).toEqual([
      'Row 4 ("b"), field "sources.0.url": must be an https URL',
      'Row 6 ("c"), field "sources.0.url": must be an https URL',
    ]);
  });

  it("says on which row a quoted cell that is never closed starts", () => {
    expect(parseGlossaryFile("x.csv", `${header}\n\na,A,concept,"open`).errors).toEqual([
      "Row 3: a quoted field is not closed.",
    ]);
  });
});
