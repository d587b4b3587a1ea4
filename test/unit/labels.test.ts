// The words and dates our pages and the card show: category names, dates in the reader's
// language, counts by the language's plural rules, and which URLs may become links.
import { beforeEach, describe, expect, it } from "vitest";
import en from "../../src/_locales/en/messages.json";
import fr from "../../src/_locales/fr/messages.json";
import { CATEGORIES } from "../../src/shared/categories.ts";
import { countOf } from "../../src/shared/count.ts";
import { categoryLabel, formatDate, formatPartialDate, isWebUrl } from "../../src/shared/labels.ts";
import { installI18n } from "../support/i18n.ts";

describe("labels in English", () => {
  beforeEach(() => installI18n());

  it("names every category, singular and plural, each differently", () => {
    expect(CATEGORIES.map((c) => categoryLabel(c, "one"))).toEqual([
      "Person",
      "Organization",
      "Place",
      "Event",
      "Policy",
      "Concept",
    ]);
    expect(CATEGORIES.map((c) => categoryLabel(c, "many"))).toEqual([
      "People",
      "Organizations",
      "Places",
      "Events",
      "Policies",
      "Concepts",
    ]);
  });

  it("writes a day in full in the language of our strings", () => {
    expect(formatDate("2025-06-01")).toBe("June 1, 2025");
    expect(formatDate("2025-06-01", "en-GB")).toBe("1 June 2025");
    expect(formatDate("2025-12-31", "en-GB")).toBe("31 December 2025"); // UTC: no day lost to a time zone
  });

  it("gives a date back as written when it is not one, or the language is unknown", () => {
    expect(formatDate("not a date")).toBe("not a date");
    expect(formatDate("2025-06-01", "x-invalid-language-tag-!!")).toBe("2025-06-01");
    expect(formatPartialDate("2025-13", "en-GB")).toBe("2025-13");
    expect(formatPartialDate("2025-06-01", "x-invalid-language-tag-!!")).toBe("2025-06-01");
  });

  it("writes a partial date as precisely as it is known", () => {
    expect(formatPartialDate("2005", "en-GB")).toBe("2005");
    expect(formatPartialDate("2018-12", "en-GB")).toBe("Dec 2018");
    expect(formatPartialDate("2021-09-24", "en-GB")).toBe("24 Sept 2021");
    expect(formatPartialDate("2021-09-24")).toBe("Sep 24, 2021");
  });

  it("counts with the singular for one and the plural otherwise, digits grouped", () => {
    expect(countOf(1, "mentionsOne", "mentionsMany")).toBe("1 mention");
    expect(countOf(0, "mentionsOne", "mentionsMany")).toBe("0 mentions");
    expect(countOf(1234, "mentionsOne", "mentionsMany")).toBe("1,234 mentions");
  });
});

describe("labels in French", () => {
  beforeEach(() => installI18n({ ...en, ...fr } as never));

  it("writes dates and counts by French rules (0 takes the singular)", () => {
    expect(formatDate("2025-06-01")).toBe("1 juin 2025");
    expect(formatPartialDate("2018-12")).toBe("déc. 2018");
    expect(countOf(0, "mentionsOne", "mentionsMany")).toBe("0 mention");
    expect(countOf(2, "mentionsOne", "mentionsMany")).toBe("2 mentions");
    expect(countOf(1234, "mentionsOne", "mentionsMany")).toBe("1\u202f234 mentions");
    expect(categoryLabel("person", "many")).toBe("Personnes");
  });
});

describe("isWebUrl: what may become a link", () => {
  it.each([
    ["https://en.wikipedia.org/wiki/COP26", true],
    ["http://example.org/", true],
    ["javascript:alert(1)", false],
    ["data:text/html,hi", false],
    ["ftp://example.org/file", false],
    ["/relative/path", false],
    ["", false],
  ])("%s: %s", (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});
