import type { DateCandidate } from "../shared/article-date.ts";

/**
 * What a page says about when its article was published, in the places publishers put it
 * (issue 13): JSON-LD, meta tags, `<time>` in the article's header or byline, the URL, and a
 * byline or dateline in the text. Read once, when a card or the popup first needs the date,
 * never at start. Which candidate to believe is decided in src/shared/article-date.ts.
 */

/** Article types in schema.org whose dates are the article's (not a site's, a person's or a video's). */
const ARTICLE_TYPES = /(?:^|:)(?:\w*Article|BlogPosting|Report|LiveBlogPosting|WebPage)$/;
/** A JSON-LD block larger than this is a site's catalogue, not an article's metadata: skipped. */
const MAX_JSON_LD = 200_000;

/** Meta tags (name, property or itemprop) that publishers use for the publication date. */
const PUBLISHED_META = [
  "article:published_time",
  "article:published",
  "og:published_time",
  "og:article:published_time",
  "datepublished",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "published_time",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date",
  "dc.date.issued",
  "dc.date.created",
  "dcterms.created",
  "dcterms.issued",
  "article.published",
  "cxenseparse:recs:publishtime",
  "date.available",
  "originalpublicationdate",
  "pdate",
];
const MODIFIED_META = [
  "article:modified_time",
  "article:modified",
  "og:updated_time",
  "datemodified",
  "dc.date.modified",
  "dcterms.modified",
  "last-modified",
  "article.updated",
];

/** Elements whose class or id says they hold the byline or dateline. */
const BYLINE = /byline|dateline|timestamp|publish|article-date|story-date|post-date|\bdate\b/i;
/** How much of a byline element's text is read (a dateline is short; a whole section is not one). */
const MAX_BYLINE_TEXT = 200;

export function readDateCandidates(doc: Document, articleRoot: Element | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  readJsonLd(doc, out);
  readMeta(doc, out);
  readTimes(doc, articleRoot, out);
  readUrls(doc, out);
  readBylines(doc, articleRoot, out);
  return out;
}

function readJsonLd(doc: Document, out: DateCandidate[]): void {
  const articles: DateCandidate[] = [];
  const others: DateCandidate[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    const types = ([] as unknown[]).concat(record["@type"] ?? []).map(String);
    const into = types.some((t) => ARTICLE_TYPES.test(t)) ? articles : others;
    for (const [key, kind] of [
      ["datePublished", "published"],
      ["dateCreated", "created"],
      ["dateModified", "modified"],
    ] as const) {
      const value = record[key];
      if (typeof value === "string") into.push({ source: "jsonld", value, kind });
    }
    if (record["@graph"]) visit(record["@graph"], depth + 1);
    if (record.mainEntity) visit(record.mainEntity, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? "";
    if (text.length > MAX_JSON_LD) continue;
    try {
      // Some publishers wrap it in CDATA, as if it were XHTML.
      visit(
        JSON.parse(
          text
            .trim()
            .replace(/^(?:\/\/\s*)?<!\[CDATA\[/, "")
            .replace(/(?:\/\/\s*)?\]\]>$/, ""),
        ),
        0,
      );
    } catch {
      // A page's malformed JSON-LD is the page's business: the other sources remain.
    }
  }
  // An article's own dates before those of anything else described (a site, an author, a video).
  out.push(...articles, ...(articles.some((c) => c.kind === "published") ? [] : others));
}

function readMeta(doc: Document, out: DateCandidate[]): void {
  const found = new Map<string, string>();
  for (const meta of doc.querySelectorAll("meta[content]")) {
    const content = meta.getAttribute("content")?.trim();
    if (!content) continue;
    // One tag may say it three ways: property="article:published" itemprop="datePublished".
    for (const attribute of ["property", "name", "itemprop"]) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !found.has(key)) found.set(key, content);
    }
  }
  for (const [names, kind] of [
    [PUBLISHED_META, "published"],
    [MODIFIED_META, "modified"],
  ] as const) {
    for (const name of names) {
      const value = found.get(name);
      if (value) out.push({ source: "meta", value, kind });
    }
  }
}

/** `<time datetime>` and microdata dates in the article (or, with no article found, the page's first). */
function readTimes(doc: Document, articleRoot: Element | null, out: DateCandidate[]): void {
  for (const el of doc.querySelectorAll('[itemprop="datePublished"]:not(meta), [itemprop="dateModified"]:not(meta)')) {
    const value = el.getAttribute("datetime") ?? el.getAttribute("content") ?? el.textContent ?? "";
    const kind = el.getAttribute("itemprop") === "dateModified" ? "modified" : "published";
    if (value.trim()) out.push({ source: "time", value, kind });
  }
  const scope = articleRoot ?? doc.body;
  if (!scope) return;
  // The first <time> of the article that is not in a list of other stories or the site around it.
  for (const time of scope.querySelectorAll("time[datetime]")) {
    if (time.closest("li, aside, nav, footer, [role=complementary]")) continue;
    const value = time.getAttribute("datetime") ?? "";
    if (!value.trim()) continue;
    const kind = /updat|modif/i.test(`${time.className} ${time.parentElement?.className ?? ""}`)
      ? "modified"
      : "published";
    out.push({ source: "time", value, kind });
    if (kind === "published") break;
  }
}

function readUrls(doc: Document, out: DateCandidate[]): void {
  const urls = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute("href"),
    doc.querySelector('meta[property="og:url"]')?.getAttribute("content"),
    doc.location?.href,
  ];
  for (const url of urls) if (url) out.push({ source: "url", value: url, kind: "published" });
}

/** Datelines and bylines: short elements named for them, in the article first. */
function readBylines(doc: Document, articleRoot: Element | null, out: DateCandidate[]): void {
  const scopes = articleRoot ? [articleRoot, doc.body] : [doc.body];
  let seen = 0;
  for (const scope of scopes) {
    if (!scope) continue;
    for (const el of scope.querySelectorAll("[class], [id]")) {
      if (seen >= 40) return; // enough looking: a dateline is near the top
      if (!BYLINE.test(`${el.getAttribute("class") ?? ""} ${el.id}`)) continue;
      if (el.closest("li, aside, nav, footer, [role=complementary]")) continue;
      const text = el.textContent ?? "";
      if (!text.trim() || text.length > MAX_BYLINE_TEXT) continue;
      seen++;
      const kind = /updated|modified|aktualisiert|mis à jour/i.test(text) ? "modified" : "published";
      out.push({ source: "text", value: text, kind });
    }
  }
}
