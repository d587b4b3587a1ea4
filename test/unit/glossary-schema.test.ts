import { describe, expect, it } from "vitest";
import { type PackSource, validatePacks } from "../../src/glossary/load.ts";
import { type EntryInput, EntrySchema, MAX_SUMMARY_WORDS } from "../../src/glossary/schema.ts";

const entry = (overrides: Record<string, unknown> = {}): EntryInput =>
  ({
    id: "meng-wanzhou",
    title: "Meng Wanzhou",
    category: "person",
    forms: ["Meng Wanzhou"],
    shortForms: ["Meng"],
    summary: "Deputy chair and chief financial officer of Huawei.",
    asOf: "2025-06-01",
    sources: [{ title: "Wikipedia: Meng Wanzhou", url: "https://en.wikipedia.org/wiki/Meng_Wanzhou" }],
    related: ["huawei"],
    ...overrides,
  }) as EntryInput;

const huawei = (): EntryInput => ({
  id: "huawei",
  title: "Huawei",
  category: "organization",
  forms: ["Huawei"],
  summary: "Chinese maker of telecoms equipment and phones.",
  sources: [{ title: "Huawei", url: "https://www.huawei.com/en/" }],
});

const pack = (file: string, entries: unknown[], name = "test"): PackSource => ({
  file,
  text: JSON.stringify({ pack: name, title: "Test pack", entries }),
});

/** Validates one pack holding `huawei` plus the given entry; returns the errors. */
function errorsFor(e: unknown, file = "packs/test.json"): string[] {
  return validatePacks([pack(file, [huawei(), e])]).errors;
}

/** The one error reported, checked to name the file, the entry and the field. */
function expectOneError(errors: string[], file: string, id: string, field: string): string {
  expect(errors).toHaveLength(1);
  const [error] = errors;
  expect(error.startsWith(`${file}: `)).toBe(true);
  expect(error).toContain(`entry "${id}"`);
  expect(error).toContain(`field "${field}"`);
  return error;
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("EntrySchema", () => {
  it("accepts a valid entry and fills in defaults", () => {
    const parsed = EntrySchema.parse({ ...huawei(), title: "  Huawei  " });
    expect(parsed.title).toBe("Huawei");
    expect(parsed.shortForms).toEqual([]);
    expect(parsed.context).toEqual([]);
    expect(parsed.related).toEqual([]);
    expect(parsed.asOf).toBeUndefined();
  });

  it("counts summary words, allowing exactly the maximum", () => {
    expect(EntrySchema.safeParse(entry({ summary: words(MAX_SUMMARY_WORDS) })).success).toBe(true);
    expect(EntrySchema.safeParse(entry({ summary: words(MAX_SUMMARY_WORDS + 1) })).success).toBe(false);
  });

  it("accepts real dates, including 29 February of a leap year", () => {
    expect(EntrySchema.safeParse(entry({ asOf: "2024-02-29" })).success).toBe(true);
    expect(EntrySchema.safeParse(entry({ asOf: "2025-02-29" })).success).toBe(false);
    expect(EntrySchema.safeParse(entry({ asOf: "2025-6-1" })).success).toBe(false);
  });

  it("rejects forms without a letter or digit, and entity-like markup", () => {
    expect(EntrySchema.safeParse(entry({ forms: ["---"] })).success).toBe(false);
    expect(EntrySchema.safeParse(entry({ title: "AT&amp;T" })).success).toBe(false);
    expect(EntrySchema.safeParse(entry({ title: "AT&T" })).success).toBe(true);
  });
});

describe("validatePacks", () => {
  it("passes a valid pack", () => {
    const { packs, errors } = validatePacks([pack("packs/test.json", [huawei(), entry()], "test")]);
    expect(errors).toEqual([]);
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({ pack: "test", title: "Test pack", file: "packs/test.json" });
    expect(packs[0].entries.map((e) => e.id)).toEqual(["huawei", "meng-wanzhou"]);
  });

  it("reports a bad id", () => {
    const error = expectOneError(errorsFor(entry({ id: "Meng_Wanzhou" })), "packs/test.json", "Meng_Wanzhou", "id");
    expect(error).toMatch(/kebab-case/);
  });

  it("reports an unknown category", () => {
    expectOneError(errorsFor(entry({ category: "people" })), "packs/test.json", "meng-wanzhou", "category");
  });

  it("reports a source URL that is not https", () => {
    const e = entry({ sources: [{ title: "Wikipedia", url: "http://en.wikipedia.org/wiki/Meng_Wanzhou" }] });
    const error = expectOneError(errorsFor(e), "packs/test.json", "meng-wanzhou", "sources.0.url");
    expect(error).toMatch(/https/);
  });

  it("reports a summary over the word limit", () => {
    const error = expectOneError(
      errorsFor(entry({ summary: words(MAX_SUMMARY_WORDS + 1) })),
      "packs/test.json",
      "meng-wanzhou",
      "summary",
    );
    expect(error).toContain(`${MAX_SUMMARY_WORDS} words`);
  });

  it("reports markup in a summary", () => {
    const e = entry({ summary: "Chief financial officer of <b>Huawei</b>." });
    const error = expectOneError(errorsFor(e), "packs/test.json", "meng-wanzhou", "summary");
    expect(error).toMatch(/plain text/);
  });

  it("reports a date that is not on the calendar", () => {
    const error = expectOneError(errorsFor(entry({ asOf: "2025-02-30" })), "packs/test.json", "meng-wanzhou", "asOf");
    expect(error).toMatch(/calendar date/);
  });

  it("reports empty forms", () => {
    expectOneError(errorsFor(entry({ forms: [] })), "packs/test.json", "meng-wanzhou", "forms");
  });

  it("words the checks that state no message of their own (zod/mini loads no locale)", () => {
    const message = (e: unknown) => errorsFor(e)[0]?.replace(/^.*? field "[^"]*": /, "");
    expect(message(entry({ forms: [] }))).toBe("Too small: expected array to have >=1 items");
    expect(message(entry({ title: "x".repeat(121) }))).toBe("Too big: expected string to have <=120 characters");
    expect(message(entry({ title: 5 }))).toBe("Invalid input: expected string, received number");
    expect(message(entry({ sources: undefined }))).toBe("Invalid input: expected array, received undefined");
    expect(message(entry({ familiarity: "famous" }))).toBe(
      'Invalid option: expected one of "household"|"general"|"specialist"',
    );
    expect(message(entry({ related: ["Bad Id"] }))).toBe(
      "Invalid string: must match pattern /^[a-z0-9]+(?:-[a-z0-9]+)*$/",
    );
    const { errors } = validatePacks([
      { file: "p.json", text: JSON.stringify({ pack: "p", title: "P", entries: [], x: 1 }) },
    ]);
    expect(errors).toEqual(['p.json: field "(pack)": Unrecognized key: "x"']);
  });

  it("reports related and context ids that name no entry", () => {
    const related = expectOneError(
      errorsFor(entry({ related: ["huawei", "ren-zhengfei"] })),
      "packs/test.json",
      "meng-wanzhou",
      "related",
    );
    expect(related).toContain('"ren-zhengfei"');
    const context = expectOneError(
      errorsFor(entry({ context: ["no-such-entry"] })),
      "packs/test.json",
      "meng-wanzhou",
      "context",
    );
    expect(context).toContain('"no-such-entry"');
  });

  it("resolves related ids across packs", () => {
    const { errors } = validatePacks([pack("packs/a.json", [entry()], "a"), pack("packs/b.json", [huawei()], "b")]);
    expect(errors).toEqual([]);
  });

  it("reports an id used in two packs, in the second pack", () => {
    const { errors } = validatePacks([
      pack("packs/a.json", [huawei()], "a"),
      pack("packs/b.json", [{ ...huawei(), forms: ["Huawei Technologies"] }], "b"),
    ]);
    const error = expectOneError(errors, "packs/b.json", "huawei", "id");
    expect(error).toContain("packs/a.json");
  });

  it("reports one full form given to two entries", () => {
    const other = entry({ id: "sabrina-meng", title: "Sabrina Meng", forms: ["Sabrina Meng", "Meng Wanzhou"] });
    const { errors } = validatePacks([pack("packs/test.json", [huawei(), entry(), other])]);
    const error = expectOneError(errors, "packs/test.json", "sabrina-meng", "forms");
    expect(error).toContain('"Meng Wanzhou"');
    expect(error).toContain('"meng-wanzhou"');
  });

  it("lets two entries share a short form", () => {
    const other = entry({ id: "meng-jianzhu", title: "Meng Jianzhu", forms: ["Meng Jianzhu"], related: [] });
    expect(validatePacks([pack("packs/test.json", [huawei(), entry(), other])]).errors).toEqual([]);
  });

  it("reports a file that is not JSON, and goes on with the others", () => {
    const { packs, errors } = validatePacks([
      { file: "packs/broken.json", text: '{"pack": "broken", ' },
      pack("packs/test.json", [huawei(), entry()]),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^packs\/broken\.json: not valid JSON/);
    expect(packs.map((p) => p.file)).toEqual(["packs/test.json"]);
  });

  it("reports a malformed pack head", () => {
    const { errors } = validatePacks([{ file: "packs/x.json", text: JSON.stringify({ pack: "X Y", entries: [] }) }]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.startsWith("packs/x.json: "))).toBe(true);
    expect(errors.some((e) => e.includes('field "pack"'))).toBe(true);
    expect(errors.some((e) => e.includes('field "title"'))).toBe(true);
  });

  it("reports every problem of an entry, not only the first", () => {
    const e = entry({ category: "people", asOf: "2025-13-01", summary: "<i>x</i>" });
    const errors = errorsFor(e);
    expect(errors).toHaveLength(3);
    for (const field of ["category", "asOf", "summary"]) {
      expect(errors.some((x) => x.includes('entry "meng-wanzhou"') && x.includes(`field "${field}"`))).toBe(true);
    }
  });

  it("labels an entry without a usable id by its position", () => {
    const { id: _, ...noId } = entry() as Record<string, unknown>;
    const errors = errorsFor(noId);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("entry #2");
    expect(errors[0]).toContain('field "id"');
  });
});

describe("an entry's timeline", () => {
  const merkel = [
    { text: "Leader of the CDU", from: "2000-04", to: "2018-12", role: "party-leader" },
    { text: "Chancellor of Germany", from: "2005-11-22", to: "2021-12-08", role: "office" },
    { text: "Retired from politics", from: "2021-12-08" },
  ];

  it("accepts dated items as precise as known, oldest first, the last one open", () => {
    expect(errorsFor(entry({ timeline: merkel }))).toEqual([]);
    expect(errorsFor(entry({ timeline: [{ text: "Founded", from: "1987" }] }))).toEqual([]);
  });

  it.each([
    [{ timeline: [{ text: "Chancellor", from: "2005-13" }] }, "timeline.0.from", "must be a real calendar date"],
    [{ timeline: [{ text: "Chancellor", from: "2005-02-30" }] }, "timeline.0.from", "must be a real calendar date"],
    [
      { timeline: [{ text: "Chancellor", from: "2005", to: "22 Nov 2005" }] },
      "timeline.0.to",
      "must be a date as YYYY, YYYY-MM or YYYY-MM-DD",
    ],
    [{ timeline: [{ text: "Chancellor", from: "2021", to: "2005" }] }, "timeline", "must end on or after it starts"],
    [{ timeline: [merkel[1], merkel[0]] }, "timeline", "items must be in the order they started"],
    [
      { timeline: Array.from({ length: 9 }, (_, i) => ({ text: `Item ${i}`, from: `${2000 + i}` })) },
      "timeline",
      "<=8 items",
    ],
    [{ timeline: [{ text: words(26), from: "2005" }] }, "timeline.0.text", "must be at most 25 words"],
    [{ timeline: [{ text: "Chancellor", from: "2005", until: "2021" }] }, "timeline.0.until", "unknown field"],
    [{ timeline: [{ text: "<b>Chancellor</b>", from: "2005" }] }, "timeline.0.text", "must be plain text, not markup"],
    [{ timeline: [{ text: "Chancellor", from: "2005", role: "Office" }] }, "timeline.0.role", "kebab-case"],
  ])("refuses %j, naming the field and why", (overrides, field, why) => {
    const message = expectOneError(errorsFor(entry(overrides)), "packs/test.json", "meng-wanzhou", field);
    expect(message).toContain(why);
  });

  it("lets the same month or year end one item and start the next", () => {
    const items = [
      { text: "Detained in Canada", from: "2018-12-01", to: "2021-09" },
      { text: "Back in China", from: "2021-09-25" },
    ];
    expect(errorsFor(entry({ timeline: items }))).toEqual([]);
  });
});

describe("the words of a refusal, as the import preview shows them", () => {
  /** The message of the one issue parsing `overrides` raises. */
  const messageOf = (overrides: Record<string, unknown>): string => {
    const result = EntrySchema.safeParse(entry(overrides));
    expect(result.success).toBe(false);
    return result.success ? "" : (result.error.issues[0]?.message ?? "");
  };

  it("names the type received, as zod's English does", () => {
    expect(messageOf({ title: 42 })).toBe("Invalid input: expected string, received number");
    expect(messageOf({ title: Number.NaN })).toBe("Invalid input: expected string, received NaN");
    expect(messageOf({ title: null })).toBe("Invalid input: expected string, received null");
    expect(messageOf({ title: ["a"] })).toBe("Invalid input: expected string, received array");
    expect(messageOf({ title: new Date(0) })).toBe("Invalid input: expected string, received Date");
    expect(messageOf({ title: { a: 1 } })).toBe("Invalid input: expected string, received object");
  });

  it("lists the allowed values, and says how long or short is allowed, in characters or items", () => {
    expect(messageOf({ category: "people" })).toBe(
      'Invalid option: expected one of "person"|"organization"|"place"|"event"|"policy"|"concept"',
    );
    expect(messageOf({ title: "x".repeat(121) })).toBe("Too big: expected string to have <=120 characters");
    expect(messageOf({ forms: [] })).toBe("Too small: expected array to have >=1 items");
    expect(messageOf({ context: Array.from({ length: 101 }, (_, i) => `id-${i}`) })).toBe(
      "Too big: expected array to have <=100 items",
    );
  });

  it("names a pattern that a field must match, and every unknown key", () => {
    expect(messageOf({ context: ["Not An Id"] })).toMatch(/^Invalid string: must match pattern \//);
    const result = EntrySchema.safeParse(entry({ colour: 1, size: 2 }));
    expect(result.success ? "" : result.error.issues[0].message).toBe('Unrecognized keys: "colour", "size"');
    const one = EntrySchema.safeParse(entry({ colour: 1 }));
    expect(one.success ? "" : one.error.issues[0].message).toBe('Unrecognized key: "colour"');
  });

  it("counts the words of a summary however they are spaced", () => {
    const spaced = `${Array.from({ length: MAX_SUMMARY_WORDS }, (_, i) => `w${i}`).join("   ")}`;
    expect(errorsFor(entry({ summary: spaced }))).toEqual([]);
  });
});

describe("validatePacks, at the edges", () => {
  it("names the pack-level field, or (pack) for the file itself", () => {
    expect(validatePacks([{ file: "packs/a.json", text: "[]" }]).errors).toEqual([
      'packs/a.json: field "(pack)": Invalid input: expected object, received array',
    ]);
    expect(validatePacks([{ file: "packs/a.json", text: JSON.stringify({ pack: "a", title: "A" }) }]).errors).toEqual([
      'packs/a.json: field "entries": Invalid input: expected array, received undefined',
    ]);
  });

  it("names an entry without an id by its place, and each unknown field of it", () => {
    const { errors } = validatePacks([pack("packs/t.json", [huawei(), null, { ...huawei(), id: "h2", a: 1, b: 2 }])]);
    expect(errors).toEqual([
      'packs/t.json: entry #2 field "": Invalid input: expected object, received null',
      'packs/t.json: entry "h2" field "a": unknown field',
      'packs/t.json: entry "h2" field "b": unknown field',
    ]);
  });

  it("lets one entry repeat its own form, but not take another entry's", () => {
    const twice = { ...huawei(), id: "huawei-2", forms: ["Huawei Co", "Huawei Co"] };
    expect(errorsFor(twice)).toEqual([]);
  });
});

describe("one message for one bad date", () => {
  it("names a malformed asOf once, by its format, and an impossible one by the calendar", () => {
    const malformed = errorsFor(entry({ asOf: "3 May 2019" }));
    expect(malformed).toHaveLength(1);
    expect(malformed[0]).toContain("must be an ISO date, YYYY-MM-DD");
    const impossible = errorsFor(entry({ asOf: "2019-02-30" }));
    expect(impossible).toHaveLength(1);
    expect(impossible[0]).toContain("must be a real calendar date");
  });
});
