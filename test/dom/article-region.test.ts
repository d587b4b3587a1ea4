import { beforeEach, describe, expect, it } from "vitest";
import { Annotator } from "../../src/content/annotator.ts";
import { findArticleRegion } from "../../src/content/article-region.ts";
import type { Marker, Mention } from "../../src/content/mention.ts";
import { compileMatcher } from "../../src/matcher/compile.ts";

const matcher = compileMatcher([
  { id: "hong-kong", group: 2, forms: ["Hong Kong"], shortForms: [], context: [] },
  { id: "huawei", group: 1, forms: ["Huawei"], shortForms: [], context: [] },
  { id: "china", group: 2, forms: ["China"], shortForms: [], context: [] },
  { id: "bill-clinton", group: 0, forms: ["Bill Clinton"], shortForms: ["Clinton"], context: [] },
  { id: "hillary-clinton", group: 0, forms: ["Hillary Clinton"], shortForms: ["Clinton"], context: [] },
]);
const CHINA = matcher.entryIds.indexOf("china");

/** A marker that only remembers the mentions it was given. */
class ListMarker implements Marker {
  mentions = new Set<Mention>();
  readonly mutatesDom = false;
  render(ms: readonly Mention[]) {
    this.mentions = new Set(ms);
  }
  update(added: readonly Mention[], removed: readonly Mention[]) {
    for (const m of removed) this.mentions.delete(m);
    for (const m of added) this.mentions.add(m);
  }
  setStyle() {}
  mentionAt() {
    return null;
  }
  mentionForFocus() {
    return null;
  }
  clear() {
    this.mentions.clear();
  }
}

const prose = (s: string) => `<p>${s} ${"The article goes on at length about what happened and why. ".repeat(6)}</p>`;

/** [text, where] of every underlined mention, and the count of all mentions (explained on hover). */
function annotate(html: string, quietChina = false) {
  document.body.innerHTML = html;
  const marker = new ListMarker();
  const a = new Annotator(matcher, marker, () => false);
  a.setRegion(findArticleRegion(document));
  a.setPolicy({ mode: "first", known: () => false, quiet: (e) => quietChina && e === CHINA });
  a.scan(document.body, () => true);
  const where = (m: Mention) =>
    (m.range.startContainer.parentElement?.closest("[data-where]") as HTMLElement)?.dataset.where;
  const marked = [...marker.mentions].filter((m) => m.marked).map((m) => [m.text, where(m)]);
  return { marked, all: marker.mentions.size };
}

const SITE = `
  <header data-where="menu"><nav><a href="#">Hong Kong's Richest</a> <a href="#">Huawei</a></nav></header>
  <div data-where="trending" class="trending-bar">TRENDING: Hong Kong protests</div>
  <article data-where="article">
    ${prose("Protesters in Hong Kong marched again on Sunday, and Huawei said it would appeal.")}
    ${prose("Police in Hong Kong said the march was peaceful.")}
    <aside data-where="aside" class="related-stories"><a href="#">Huawei profits fall</a></aside>
  </article>
  <footer data-where="footer">© Huawei Hong Kong</footer>`;

beforeEach(() => {
  document.body.innerHTML = "";
});

describe("underlines belong to the article", () => {
  it("underlines the article's first mention, not the menu's, and explains every mention", () => {
    const { marked, all } = annotate(SITE);
    expect(marked).toEqual([
      ["Hong Kong", "article"],
      ["Huawei", "article"],
    ]);
    expect(all).toBe(7); // menu, trending bar and aside mentions are there for hover (a legal footer never is)
  });

  it("finds the article by the density of its paragraphs when the markup says nothing", () => {
    const html = SITE.replace(/<article data-where="article">/, '<div data-where="article">').replace(
      "</article>",
      "</div>",
    );
    expect(annotate(html).marked).toEqual([
      ["Hong Kong", "article"],
      ["Huawei", "article"],
    ]);
  });

  it("marks as before on a page without a clear article (a home page of short links)", () => {
    const html = `<ul><li data-where="a"><a href="#">Hong Kong protests</a></li><li data-where="b"><a href="#">Huawei profits</a></li></ul>`;
    expect(findArticleRegion(document)).toBeNull();
    expect(annotate(html).marked).toEqual([
      ["Hong Kong", "a"],
      ["Huawei", "b"],
    ]);
  });

  it("counts the headline above the article as the article's", () => {
    const html = `<nav data-where="nav">Huawei</nav><h1 data-where="headline">Huawei sues</h1><article>${prose("Huawei filed suit.")}${prose("It said so.")}</article>`;
    expect(annotate(html).marked).toEqual([["Huawei", "headline"]]);
  });
});

describe("short forms around the article", () => {
  it("are licensed only by a full form in the same block, not by the article", () => {
    const html = `<article data-where="article">${prose("President Bill Clinton signed the bill. Clinton said it mattered.")}${prose("More.")}</article>
      <aside data-where="aside" class="related"><a href="#">Clinton's emails: what we know</a></aside>
      <aside data-where="aside2" class="related"><a href="#">Hillary Clinton speaks; Clinton says more</a></aside>`;
    document.body.innerHTML = html;
    const marker = new ListMarker();
    const a = new Annotator(matcher, marker, () => false);
    a.setRegion(findArticleRegion(document));
    a.setPolicy({ mode: "all", known: () => false });
    a.scan(document.body, () => true);
    const where = (m: Mention) =>
      (m.range.startContainer.parentElement?.closest("[data-where]") as HTMLElement | null)?.dataset.where;
    const got = [...marker.mentions].map((m) => [m.text, matcher.entryIds[m.entry], where(m)]);
    expect(got).toEqual([
      ["Bill Clinton", "bill-clinton", "article"],
      ["Clinton", "bill-clinton", "article"],
      ["Hillary Clinton", "hillary-clinton", "aside2"],
      ["Clinton", "hillary-clinton", "aside2"],
    ]);
  });
});

describe("household names", () => {
  it("are explained but not underlined unless the reader asks", () => {
    const html = `<article data-where="article">${prose("China and Huawei.")}</article>`;
    expect(annotate(html, true).marked).toEqual([["Huawei", "article"]]);
    expect(annotate(html, true).all).toBe(2);
    expect(annotate(html, false).marked).toEqual([
      ["China", "article"],
      ["Huawei", "article"],
    ]);
  });
});
