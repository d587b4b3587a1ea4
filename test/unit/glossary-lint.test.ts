import { describe, expect, it } from "vitest";
import { lintGlossary } from "../../src/glossary/lint.ts";
import type { LoadedPack } from "../../src/glossary/load.ts";
import { EntrySchema } from "../../src/glossary/schema.ts";
import { rawEntry } from "../support/entries.ts";

const entry = (id: string, extra: Record<string, unknown> = {}) => EntrySchema.parse(rawEntry(id, extra));
const pack = (...entries: ReturnType<typeof entry>[]): LoadedPack[] => [
  { pack: "p", title: "P", file: "p.json", entries },
];
const lint = (packs: LoadedPack[]) =>
  lintGlossary(packs, { today: "2026-11-29", commonWords: new Set(["state", "power"]) });

describe("lintGlossary", () => {
  it("names file, entry and field for each kind of problem", () => {
    expect(
      lint(
        pack(
          entry("a", { forms: ["Paris accord"] }),
          entry("b", { forms: ["Paris Accord"], shortForms: ["a form", "Paris accord"] }),
          entry("c", { forms: ["state", "State"] }),
          entry("d", { asOf: "2027-01-01", related: ["d", "zz"] }),
          entry("e", { summary: "Currently the chair of the board." }),
        ),
      ),
    ).toEqual([
      'p.json: entry "b" field "forms": "Paris Accord" differs only in case from a form of "a"',
      'p.json: entry "b" field "shortForms": "Paris accord" is a full form of "a", so it would never mean "b"',
      'p.json: entry "c" field "forms": "state" is a common English word; make it a short form or qualify it',
      'p.json: entry "d" field "asOf": 2027-01-01 is in the future',
      'p.json: entry "d" field "related": an entry cannot be related to itself',
      'p.json: entry "d" field "related": unknown entry id "zz"',
      'p.json: entry "e" field "asOf": the summary describes a present state ("currently"…) but has no asOf date',
    ]);
  });

  it("names an office without an asOf, holders dated in the future and a title that is another entry's form", () => {
    const office = (holders: unknown[], extra: Record<string, unknown> = {}) =>
      entry("pm", { office: { of: "uk", titles: ["the prime minister"], holders }, ...extra });
    expect(
      lint(
        pack(
          entry("uk"),
          entry("show", { forms: ["The Prime Minister"] }),
          office([
            { name: "A", from: "2020-01-02", to: "2026-12-01" },
            { name: "B", from: "2026-12-01" },
          ]),
        ),
      ),
    ).toEqual([
      'p.json: entry "pm" field "asOf": an office needs the date its holders were last known',
      'p.json: entry "pm" field "office.holders.0": 2026-12-01 is in the future',
      'p.json: entry "pm" field "office.holders.1": 2026-12-01 is in the future',
      'p.json: entry "pm" field "office.titles": "the prime minister" is a full form of "show"',
    ]);
    expect(lint(pack(entry("uk"), office([{ name: "A", from: "2020-01-02" }], { asOf: "2026-11-01" })))).toEqual([]);
    // Today is not the future.
    expect(
      lint(pack(entry("uk"), office([{ name: "A", from: "2020-01-02", to: "2026-11-29" }], { asOf: "2026-11-01" }))),
    ).toEqual([]);
    expect(
      lint(
        pack(
          entry("uk"),
          office([{ name: "A", from: "2020-01-02" }], { asOf: "2026-11-01", shortForms: ["the Prime Minister"] }),
        ),
      ),
    ).toEqual(['p.json: entry "pm" field "office.titles": "the prime minister" is also one of its forms']);
  });

  it("names a short form that is also the entry's own full form, and only that", () => {
    expect(lint(pack(entry("a", { forms: ["Apex Corp"], shortForms: ["Apex Corp", "Apex"] })))).toEqual([
      'p.json: entry "a" field "shortForms": "Apex Corp" is also one of its full forms',
    ]);
  });

  it("leaves a capitalised form alone even when the word is common ('State' is a name, 'state' a word)", () => {
    expect(lint(pack(entry("a", { forms: ["State", "Power"] })))).toEqual([]);
  });

  it("takes an asOf of today, and a present-tense summary with a date, as clean", () => {
    expect(lint(pack(entry("a", { asOf: "2026-11-29", summary: "The current chair of the board." })))).toEqual([]);
    expect(lint(pack(entry("b", { summary: "The current mayor." })))).toEqual([
      'p.json: entry "b" field "asOf": the summary describes a present state ("currently"…) but has no asOf date',
    ]);
  });

  it("passes a clean glossary", () => {
    expect(lint(pack(entry("a"), entry("b", { related: ["a"] })))).toEqual([]);
  });
});

describe("timelines", () => {
  const at = (timeline: unknown[]) => lint(pack(entry("a", { timeline })));

  it("passes items of one role that follow each other, and items of different roles that overlap", () => {
    expect(
      at([
        { text: "Leader of the CDU", from: "2000-04", to: "2018-12", role: "party-leader" },
        { text: "Chancellor of Germany", from: "2005-11-22", to: "2021-12-08", role: "office" },
        { text: "Retired", from: "2021-12-08", role: "office" },
      ]),
    ).toEqual([]);
  });

  it("names items of one role that overlap, or follow one that never ended", () => {
    expect(
      at([
        { text: "Prime minister", from: "2010", to: "2016-07", role: "office" },
        { text: "Prime minister again", from: "2016-06", role: "office" },
        { text: "Leader", from: "2017", role: "office" },
      ]),
    ).toEqual([
      'p.json: entry "a" field "timeline": items 1 and 2 (role "office") overlap: item 2 starts before 2016-07',
      'p.json: entry "a" field "timeline": items 2 and 3 (role "office") overlap: item 2 has no end',
    ]);
  });

  it("names items dated after today", () => {
    expect(at([{ text: "Summit", from: "2026-11", to: "2027-01" }])).toEqual([
      'p.json: entry "a" field "timeline": item 1 ends in the future (2027-01)',
    ]);
    expect(at([{ text: "Summit", from: "2027" }])).toEqual([
      'p.json: entry "a" field "timeline": item 1 starts in the future (2027)',
    ]);
  });
});
