import { describe, expect, it } from "vitest";
import { lintBundledGlossary } from "../../scripts/lib/lint-bundled.ts";
import { compileGlossary } from "../../src/glossary/compile.ts";
import { licensedEntries, resolveBlock } from "../../src/matcher/resolve.ts";
import { scanText } from "../../src/matcher/scan.ts";
import { deserializeMatcher } from "../../src/matcher/serialize.ts";

// The bundled glossary's ambiguous names: the page decides, or they stay unmarked.
const { loaded } = lintBundledGlossary();
const matcher = deserializeMatcher(compileGlossary(loaded.flatMap((p) => p.entries)).matcher);

/** Entry ids marked for `word` on a page made of these paragraphs. */
function readingsOf(word: string, ...paragraphs: string[]): string[] {
  const raw = paragraphs.map((p) => scanText(matcher, p));
  const licensed = licensedEntries(matcher, raw);
  return paragraphs.flatMap((p, i) =>
    resolveBlock(matcher, raw[i], licensed, () => true)
      .filter((m) => p.slice(m.start, m.end) === word)
      .map((m) => matcher.entryIds[m.entry]),
  );
}

describe("ambiguous names in the bundled glossary", () => {
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
});
