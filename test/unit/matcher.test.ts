import { describe, expect, it } from "vitest";
import { compileMatcher } from "../../src/matcher/compile.ts";
import { licensedEntries, resolveBlock } from "../../src/matcher/resolve.ts";
import { scanText } from "../../src/matcher/scan.ts";
import { deserializeMatcher, serializeMatcher } from "../../src/matcher/serialize.ts";
import type { MatcherEntry } from "../../src/matcher/types.ts";

const entry = (id: string, forms: string[], shortForms: string[] = [], context: string[] = []): MatcherEntry => ({
  id,
  group: 0,
  forms,
  shortForms,
  context,
});

const ENTRIES = [
  entry("kerry", ["John Kerry", "John F. Kerry"], ["Kerry"]),
  entry("county-kerry", ["County Kerry"], ["Kerry"]),
  entry("meng", ["Meng Wanzhou"], ["Meng"]),
  entry("extradition", ["extradition of Meng Wanzhou"], ["extradition"], ["meng"]),
  entry("xi", ["Xi Jinping", "President Xi"], ["Xi"]),
  entry("seoul", ["Seoul"]),
  entry("cop26", ["COP26", "United Nations climate summit in Glasgow"]),
  entry("un", ["United Nations", "UN"]),
  entry("glasgow", ["Glasgow"]),
  entry("one-plus-n", ["1+N"]),
  entry("cpp", ["C++"]),
  entry("us", ["U.S."]),
  entry("turkey", ["Turkey"]),
  entry("two-lists", ['"two lists"']),
  entry("carbon", ["carbon neutrality"]),
  entry("iran", ["Iran"]),
  entry("xjp-zh", ["习近平"]),
  entry("paris-agreement", ["Paris accord"]),
];
const matcher = deserializeMatcher(serializeMatcher(compileMatcher(ENTRIES)));

/** Resolves a single text as a whole page; returns [matched text, entry id] pairs. */
function mentions(text: string) {
  const raw = scanText(matcher, text);
  const licensed = licensedEntries(matcher, [raw]);
  return resolveBlock(matcher, raw, licensed, () => true).map((m) => [
    text.slice(m.start, m.end),
    matcher.entryIds[m.entry],
  ]);
}

describe("scanText and resolveBlock", () => {
  it("finds forms on word boundaries only", () => {
    expect(mentions("Iran and Irani and Tehran-Iran.")).toEqual([
      ["Iran", "iran"],
      ["Iran", "iran"],
    ]);
  });

  it("handles punctuation inside and around forms", () => {
    expect(mentions("its \u201c1+N\u201d plan, written in C++ for the U.S.-China talks")).toEqual([
      ["1+N", "one-plus-n"],
      ["C++", "cpp"],
      ["U.S.", "us"],
    ]);
    expect(mentions("11+N and 1+NN")).toEqual([]);
  });

  it("refuses a form too long for its capitals to be stored", () => {
    expect(() => compileMatcher([entry("long", ["x".repeat(256)])])).toThrow(/longer than 255/);
  });

  it("lets the page capitalise, never lower-case", () => {
    expect(mentions("SEOUL \u2014 Seoul, seoul")).toEqual([
      ["SEOUL", "seoul"],
      ["Seoul", "seoul"],
    ]);
    expect(mentions("Turkey eats turkey")).toEqual([["Turkey", "turkey"]]);
    expect(mentions("Carbon Neutrality and CARBON NEUTRALITY and carbon neutrality")).toHaveLength(3);
    expect(mentions("COP26 cop26 Cop26")).toEqual([["COP26", "cop26"]]);
    expect(mentions("the PARIS ACCORD and the Paris Accord")).toHaveLength(2);
  });

  it("matches forms of one or two letters only as written", () => {
    expect(mentions("Xi Jinping met the UN; XI and Un did not")).toEqual([
      ["Xi Jinping", "xi"],
      ["UN", "un"],
    ]);
  });

  it("folds quotes, dashes, spaces and soft hyphens", () => {
    expect(mentions("Wang demanded the \u201ctwo lists\u201d and two lists")).toEqual([
      ["\u201ctwo lists\u201d", "two-lists"],
    ]);
    expect(mentions("John\u00a0F.\n  Kerry")).toEqual([["John\u00a0F.\n  Kerry", "kerry"]]);
    expect(mentions("Meng Wan\u00adzhou")).toEqual([["Meng Wan\u00adzhou", "meng"]]);
  });

  it("matches possessives with straight and curly apostrophes", () => {
    expect(mentions("Meng Wanzhou\u2019s case and Seoul's mayor")).toEqual([
      ["Meng Wanzhou", "meng"],
      ["Seoul", "seoul"],
    ]);
  });

  it("marks short forms only where a full form licenses them, wherever it stands", () => {
    expect(mentions("Kerry spoke. Later, Meng said nothing.")).toEqual([]);
    expect(mentions("Kerry spoke. John F. Kerry is the envoy. Meng\u2019s case")).toEqual([
      ["Kerry", "kerry"],
      ["John F. Kerry", "kerry"],
    ]);
  });

  it("leaves a short form unmarked when two entries are licensed", () => {
    expect(mentions("John Kerry visited County Kerry; Kerry liked it")).toEqual([
      ["John Kerry", "kerry"],
      ["County Kerry", "county-kerry"],
    ]);
  });

  it("licenses short forms through context entries", () => {
    expect(mentions("the extradition of a banker")).toEqual([]);
    expect(mentions("the extradition case against Meng Wanzhou")).toEqual([
      ["extradition", "extradition"],
      ["Meng Wanzhou", "meng"],
    ]);
  });

  it("resolves overlaps to the longest, keeping nested entries", () => {
    const text = "a United Nations climate summit in Glasgow, Scotland";
    const raw = scanText(matcher, text);
    const [mention, ...rest] = resolveBlock(matcher, raw, licensedEntries(matcher, [raw]), () => true);
    expect(rest).toEqual([]);
    expect(text.slice(mention.start, mention.end)).toBe("United Nations climate summit in Glasgow");
    expect(mention.nested.map((i) => matcher.entryIds[i]).sort()).toEqual(["glasgow", "un"]);
  });

  it("lets a shorter entry win when the longer one is filtered out", () => {
    const text = "a United Nations climate summit in Glasgow";
    const raw = scanText(matcher, text);
    const cop = matcher.entryIds.indexOf("cop26");
    const got = resolveBlock(matcher, raw, licensedEntries(matcher, [raw]), (e) => e !== cop);
    expect(got.map((m) => text.slice(m.start, m.end))).toEqual(["United Nations", "Glasgow"]);
  });

  it("matches in scripts written without spaces", () => {
    expect(mentions("国家主席习近平今天表示")).toEqual([["习近平", "xjp-zh"]]);
    expect(mentions("习近平")).toEqual([["习近平", "xjp-zh"]]);
  });

  it("lets a Korean form take a particle, but not start inside a word", () => {
    const m = compileMatcher([entry("seoul-ko", ["서울"])]);
    const found = (text: string) => scanText(m, text).map((r) => text.slice(r.start, r.end));
    expect(found("대통령은 서울에서 말했다")).toEqual(["서울"]);
    expect(found("서울시와 부산")).toEqual(["서울"]);
    expect(found("남서울에서")).toEqual([]);
  });

  it("respects whole names in scripts written without spaces", () => {
    const m = compileMatcher([entry("han-zheng", ["韩正"]), entry("tokyo", ["東京"])]);
    const found = (text: string) => scanText(m, text).map((r) => text.slice(r.start, r.end));
    expect(found("韩正今天会见了代表团")).toEqual(["韩正"]);
    expect(found("韩正式宣布新政策")).toEqual([]); // "韩 | 正式": South Korea formally…
    expect(found("岸田文雄首相は東京で")).toEqual(["東京"]);
  });

  it("survives empty text and text of only spaces", () => {
    expect(mentions("")).toEqual([]);
    expect(mentions("   \u00ad ")).toEqual([]);
  });
});

describe("serialised matcher", () => {
  const roundTrip = (entries: MatcherEntry[]) => {
    const compiled = compileMatcher(entries);
    return [compiled, deserializeMatcher(serializeMatcher(compiled))] as const;
  };

  it("restores every array exactly, with lone surrogates, U+FFFF and a node of 300 edges", () => {
    const wide = Array.from({ length: 300 }, (_, i) => entry(`w${i}`, [`${String.fromCharCode(0x4e00 + i)}x`]));
    const [compiled, loaded] = roundTrip([
      ...ENTRIES,
      ...wide,
      entry("emoji", ["Rocket 🚀 Lab", "🌍 Day"]),
      entry("lone", ["a\ud800b", "c\udfffd"]),
      entry("noncharacter", ["x\uffffy"]),
    ]);
    expect(loaded).toEqual(compiled);
    const text = "A Rocket 🚀 Lab launch.";
    expect(scanText(loaded, text).map((m) => text.slice(m.start, m.end))).toEqual(["Rocket 🚀 Lab"]);
  });

  it("still finds what it found before it was serialised", () => {
    const [compiled, loaded] = roundTrip([entry("emoji", ["Rocket 🚀 Lab"]), entry("fifa", ["FIFA"])]);
    const text = "FIFA met Rocket 🚀 Lab.";
    expect(scanText(loaded, text)).toEqual(scanText(compiled, text));
    expect(scanText(loaded, text).map((m) => text.slice(m.start, m.end))).toEqual(["FIFA", "Rocket 🚀 Lab"]);
  });

  it("serialises an entry with hundreds of context entries, repeated ones counted once", () => {
    const many = Array.from({ length: 300 }, (_, i) => entry(`c${i}`, [`Context ${i}`]));
    const ids = [...many.map((e) => e.id), ...many.map((e) => e.id)];
    const [compiled, loaded] = roundTrip([...many, entry("wide", ["Wide"], ["W"], ids)]);
    expect(loaded).toEqual(compiled);
    const wide = compiled.entryIds.indexOf("wide");
    const naming = many.map((_, c) => [
      ...compiled.licensees.subarray(compiled.licenseeStart[c], compiled.licenseeStart[c + 1]),
    ]);
    expect(naming.every((list) => list.length === 1 && list[0] === wide)).toBe(true);
  });

  it("handles an empty glossary", () => {
    const [compiled, loaded] = roundTrip([]);
    expect(loaded).toEqual(compiled);
    expect(scanText(loaded, "anything")).toEqual([]);
  });
});

describe("names that are also everyday words", () => {
  const m = compileMatcher([
    { id: "target", group: 1, forms: ["Target", "Target Corp."], shortForms: [], context: [], wordNames: ["Target"] },
    { id: "itu", group: 2, forms: ["Itu"], shortForms: [], context: [], wordNames: ["Itu"] },
  ]);
  const found = (text: string) => {
    const raw = scanText(m, text);
    return resolveBlock(m, raw, licensedEntries(m, [raw]), () => true).map((r) => text.slice(r.start, r.end));
  };

  it("are marked mid-sentence, as written", () => {
    expect(found("Shoppers went to Target on Friday.")).toEqual(["Target"]);
    expect(found("Shoppers went to TARGET on Friday.")).toEqual([]);
    expect(found("The target was missed.")).toEqual([]);
  });

  it("count as short forms at the start of a sentence or heading", () => {
    expect(found("Target practice began at dawn.")).toEqual([]);
    expect(found("It rained. Target practice began.")).toEqual([]);
    expect(found("“Target the weak,” he said.")).toEqual([]);
    // Licensed by a form elsewhere on the page, the sentence-initial one is the company too.
    expect(found("Target Corp. said sales fell. Target blamed the weather.")).toEqual(["Target Corp.", "Target"]);
  });

  it("of three letters, never match an acronym in capitals", () => {
    expect(found("The mayor of Itu spoke.")).toEqual(["Itu"]);
    expect(found("The ITU met in Geneva.")).toEqual([]);
  });
});

describe("place names that begin a longer name", () => {
  const m = compileMatcher([
    { id: "chicago", group: 2, forms: ["Chicago"], shortForms: [], context: [], nameParts: ["Chicago"] },
  ]);
  const found = (text: string) => scanText(m, text).map((r) => text.slice(r.start, r.end));
  it("are not matched where a capitalised word follows", () => {
    expect(found("The Chicago Tribune said so.")).toEqual([]);
    expect(found("In Chicago, police said so.")).toEqual(["Chicago"]);
    expect(found("Police in Chicago said so.")).toEqual(["Chicago"]);
    expect(found("She left Chicago.")).toEqual(["Chicago"]);
  });
});
