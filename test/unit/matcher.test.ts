import { describe, expect, it, vi } from "vitest";
import { compileMatcher } from "../../src/matcher/compile.ts";
import { Licensing, licensedEntries, resolveBlock } from "../../src/matcher/resolve.ts";
import { type RawMatch, scanText } from "../../src/matcher/scan.ts";
import { deserializeMatcher, fromBase64, serializeMatcher, toBase64 } from "../../src/matcher/serialize.ts";
import type { Matcher, MatcherEntry } from "../../src/matcher/types.ts";

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

// The tests below compile their matchers inside each test, not when the file loads: mutation
// testing (npm run mutate) switches a mutant on per test, so a matcher compiled at load time
// would leave the compiler's rules untested.

/** The spans of `text` where a form of `m` matches (before resolving), in order. */
const spansIn = (m: Matcher, text: string) => scanText(m, text).map((r) => text.slice(r.start, r.end));

/** A text resolved as a whole page: [matched text, entry id] pairs. */
function resolvedIn(m: Matcher, text: string) {
  const raw = scanText(m, text);
  return resolveBlock(m, raw, licensedEntries(m, [raw]), () => true).map((r) => [
    text.slice(r.start, r.end),
    m.entryIds[r.entry],
  ]);
}

describe("compileMatcher", () => {
  it("ignores forms that are empty once normalised (blank, or only a soft hyphen)", () => {
    expect(compileMatcher([entry("iran", ["", "  ", "\u00ad", "Iran"])])).toEqual(
      compileMatcher([entry("iran", ["Iran"])]),
    );
  });

  it("stores a form once per entry, however often it is listed (listed again as short, it stays full)", () => {
    expect(compileMatcher([entry("iran", ["Iran", "Iran", "I\u00adran"], ["Iran"])])).toEqual(
      compileMatcher([entry("iran", ["Iran"])]),
    );
  });

  it("accepts a form of exactly 255 characters, and finds it with its case checked to the last one", () => {
    const form = `${"word ".repeat(50)}UNSCR`;
    expect(form).toHaveLength(255);
    const m = compileMatcher([entry("long", [form])]);
    expect(m.maxFormLength).toBe(255);
    expect(spansIn(m, `it said ${form}.`)).toEqual([form]);
    expect(spansIn(m, `it said ${form.slice(0, -1)}r.`)).toEqual([]);
  });

  it("lets the page capitalise forms of three letters or more, but matches one or two letters only as written", () => {
    const m = compileMatcher([
      entry("itu", ["Itu"]),
      entry("seoul", ["Seoul"]),
      entry("xi", ["Xi"]),
      entry("km", ["km"]),
    ]);
    expect(spansIn(m, "ITU, Itu, SEOUL, Seoul, XI, Xi, KM, km")).toEqual(["ITU", "Itu", "SEOUL", "Seoul", "Xi", "km"]);
  });

  it("keeps a form's capitals, first and inner: Turkey is not turkey, McDonald's not Mcdonald's, eBay not ebay", () => {
    const m = compileMatcher([
      entry("turkey", ["Turkey"]),
      entry("mcdonalds", ["McDonald's"]),
      entry("ebay", ["eBay"]),
    ]);
    expect(
      spansIn(m, "Turkey, turkey; McDonald's, MCDONALD'S, Mcdonald's, mcdonald's; eBay, EBAY, Ebay, ebay"),
    ).toEqual(["Turkey", "McDonald's", "MCDONALD'S", "eBay", "EBAY"]);
  });

  it("checks each form's own capitals only, not those of the form stored after it", () => {
    // "Xi" and "eBay" sit side by side in the capital positions: [0] then [1].
    const m = compileMatcher([entry("xi", ["Xi"]), entry("ebay", ["eBay"])]);
    expect(spansIn(m, "Xi sold it on eBay")).toEqual(["Xi", "eBay"]);
  });

  it("lays out each form's capital positions, first letter included, in form order", () => {
    const m = compileMatcher([entry("mcdonalds", ["McDonald's"]), entry("iran", ["iran"])]);
    // Forms are numbered breadth-first: the shorter "iran" first.
    expect(m.entryIds[m.formEntry[0]]).toBe("iran");
    expect([...m.caps]).toEqual([0, 2]);
    expect([...m.capStart]).toEqual([0, 0, 2]);
  });

  it("ignores context ids that name no entry or the entry itself", () => {
    const m = compileMatcher([
      entry("alpha", ["Alpha"], ["A1"], ["alpha", "no-such-entry"]),
      entry("beta", ["Beta"], ["B1"], ["alpha"]),
    ]);
    const licenseesOf = (e: number) =>
      [...m.licensees.subarray(m.licenseeStart[e], m.licenseeStart[e + 1])].map((i) => m.entryIds[i]);
    expect(licenseesOf(0)).toEqual(["beta"]);
    expect(licenseesOf(1)).toEqual([]);
  });

  it("compiles short forms as short: marked only where a full form of the entry is on the page", () => {
    const m = compileMatcher([entry("kerry", ["John Kerry"], ["Kerry"])]);
    expect(resolvedIn(m, "Kerry spoke.")).toEqual([]);
    expect(resolvedIn(m, "John Kerry arrived. Kerry spoke.")).toEqual([
      ["John Kerry", "kerry"],
      ["Kerry", "kerry"],
    ]);
  });

  it("passes word names and name parts on to the matcher", () => {
    const m = compileMatcher([
      { ...entry("target", ["Target"]), wordNames: ["Target"] },
      { ...entry("chicago", ["Chicago"]), nameParts: ["Chicago"] },
    ]);
    expect(spansIn(m, "TARGET sued the Chicago Tribune")).toEqual([]);
    expect(spansIn(m, "It said Target sued Chicago police")).toEqual(["Target", "Chicago"]);
  });

  it("finds forms whatever the order their letters were added to the trie in", () => {
    const m = compileMatcher(["Kuwait", "Korea", "Kiribati", "Kenya", "Kazakhstan"].map((f) => entry(f, [f])));
    expect(spansIn(m, "Kazakhstan, Kenya, Kiribati, Korea and Kuwait")).toEqual([
      "Kazakhstan",
      "Kenya",
      "Kiribati",
      "Korea",
      "Kuwait",
    ]);
  });

  it("finds every form of a glossary spanning more than one block of 256 trie nodes", () => {
    const forms = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i)).flatMap((c) => [c, `${c}y`]);
    const m = compileMatcher(forms.map((f, i) => entry(`e${i}`, [f])));
    const found = new Set(spansIn(m, forms.join(" ")));
    expect(forms.filter((f) => !found.has(f))).toEqual([]);
  });
});

describe("scanText, word by word", () => {
  it("matches a form only along its whole path: not from its second letter, not after leaving it midway", () => {
    const m = compileMatcher([entry("iran", ["Iran"]), entry("g7", ["G7"]), entry("germany", ["Germany"])]);
    expect(spansIn(m, "They ran to Iran")).toEqual(["Iran"]);
    expect(spansIn(m, "Gen7 consoles at the G7 summit in Germany")).toEqual(["G7", "Germany"]);
  });

  it("sees the boundary after a form past an ignorable character, and none where a soft hyphen joins a word", () => {
    const m = compileMatcher([entry("iran", ["Iran"]), entry("carbon", ["carbon"])]);
    expect(spansIn(m, "Iran\u200b said")).toEqual(["Iran"]);
    expect(spansIn(m, "Iran\u00adian oil")).toEqual([]);
    expect(spansIn(m, "hydro\u00adcarbon")).toEqual([]);
  });

  it("scans in slices exactly as in one pass where a slice starts after an ignorable or one letter into a word", () => {
    const m = compileMatcher([entry("iran", ["Iran"])]);
    for (const text of ["xIran", "Tehran\u00adIran", "the \u200bIran deal"]) {
      const whole = scanText(m, text);
      for (let cut = 0; cut <= text.length; cut++) {
        expect([...scanText(m, text, [], 0, cut), ...scanText(m, text, [], cut)], `${text} cut at ${cut}`).toEqual(
          whole,
        );
      }
    }
  });

  it("checks the case of every character of a form longer than 64 characters", () => {
    const form = "Joint Comprehensive Plan of Action agreed between Iran and the P5+1 and the EU";
    const m = compileMatcher([entry("jcpoa", [form])]);
    expect(spansIn(m, `the ${form} was signed`)).toEqual([form]);
    expect(spansIn(m, `the ${form.slice(0, -2)}eu was signed`)).toEqual([]);
  });

  it("matches a name part at the very end of a text, after trailing spaces", () => {
    const m = compileMatcher([{ ...entry("chicago", ["Chicago"]), nameParts: ["Chicago"] }]);
    expect(spansIn(m, "Flights to Chicago ")).toEqual(["Chicago"]);
    expect(spansIn(m, "Flights to Chicago  Tribune")).toEqual([]);
  });

  it("notes a sentence start only on matches of word names", () => {
    const m = compileMatcher([entry("iran", ["Iran"]), { ...entry("target", ["Target"]), wordNames: ["Target"] }]);
    const iran = m.formEntry.indexOf(0);
    const target = m.formEntry.indexOf(1);
    expect(scanText(m, "Iran said.")).toEqual([{ start: 0, end: 4, forms: [iran] }]);
    expect(scanText(m, "Target said.")).toEqual([{ start: 0, end: 6, forms: [target], sentenceStart: true }]);
  });
});

describe("word names at the start of a sentence", () => {
  const word = () => compileMatcher([{ ...entry("target", ["Target"]), wordNames: ["Target"] }]);

  it("start one after a line break, a tab or a no-break space following the full stop", () => {
    const m = word();
    for (const gap of ["\n", "\r\n", "\t", "\u00a0"]) {
      expect(resolvedIn(m, `It rained.${gap}Target practice began.`), JSON.stringify(gap)).toEqual([]);
    }
  });

  it("are mid-sentence after a first word of one letter", () => {
    expect(resolvedIn(word(), "A Target store opened.")).toEqual([["Target", "target"]]);
  });

  it("turn short only for their own entry: another entry's plain form of the same text still marks it", () => {
    const m = compileMatcher([
      { ...entry("target-corp", ["Target"]), wordNames: ["Target"] },
      entry("target-centre", ["Target"]),
    ]);
    expect(resolvedIn(m, "Target opened a store.")).toEqual([["Target", "target-centre"]]);
  });
});

describe("whole words in scripts written without spaces", () => {
  it("refuses a name that starts inside a word, even where it ends on a boundary", () => {
    const m = compileMatcher([entry("kyoto", ["京都"])]);
    expect(spansIn(m, "東京都。")).toEqual([]); // 東京 | 都: Tokyo Metropolis
    expect(spansIn(m, "京都。")).toEqual(["京都"]);
  });

  it("finds a whole name far into a long run, and refuses a part of a word there", () => {
    const m = compileMatcher([entry("xi", ["习近平"]), entry("han-zheng", ["韩正"])]);
    // 40 characters: the segmenter reads a window of text around the match, not the whole block.
    const lead = "据新华社北京电（记者王小明）今天上午，第十四届全国人民代表大会在人民大会堂开幕，";
    expect(spansIn(m, `${lead}国家主席习近平今天表示`)).toEqual(["习近平"]);
    expect(spansIn(m, `${lead}韩正式宣布新政策`)).toEqual([]);
  });

  it("segments Thai text: a name inside a longer Thai word is refused", () => {
    const m = compileMatcher([entry("bangkok", ["กรุงเทพ"])]);
    expect(spansIn(m, "ไปกรุงเทพวันนี้")).toEqual(["กรุงเทพ"]);
    expect(spansIn(m, "กรุงเทพมหานคร")).toEqual([]);
  });

  it("leaves names in spaced scripts alone: after an elided article (l'Iran) or straight after Thai text", () => {
    const m = compileMatcher([entry("iran", ["Iran"])]);
    expect(spansIn(m, "l'Iran a dit")).toEqual(["Iran"]);
    expect(spansIn(m, "ประธานาธิบดีของIranกล่าว")).toEqual(["Iran"]);
  });

  it("keeps such matches where Intl.Segmenter is missing", async () => {
    const segmenter = Intl.Segmenter;
    try {
      Object.defineProperty(Intl, "Segmenter", { value: undefined, configurable: true, writable: true });
      vi.resetModules();
      const scan = await import("../../src/matcher/scan.ts");
      const m = compileMatcher([entry("han-zheng", ["韩正"])]);
      const text = "韩正式宣布新政策";
      expect(scan.scanText(m, text).map((r) => text.slice(r.start, r.end))).toEqual(["韩正"]);
    } finally {
      Object.defineProperty(Intl, "Segmenter", { value: segmenter, configurable: true, writable: true });
      vi.resetModules();
    }
  });
});

describe("resolveBlock and Licensing", () => {
  /** Hand-made matches of three entries' forms; compiled in each test, so that the test runs the compiler. */
  function fixture() {
    const m = compileMatcher([entry("alpha", ["Alpha"]), entry("beta", ["Beta"]), entry("gamma", ["Gamma"])]);
    const at = (start: number, end: number, id: string): RawMatch => ({
      start,
      end,
      forms: [m.formEntry.indexOf(m.entryIds.indexOf(id))],
    });
    const off = (id: string) => (e: number) => m.entryIds[e] !== id;
    const resolve = (matches: RawMatch[], include = (_: number) => true, nests = (_: number) => true) =>
      resolveBlock(m, matches, new Set([0, 1, 2]), include, nests).map((r) => ({
        span: [r.start, r.end],
        entry: m.entryIds[r.entry],
        nested: r.nested.map((e) => m.entryIds[e]),
      }));
    return { at, off, resolve };
  }

  it("keeps two spans that touch", () => {
    const { at, resolve } = fixture();
    expect(resolve([at(0, 4, "alpha"), at(4, 8, "beta")])).toEqual([
      { span: [0, 4], entry: "alpha", nested: [] },
      { span: [4, 8], entry: "beta", nested: [] },
    ]);
  });

  it("drops a span that only partly overlaps the winner, rather than nesting it", () => {
    const { at, resolve } = fixture();
    expect(resolve([at(0, 10, "alpha"), at(5, 15, "beta")])).toEqual([{ span: [0, 10], entry: "alpha", nested: [] }]);
  });

  it("nests each other entry once, never the winner's own entry nor a switched-off one", () => {
    const { at, off, resolve } = fixture();
    const matches = [at(0, 30, "alpha"), at(2, 6, "alpha"), at(8, 12, "beta"), at(14, 18, "gamma"), at(20, 24, "beta")];
    expect(resolve(matches, off("gamma"))).toEqual([{ span: [0, 30], entry: "alpha", nested: ["beta"] }]);
  });

  it("lets a switched-off name hide its parts without being returned itself", () => {
    const { at, off, resolve } = fixture();
    expect(resolve([at(0, 12, "alpha"), at(6, 12, "beta")], off("alpha"), off("alpha"))).toEqual([]);
  });

  it("prefers a full form to another entry's licensed short form on the same span", () => {
    const g = compileMatcher([
      entry("georgia-state", ["Georgia"]),
      entry("georgia", ["Republic of Georgia"], ["Georgia"]),
    ]);
    expect(resolvedIn(g, "The Republic of Georgia is not Georgia.")).toEqual([
      ["Republic of Georgia", "georgia"],
      ["Georgia", "georgia-state"],
    ]);
  });

  it("marks a short form written two ways (NATO, Nato) as its one entry", () => {
    const n = compileMatcher([entry("nato", ["North Atlantic Treaty Organization"], ["NATO", "Nato"])]);
    expect(resolvedIn(n, "The North Atlantic Treaty Organization met. NATO said no.")).toEqual([
      ["North Atlantic Treaty Organization", "nato"],
      ["NATO", "nato"],
    ]);
  });

  it("licenses through context only the entries that name the one on the page", () => {
    const c = compileMatcher([
      entry("huawei", ["Huawei"]),
      entry("meng", ["Meng Wanzhou"]),
      entry("extradition", ["extradition of Meng Wanzhou"], ["extradition"], ["meng"]),
    ]);
    expect(resolvedIn(c, "Huawei fought extradition.")).toEqual([["Huawei", "huawei"]]);
    expect(resolvedIn(c, "Meng Wanzhou fought extradition.")).toEqual([
      ["Meng Wanzhou", "meng"],
      ["extradition", "extradition"],
    ]);
  });

  it("Licensing.add says whether a block licensed anything new", () => {
    const k = compileMatcher([entry("kerry", ["John Kerry"], ["Kerry"])]);
    const licensing = new Licensing(k);
    expect(licensing.add(scanText(k, "Kerry spoke."))).toBe(false);
    expect(licensing.add(scanText(k, "John Kerry arrived."))).toBe(true);
    expect(licensing.add(scanText(k, "John Kerry left."))).toBe(false);
    expect([...licensing.licensed]).toEqual([0]);
  });
});

describe("matcher files", () => {
  /** A small matcher and its file, made in each test. */
  function fixture() {
    const compiled = compileMatcher([
      entry("kerry", ["John Kerry"], ["Kerry"]),
      entry("iran", ["Iran"], [], ["kerry"]),
    ]);
    return { compiled, bytes: serializeMatcher(compiled) };
  }

  it("refuses bytes too short for a header, naming the problem", () => {
    const { bytes } = fixture();
    for (let cut = 0; cut < 32; cut++) {
      expect(() => deserializeMatcher(bytes.subarray(0, cut)), `${cut} bytes`).toThrow("matcher: file too short");
    }
  });

  it("refuses bytes that are not a format 5 matcher file", () => {
    const { bytes } = fixture();
    const other = bytes.slice();
    other[0] ^= 0xff;
    expect(() => deserializeMatcher(other)).toThrow("matcher: not a format 5 matcher file");
  });

  it("refuses a file cut short anywhere after its header, naming the problem", () => {
    const { bytes } = fixture();
    // The last 1-3 bytes may be padding; every cut before them loses data.
    for (let cut = 32; cut <= bytes.length - 4; cut++) {
      expect(() => deserializeMatcher(bytes.subarray(0, cut)), `cut at ${cut}`).toThrow("matcher: file truncated");
    }
  });

  it("reads a whole file in place, and a view inside a larger buffer from a copy", () => {
    const { compiled, bytes } = fixture();
    const loaded = deserializeMatcher(bytes);
    expect(loaded.formEntry.buffer).toBe(bytes.buffer);
    const larger = new Uint8Array(bytes.length + 7);
    larger.set(bytes, 3);
    expect(deserializeMatcher(larger.subarray(3, 3 + bytes.length))).toEqual(compiled);
  });

  it("travels as base64 and back, large files included", () => {
    const { compiled, bytes } = fixture();
    expect(toBase64(new Uint8Array([0, 1, 2, 0xfd, 0xfe, 0xff]))).toBe("AAEC/f7/");
    expect([...fromBase64("AAEC/f7/")]).toEqual([0, 1, 2, 0xfd, 0xfe, 0xff]);
    // More than one chunk of 32 KiB.
    const large = new Uint8Array(40_000);
    for (let i = 0; i < large.length; i++) large[i] = (i * 7) & 0xff;
    const text = toBase64(large);
    expect(text).toBe(Buffer.from(large).toString("base64"));
    expect(Buffer.compare(fromBase64(text), large)).toBe(0);
    expect(deserializeMatcher(fromBase64(toBase64(bytes)))).toEqual(compiled);
  });
});

describe("kana words that continue with a long-vowel mark", () => {
  it("does not find a form inside a longer katakana word that goes on with ー or ｰ", () => {
    const m = compileMatcher([{ id: "c", group: 0, forms: ["コンピュータ"], shortForms: [], context: [] }]);
    expect(scanText(m, "新しいコンピューターを買った")).toEqual([]);
    expect(scanText(m, "新しいコンピュータを買った").map((x) => [x.start, x.end])).toEqual([[3, 9]]);
  });
});
