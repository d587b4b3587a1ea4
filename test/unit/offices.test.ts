import { describe, expect, it } from "vitest";
import { compileGlossary } from "../../src/glossary/compile.ts";
import { validatePacks } from "../../src/glossary/load.ts";
import { EntrySchema, type Office } from "../../src/glossary/schema.ts";
import { licensedEntries, resolveBlock } from "../../src/matcher/resolve.ts";
import { scanText } from "../../src/matcher/scan.ts";
import { deserializeMatcher } from "../../src/matcher/serialize.ts";
import { countryIsClear, holderOn, namesHolder, officeThenAndSince } from "../../src/shared/offices.ts";
import { rawEntry } from "../support/entries.ts";

const ukPrimeMinister: Office = {
  of: "united-kingdom",
  titles: ["the prime minister"],
  holders: [
    { name: "David Cameron", entry: "david-cameron", from: "2010-05-11", to: "2016-07-13" },
    { name: "Theresa May", entry: "theresa-may", from: "2016-07-13", to: "2019-07-24" },
    { name: "Boris Johnson", from: "2019-07-24", to: "2022-09-06" },
    { name: "Keir Starmer", entry: "keir-starmer", from: "2024-07-05" },
  ],
};

describe("holderOn: who certainly held an office on a day", () => {
  it.each([
    ["2017-05-03", "Theresa May"],
    ["2016-07-14", "Theresa May"],
    ["2019-07-23", "Theresa May"],
    ["2019-07-25", "Boris Johnson"],
    ["2026-01-01", "Keir Starmer"],
    ["2012-01-01", "David Cameron"],
  ])("on %s: %s", (day, name) => {
    expect(holderOn(ukPrimeMinister, day)?.name).toBe(name);
  });

  it.each([
    ["2016-07-13", "a day of handover: the article may be from before it"],
    ["2010-05-11", "the first holder's first day"],
    ["2009-12-31", "before the first listed holder"],
    ["2023-06-01", "a gap in the list (no one listed between Johnson and Starmer)"],
  ])("on %s: none (%s)", (day) => {
    expect(holderOn(ukPrimeMinister, day)).toBeNull();
  });
});

describe("namesHolder: a bare title, not a full form of the office", () => {
  it.each([
    ["the prime minister", true],
    ["The Prime Minister", true],
    ["THE PRIME\u00a0MINISTER", true],
    ["British prime minister", false],
    ["Prime Minister of the United Kingdom", false],
  ])("%s: %s", (text, expected) => {
    expect(namesHolder(ukPrimeMinister, text)).toBe(expected);
  });
});

describe("holderOn, for the last holder", () => {
  it("answers only up to the day the list was last known true (the office's asOf)", () => {
    expect(holderOn(ukPrimeMinister, "2026-07-01", "2026-07-03")?.name).toBe("Keir Starmer");
    expect(holderOn(ukPrimeMinister, "2026-07-03", "2026-07-03")?.name).toBe("Keir Starmer");
    expect(holderOn(ukPrimeMinister, "2026-07-04", "2026-07-03")).toBeNull();
    // Earlier holders are bounded by their own terms.
    expect(holderOn(ukPrimeMinister, "2017-05-03", "2020-01-01")?.name).toBe("Theresa May");
    expect(officeThenAndSince(ukPrimeMinister, "2017-05-03", "2020-01-01")?.held.map((i) => i.text)).toEqual([
      "Theresa May",
    ]);
  });
});

describe("countryIsClear: whose title a page means", () => {
  const page = (counts: Record<string, number>) => new Map(Object.entries(counts));
  it.each([
    [{ "united-states": 43, kenya: 9 }, true, "named far more than any other"],
    [{ "united-states": 2 }, true, "named twice, alone"],
    [{ "united-states": 1 }, false, "named once"],
    [{ pakistan: 3, india: 2 }, false, "another country named nearly as often"],
    [{ "united-states": 4, china: 2 }, true, "twice as often as the next"],
    [{ "united-states": 4, china: 3 }, false, "not twice as often"],
    [{ china: 5 }, false, "not named at all"],
  ] as [Record<string, number>, boolean, string][])("%o → %s (%s)", (counts, expected) => {
    expect(countryIsClear(page(counts), "united-states")).toBe(expected);
  });
});

describe("officeThenAndSince", () => {
  it("names the holder then, the end of their term and every holder after (when each began)", () => {
    const history = officeThenAndSince(ukPrimeMinister, "2017-05-03");
    expect(history?.held.map((i) => i.text)).toEqual(["Theresa May"]);
    expect(history?.since.map(({ item, change, at }) => `${change} ${at} ${item.text}`)).toEqual([
      "ended 2019-07-24 Theresa May",
      "began 2019-07-24 Boris Johnson",
      "began 2024-07-05 Keir Starmer",
    ]);
  });

  it("is null when the holder then still holds it, or is not certain", () => {
    expect(officeThenAndSince(ukPrimeMinister, "2025-03-01")).toBeNull();
    expect(officeThenAndSince(ukPrimeMinister, "2016-07-13")).toBeNull();
  });
});

describe("the office schema", () => {
  const withOffice = (office: unknown) => EntrySchema.safeParse(rawEntry("pm", { office }));
  const messages = (office: unknown) => {
    const r = withOffice(office);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("accepts an office with titles and ordered holders", () => {
    expect(messages(ukPrimeMinister)).toEqual([]);
  });

  it("refuses a title that does not start with 'the '", () => {
    expect(messages({ ...ukPrimeMinister, titles: ["prime minister"] })).toEqual([
      'office.titles.0: must start with "the " and a lower-case word, as in "the prime minister"',
    ]);
    expect(messages({ ...ukPrimeMinister, titles: ["The Prime Minister"] })).toHaveLength(1);
  });

  it("accepts a holder who left on the day they took office, and one who took office the day the last left", () => {
    const [a, b] = ukPrimeMinister.holders;
    expect(
      messages({
        ...ukPrimeMinister,
        holders: [
          { ...a, to: a.from },
          { ...b, from: a.from },
        ],
      }),
    ).toEqual([]);
  });

  it("refuses holders out of order, overlapping, or with an open term before the last", () => {
    const [a, b] = ukPrimeMinister.holders;
    const order =
      "office.holders: holders must be in order, each taking office on or after the one before left (only the last may hold it still)";
    expect(messages({ ...ukPrimeMinister, holders: [b, a] })).toEqual([order]);
    expect(messages({ ...ukPrimeMinister, holders: [{ ...a, to: "2016-08-01" }, b] })).toEqual([order]);
    expect(messages({ ...ukPrimeMinister, holders: [{ ...a, to: undefined }, b] })).toEqual([order]);
    expect(messages({ ...ukPrimeMinister, holders: [{ ...a, to: "2009-01-01" }] })).toEqual([
      "office.holders: every holder must leave on or after taking office",
    ]);
  });

  it("wants holders' dates to the day", () => {
    expect(messages({ ...ukPrimeMinister, holders: [{ name: "Theresa May", from: "2016-07" }] })).toEqual([
      "office.holders.0.from: must be an ISO date, YYYY-MM-DD",
    ]);
  });

  it("is checked against the glossary: the country and the holders' entries must exist", () => {
    const pack = {
      pack: "t",
      title: "T",
      entries: [
        rawEntry("united-kingdom"),
        rawEntry("theresa-may"),
        rawEntry("pm", { office: { ...ukPrimeMinister, of: "britain" } }),
      ],
    };
    const valid = {
      ...pack,
      entries: [
        rawEntry("united-kingdom"),
        rawEntry("theresa-may"),
        rawEntry("pm", { office: { ...ukPrimeMinister, holders: [ukPrimeMinister.holders[1]] } }),
      ],
    };
    expect(validatePacks([{ file: "t.json", text: JSON.stringify(valid) }]).errors).toEqual([]);
    const { errors } = validatePacks([{ file: "t.json", text: JSON.stringify(pack) }]);
    expect(errors).toEqual([
      't.json: entry "pm" field "office.of": unknown entry id "britain"',
      't.json: entry "pm" field "office.holders.0.entry": unknown entry id "david-cameron"',
      't.json: entry "pm" field "office.holders.3.entry": unknown entry id "keir-starmer"',
    ]);
  });
});

describe("a title on a page", () => {
  const office = (id: string, of: string, holders: Office["holders"]) =>
    EntrySchema.parse(
      rawEntry(id, { forms: [`${id} office`], office: { of, titles: ["the prime minister"], holders } }),
    );
  const place = (id: string, form: string) => EntrySchema.parse(rawEntry(id, { forms: [form] }));
  const person = (id: string, form: string) => EntrySchema.parse(rawEntry(id, { forms: [form] }));
  const entries = () => [
    place("united-kingdom", "Britain"),
    place("israel", "Israel"),
    person("theresa-may", "Theresa May"),
    office("uk-pm", "united-kingdom", [{ name: "Theresa May", entry: "theresa-may", from: "2016-07-13" }]),
    office("israel-pm", "israel", [{ name: "Benjamin Netanyahu", from: "2009-03-31" }]),
  ];
  const resolved = (text: string) => {
    const m = deserializeMatcher(compileGlossary(entries()).matcher);
    const raw = scanText(m, text);
    return resolveBlock(m, raw, licensedEntries(m, [raw]), () => true).map(
      (r) => `${text.slice(r.start, r.end)} → ${m.entryIds[r.entry]}`,
    );
  };

  it("is the office of the one country the page names", () => {
    expect(resolved("In Britain, the prime minister spoke.")).toEqual([
      "Britain → united-kingdom",
      "the prime minister → uk-pm",
    ]);
    expect(resolved("The Prime Minister met Theresa May's aides.")).toEqual([
      "The Prime Minister → uk-pm",
      "Theresa May → theresa-may",
    ]);
  });

  it("is nothing where the page names no country with that office, or two", () => {
    expect(resolved("Later the prime minister spoke.")).toEqual([]);
    expect(resolved("Britain and Israel: the prime minister spoke.")).toEqual([
      "Britain → united-kingdom",
      "Israel → israel",
    ]);
  });

  it.each([
    ["of", "Britain: the prime minister of the club spoke."],
    ["of, across a line break", "Britain: the prime minister\nof the club spoke."],
    ["of, after a narrow no-break space", "Britain: the prime minister\u202fof the club spoke."],
    ["a hyphen", "Britain: the prime minister-designate spoke."],
    ["an en dash", "Britain: the prime minister\u2013designate spoke."],
    ["elect", "Britain: the prime minister elect spoke."],
    ["designate", "Britain: the prime minister designate spoke."],
    ["Of, capitalised", "Britain: THE PRIME MINISTER OF THE CLUB spoke."],
    ["a name", "Britain: the Prime Minister Johnson era ended."],
  ])("is nothing where %s follows: it names someone else", (_, text) => {
    expect(resolved(text)).toEqual(["Britain → united-kingdom"]);
  });

  it("is the office where what follows does not qualify it", () => {
    expect(resolved("Britain: the prime minister offered, the prime minister's office, the prime minister.")).toEqual([
      "Britain → united-kingdom",
      "the prime minister → uk-pm",
      "the prime minister → uk-pm",
      "the prime minister → uk-pm",
    ]);
  });

  it("needs 'the' before it: 'Israeli prime minister' is not the British one", () => {
    expect(resolved("Britain hosted Israeli prime minister visits.")).toEqual(["Britain → united-kingdom"]);
    expect(resolved("Britain hosted the prime minister.")).toEqual([
      "Britain → united-kingdom",
      "the prime minister → uk-pm",
    ]);
  });
});

describe("the compiled glossary's countries", () => {
  it("pairs each country with itself and each office-holder with the office's country, not the office", () => {
    const entries = [
      EntrySchema.parse(rawEntry("united-kingdom", { forms: ["Britain"] })),
      EntrySchema.parse(rawEntry("theresa-may", { forms: ["Theresa May"] })),
      EntrySchema.parse(rawEntry("uk-pm", { office: ukPrimeMinister })),
      EntrySchema.parse(rawEntry("tea", { forms: ["tea"] })),
    ].map((e) => (e.id === "uk-pm" ? { ...e, office: { ...ukPrimeMinister, of: "united-kingdom" } } : e));
    const compiled = compileGlossary(entries, [{ id: "countries", title: "Countries", entryIds: ["united-kingdom"] }]);
    expect(compiled.countryOf).toEqual([0, 0, 1, 0]);
    expect(compiled.officeOf).toEqual([2, 0]);
    // In entry order, whatever order the packs list them in.
    const late = compileGlossary(
      [entries[1], entries[2], entries[0]],
      [{ id: "countries", title: "Countries", entryIds: ["united-kingdom"] }],
    );
    expect(late.countryOf).toEqual([0, 2, 2, 2]);
    expect(late.officeOf).toEqual([1, 2]);
    expect(compileGlossary(entries).countryOf).toEqual([1, 0]);
  });
});

describe("namesHolder with two titles", () => {
  it("is any of them", () => {
    const office = { ...ukPrimeMinister, titles: ["the prime minister", "the premier"] };
    expect(namesHolder(office, "the premier")).toBe(true);
    expect(namesHolder(office, "The Prime Minister")).toBe(true);
  });
});
