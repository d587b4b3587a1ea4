import { describe, expect, it } from "vitest";
import { lintBundledGlossary } from "../../scripts/lib/lint-bundled.ts";
import { namePartsOf, wordNamesOf } from "../../scripts/lib/name-risk.ts";
import { sharedForms, wordNameForms } from "../../src/glossary/ambiguity.ts";
import { compileGlossary } from "../../src/glossary/compile.ts";
import { normalizeForm } from "../../src/matcher/chars.ts";
import { licensedEntries, resolveBlock } from "../../src/matcher/resolve.ts";
import { scanText } from "../../src/matcher/scan.ts";
import { deserializeMatcher } from "../../src/matcher/serialize.ts";

// The bundled glossary's ambiguous names: the page decides, or they stay unmarked.
const { loaded } = lintBundledGlossary();
const entries = loaded.flatMap((p) => p.entries);
const wordNames = wordNamesOf(entries);
const matcher = deserializeMatcher(compileGlossary(entries, [], wordNames, namePartsOf(loaded)).matcher);
const byId = new Map(entries.map((e) => [e.id, e]));
const key = (form: string) => normalizeForm(form).toLowerCase();
/** The entries that have this form (in any case) as a full form: a full form always wins. */
const fullOwnersOf = (form: string, ids: readonly string[]) =>
  ids.filter((id) => byId.get(id)?.forms.some((f) => key(f) === key(form)));

/** Entry ids marked for `word` on a page made of these paragraphs. */
function readingsOf(word: string, ...paragraphs: string[]): string[] {
  const raw = paragraphs.map((p) => scanText(matcher, p));
  const licensed = licensedEntries(matcher, raw);
  return paragraphs.flatMap((p, i) =>
    resolveBlock(matcher, raw[i], licensed, () => true)
      .filter((m) => normalizeForm(p.slice(m.start, m.end)) === normalizeForm(word))
      .map((m) => matcher.entryIds[m.entry]),
  );
}

/** A full form of the entry that is read as that entry on its own (not inside a longer name). */
function fullFormOf(id: string): string | undefined {
  return byId.get(id)?.forms.find((f) => {
    const text = `Reports named ${f} on Monday.`;
    return readingsOf(f, text).join() === id;
  });
}

describe("every form shared by two or more entries: the page decides, or it stays unmarked", () => {
  const shared = sharedForms(entries);

  it("lists them (the linter prints the same list: npm run glossary:lint -- --list)", () => {
    expect(shared.length).toBeGreaterThan(100);
  });

  it("is read as the entry whose full form is on the page, and never as another", () => {
    let decided = 0;
    let checked = 0;
    for (const { form, entries: ids } of shared) {
      const fullOwners = fullOwnersOf(form, ids);
      for (const id of ids) {
        const full = fullFormOf(id);
        if (!full || full === form) continue;
        checked++;
        const got = readingsOf(form, `${full} was in the news.`, `Later, ${form} spoke again.`);
        // The entry named on the page; else nothing (another reading also licensed), or an
        // entry that owns the name as a full form (a full form always wins).
        for (const g of got) expect([id, ...fullOwners], `${form} after "${full}"`).toContain(g);
        if (got.includes(id)) decided++;
      }
    }
    expect(checked).toBeGreaterThan(150);
    // Most shared names are decided by one full form on the page.
    expect(decided / checked).toBeGreaterThan(0.8);
  });

  it("stays unmarked where the page names none of its entries, or two of them", () => {
    for (const { form, entries: ids } of shared) {
      const fullOwners = fullOwnersOf(form, ids);
      const alone = readingsOf(form, `Later, ${form} spoke again.`);
      expect(
        alone.every((g) => fullOwners.includes(g)),
        `${form} alone: ${alone}`,
      ).toBe(true);
      const [a, b] = ids.map(fullFormOf);
      if (!a || !b || a === form || b === form || fullOwners.length) continue;
      const both = readingsOf(form, `${a} was in the news.`, `${b} was too.`, `Later, ${form} spoke again.`);
      expect(both, `${form} after "${a}" and "${b}"`).toEqual([]);
    }
  });
});

describe("every word name: as written, and at a sentence start only where licensed", () => {
  const words = wordNameForms(entries, wordNames);

  it("is never marked in lower case, nor at a sentence start on a page that does not name its entry", () => {
    expect(words.length).toBeGreaterThan(100);
    for (const { form } of words) {
      if (form === form.toUpperCase()) continue; // acronyms: no lower-case reading to test
      expect(readingsOf(form.toLowerCase(), `They spoke of ${form.toLowerCase()} again.`), form).toEqual([]);
      expect(readingsOf(form, `${form} was the word of the day.`), form).toEqual([]);
    }
  });
});

describe("the well-known traps, on real sentences", () => {
  it("Paris: the city, the agreement, or nothing", () => {
    expect(readingsOf("Paris", "Emmanuel Macron returned to Paris on Monday.")).toEqual(["paris"]);
    expect(readingsOf("Paris", "At COP28 delegates argued over Paris and its goals.")).toEqual(["paris-agreement"]);
    expect(readingsOf("Paris", "She moved to Paris last year.")).toEqual([]);
    expect(readingsOf("Paris", "Emmanuel Macron hosted COP28 talks on Paris.")).toEqual([]);
  });

  it("Georgia: the country, the US state, or nothing", () => {
    expect(readingsOf("Georgia", "Protests filled Tbilisi. Georgia's government refused to talk.")).toEqual([
      "georgia-country",
    ]);
    expect(readingsOf("Georgia", "Donald Trump campaigned in Georgia on Friday.")).toEqual(["georgia-us-state"]);
    expect(readingsOf("Georgia", "Georgia is lovely in spring.")).toEqual([]);
  });

  it("Kerry: the politician, the county, or nothing", () => {
    expect(readingsOf("Kerry", "John F. Kerry spoke. Kerry said talks would go on.", "x")).toEqual(["john-kerry"]);
    expect(readingsOf("Kerry", "Micheál Martin toured County Kerry. Kerry voted early.")).toEqual(["county-kerry"]);
    expect(readingsOf("Kerry", "Kerry won the match.")).toEqual([]);
  });

  it("Jordan: the country, the congressman, or nothing", () => {
    expect(readingsOf("Jordan", "King Abdullah II returned to Amman, and Jordan closed its airspace.")).toEqual([
      "jordan",
    ]);
    expect(
      readingsOf("Jordan", "Rep. Jim Jordan of Ohio chairs the committee. Jordan said he would subpoena them."),
    ).toEqual(["jim-jordan"]);
    expect(readingsOf("Jordan", "Michael Jordan's sneakers sold for a record.")).toEqual([]);
  });

  it("Washington: the capital, the state, the president, or nothing", () => {
    expect(readingsOf("Washington", "Officials in Washington, D.C., said the talks would resume.")).toEqual([]);
    expect(readingsOf("Washington", "Seattle is the largest city in Washington state.")).toEqual([]);
    expect(
      readingsOf("Washington", "Wildfires spread across Washington state. Washington declared an emergency."),
    ).toEqual(["washington"]);
    expect(readingsOf("Washington", "Denzel Washington won the award.")).toEqual([]);
  });

  it("Victoria, Cambridge, Birmingham: the place the page is about, or nothing", () => {
    expect(readingsOf("Victoria", "Victoria Beckham opened a shop.")).toEqual([]);
    expect(readingsOf("Victoria", "British Columbia's legislature sits in Victoria.")).toEqual([
      "victoria-british-columbia",
    ]);
    expect(readingsOf("Cambridge", "Harvard is in Cambridge, Massachusetts. Cambridge voted.")).toContain(
      "cambridge-massachusetts",
    );
    expect(readingsOf("Cambridge", "Students at Cambridge sat exams.")).toEqual([]);
    expect(readingsOf("Birmingham", "Birmingham, Alabama, was a centre of the civil rights movement.")).toEqual([]);
  });

  it("Amazon, Apple, Meta, Target, Visa: the company where the page names it, not the word", () => {
    expect(readingsOf("Amazon", "Amazon.com reported sales. Amazon said Prime grew.")).toEqual(["amazon-com"]);
    expect(readingsOf("Amazon", "Deforestation in the Amazon rainforest rose. The Amazon is burning.")).not.toContain(
      "amazon-com",
    );
    expect(readingsOf("Apple", "Apple pie is a dessert.")).toEqual([]);
    expect(readingsOf("Meta", "Meta analysis of the trials was published.")).toEqual([]);
    expect(readingsOf("Target", "Target practice began at dawn.")).toEqual([]);
    expect(readingsOf("Visa", "Visa applications rose.")).toEqual([]);
    expect(readingsOf("Visa", "Visa Inc. raised fees. Shares of Visa fell.")).toEqual(["visa"]);
  });

  it("a city's name inside a longer name is not the city", () => {
    expect(readingsOf("Kimberley", "Kimberley Strassel wrote the column.")).toEqual([]);
    expect(readingsOf("Chicago", "The Chicago Tribune reported it.")).toEqual([]);
    expect(readingsOf("Chicago", "Police in Chicago said so.")).toEqual(["chicago"]);
    expect(readingsOf("Wanzhou", "Meng Wanzhou spoke.")).toEqual([]);
  });

  it("Chad: the country where the page places it, never the first name", () => {
    expect(readingsOf("Chad", "Chad Smith scored twice.")).toEqual([]);
    expect(readingsOf("Chad", "Refugees crossed from Darfur into Chad, said officials in N'Djamena.")).toEqual([
      "chad",
    ]);
  });
});
