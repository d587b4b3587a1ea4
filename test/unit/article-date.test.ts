import { describe, expect, it } from "vitest";
import { chooseArticleDate, type DateCandidate, parseDay } from "../../src/shared/article-date.ts";

const NOW = new Date("2026-12-03T12:00:00Z");

describe("parseDay: the calendar day a page's text names", () => {
  it.each([
    ["2019-11-20T06:07:00Z", "2019-11-20"],
    ["2019-11-20T23:30:00-05:00", "2019-11-20"], // the publication's own day, not UTC's
    ["2019-11-20", "2019-11-20"],
    ["2019/11/20 06:07", "2019-11-20"],
    ["20191120", "2019-11-20"],
    ["20191120153000", "2019-11-20"],
    ["November 20, 2019 / 1:07 AM", "2019-11-20"],
    ["Updated 3:04 PM ET, Fri May 10, 2019", "2019-05-10"],
    ["Nov. 3 2019", "2019-11-03"],
    ["Sept. 9, 2019", "2019-09-09"],
    ["20 November 2019", "2019-11-20"],
    ["1er mai 2015", "2015-05-01"],
    ["Publié le 4 mai 2015 à 11h17", "2015-05-04"],
    ["8. April 2015, 10:12 Uhr", "2015-04-08"],
    ["08.04.2015 10:12", "2015-04-08"],
    ["  2019-01-01  ", "2019-01-01"], // January, and spaces around
    ["2019-11-30", "2019-11-30"], // a month's last day
    ["February 29, 2020", "2020-02-29"], // a leap day
    ["December 31, 2019", "2019-12-31"],
  ])("%s → %s", (text, expected) => {
    expect(parseDay(text, "text")).toBe(expected);
  });

  it.each([
    ["February 30, 2019"],
    ["February 29, 2019"],
    ["2019-00-10"],
    ["0 January 2019"],
    ["2019-13-01"],
    ["2019-00-10"],
    ["Smarch 3, 2019"],
    ["yesterday"],
    [""],
    ["1,200 people in 2019"],
  ])("names no day in %j", (text) => {
    expect(parseDay(text, "text")).toBeNull();
  });

  it("reads a URL only from its path's date", () => {
    expect(parseDay("https://www.example.com/news/2019/11/20/story.html", "url")).toBe("2019-11-20");
    expect(parseDay("https://example.com/2015-03-18-museum", "url")).toBe("2015-03-18");
    expect(parseDay("https://example.com/a/20150226/b", "url")).toBe("2015-02-26");
    expect(parseDay("https://example.com/story/2019", "url")).toBeNull();
    expect(parseDay("https://example.com/id/2019112012345", "url")).toBeNull();
    expect(parseDay("https://example.com/?d=2019-11-20", "url")).toBeNull();
  });
});

describe("chooseArticleDate: which candidate to believe", () => {
  const c = (source: DateCandidate["source"], value: string, kind: DateCandidate["kind"] = "published") => ({
    source,
    value,
    kind,
  });

  it("believes the most trusted source, whatever order they come in", () => {
    const found = chooseArticleDate(
      [c("text", "May 3, 2019"), c("url", "https://x.test/2019/05/02/a"), c("jsonld", "2019-05-01T10:00:00Z")],
      NOW,
    );
    expect(found).toEqual({ published: "2019-05-01", updated: null, source: "jsonld" });
  });

  it("ignores a date in the future or before 1900, and falls back to the next source", () => {
    expect(chooseArticleDate([c("jsonld", "2027-01-10"), c("meta", "2019-05-01")], NOW)?.published).toBe("2019-05-01");
    expect(chooseArticleDate([c("meta", "1899-12-31"), c("url", "https://x.test/2019/05/02/a")], NOW)?.source).toBe(
      "url",
    );
    // A page in a zone ahead of ours may be dated tomorrow.
    expect(chooseArticleDate([c("meta", "2026-12-04T01:00:00+09:00")], NOW)?.published).toBe("2026-12-04");
  });

  it("never takes a modified date as the publication date, but reports a later one as updated", () => {
    expect(chooseArticleDate([c("jsonld", "2019-05-09", "modified")], NOW)).toBeNull();
    expect(
      chooseArticleDate(
        [c("meta", "2019-05-01"), c("jsonld", "2019-05-09", "modified"), c("meta", "2019-04-01", "modified")],
        NOW,
      ),
    ).toEqual({ published: "2019-05-01", updated: "2019-05-09", source: "meta" });
  });

  it("gives null for a page with no trustworthy date", () => {
    expect(chooseArticleDate([], NOW)).toBeNull();
    expect(chooseArticleDate([c("text", "Breaking news"), c("url", "https://x.test/news/story")], NOW)).toBeNull();
  });

  it("takes the first of two candidates from the same source", () => {
    expect(chooseArticleDate([c("meta", "2019-05-01"), c("meta", "2018-01-01")], NOW)?.published).toBe("2019-05-01");
  });
});
