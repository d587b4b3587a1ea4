// The article-date reader on the real saved news pages of $BACKSTORY_CORPUS, against the date
// read by hand from each page (test/fixtures/corpus-dates.json), and on small pages of ours for
// each source and each trap (a related story's date, an update time, a date in the future).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { readDateCandidates } from "../../src/content/article-date-reader.ts";
import { findArticleRegion } from "../../src/content/article-region.ts";
import { type ArticleDate, chooseArticleDate } from "../../src/shared/article-date.ts";
import { CORPUS_ENV, corpusFiles, materialMissing } from "../support/material.ts";

const NOW = new Date("2026-12-03T12:00:00Z");

function dateOf(html: string, url = "http://127.0.0.1/page.html"): ArticleDate | null {
  const { document } = new JSDOM(html, { url }).window;
  return chooseArticleDate(readDateCandidates(document, findArticleRegion(document)?.root ?? null), NOW);
}

const corpus = corpusFiles();
const missing = materialMissing(corpus, `the article dates of the corpus (${CORPUS_ENV})`);
const expected = JSON.parse(readFileSync("test/fixtures/corpus-dates.json", "utf8")) as {
  pages: Record<string, { date: string | null; also?: string[] }>;
};

describe.skipIf(missing)(`the article dates of the corpus (${CORPUS_ENV})`, () => {
  // (The body is collected even when skipped: no pages then.)
  const { dir, files } = "missing" in corpus ? { dir: "", files: [] } : corpus;
  const found = new Map<string, ArticleDate | null>();

  it("has a date read by hand for every page", () => {
    expect(files.filter((f) => !(f in expected.pages))).toEqual([]);
  });

  it.each(files)("%s", (file) => {
    const html = readFileSync(join(dir, file), "utf8");
    const date = dateOf(html, `http://127.0.0.1/corpus/${file}`);
    found.set(file, date);
    const { date: day, also = [] } = expected.pages[file];
    if (day === null) expect(date).toBeNull();
    else expect([day, ...also]).toContain(date?.published);
  });

  it("dates every page that has a date, from the sources counted here", () => {
    const bySource: Record<string, number> = {};
    for (const date of found.values()) if (date) bySource[date.source] = (bySource[date.source] ?? 0) + 1;
    console.log(`article dates in the corpus: ${JSON.stringify(bySource)} of ${files.length} pages`);
    expect([...found.values()].filter(Boolean).length).toBe(
      files.filter((f) => expected.pages[f].date !== null).length,
    );
  });
});

describe("the article-date reader on pages of ours", () => {
  const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
  const article = (inner: string) =>
    `<article><h1>Headline</h1>${inner}<p>${"Paragraph of the article's text, long enough to count. ".repeat(8)}</p></article>`;

  it("reads JSON-LD's article, not the video or the site described beside it", () => {
    const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
    const head =
      ld({ "@type": "VideoObject", uploadDate: "2024-01-01", datePublished: "2024-01-01" }) +
      ld({ "@graph": [{ "@type": "WebSite" }, { "@type": "NewsArticle", datePublished: "2019-05-03T08:00:00Z" }] });
    expect(dateOf(page(head, article("")))).toEqual({ published: "2019-05-03", updated: null, source: "jsonld" });
  });

  it("reads JSON-LD wrapped in CDATA, and survives JSON-LD that does not parse", () => {
    const head =
      '<script type="application/ld+json">{ broken</script>' +
      '<script type="application/ld+json"><![CDATA[ {"@type":"NewsArticle","datePublished":"2019-05-03"} ]]></script>';
    expect(dateOf(page(head, ""))?.published).toBe("2019-05-03");
  });

  it("takes a meta tag however it names the date, and a modified one only as the update", () => {
    const head =
      '<meta property="article:modified_time" content="2019-06-01T00:00:00Z">' +
      '<meta property="article:published" itemprop="datePublished" content="2019-05-03T00:00:00Z">';
    expect(dateOf(page(head, ""))).toEqual({ published: "2019-05-03", updated: "2019-06-01", source: "meta" });
    expect(dateOf(page('<meta name="parsely-pub-date" content="2018-02-01">', ""))?.published).toBe("2018-02-01");
  });

  it("reads the article's own <time>, not a related story's in a list", () => {
    const body = article(
      '<ul><li><time datetime="2020-01-01">Related</time></li></ul><p class="byline">By A. Writer <time datetime="2019-05-03T10:00">May 3</time></p>',
    );
    expect(dateOf(page("", body))).toEqual({ published: "2019-05-03", updated: null, source: "time" });
  });

  it("reads a date from the URL's path, and from a dateline", () => {
    expect(dateOf(page("", article("")), "http://127.0.0.1/news/2015/03/18/museum.html")).toEqual({
      published: "2015-03-18",
      updated: null,
      source: "url",
    });
    expect(dateOf(page("", article('<div class="dateline">November 20, 2019 / 1:07 AM</div>')))?.published).toBe(
      "2019-11-20",
    );
  });

  it("ignores a date in the future and falls back to the next source", () => {
    const head = '<meta property="article:published_time" content="2031-01-01">';
    expect(dateOf(page(head, article('<p class="date">Published May 3, 2019</p>')))?.published).toBe("2019-05-03");
  });

  it("gives no date for a page without one, so its cards are today's", () => {
    expect(dateOf(page("<title>News</title>", article('<p class="byline">By A. Writer</p>')))).toBeNull();
  });
});
