import { describe, expect, it } from "vitest";
import { Annotator } from "../../src/content/annotator.ts";
import { isBoilerplateText, isCreditElement, isCreditText } from "../../src/content/credits.ts";
import { HighlightMarker } from "../../src/content/highlight-marker.ts";
import { compileMatcher } from "../../src/matcher/compile.ts";

describe("credits", () => {
  it("recognises byline and credit lines by their wording", () => {
    for (const line of [
      "By Ada Quill and Tomas Reyes · Photographs by Mina Ortega",
      "By Lily Kuo",
      "By Lily Kuo, Brady Dennis and Lyric Li",
      "Lily Kuo in Taipei, Taiwan; Brady Dennis in Washington and Lyric Li contributed to this report.",
      "Reporting by Jane Doe; Editing by John Roe",
      "Additional reporting by Jane Doe in Seoul",
      "(Jabin Botsford/The Washington Post)",
      "Photo: (Mina Ortega/Reuters)".slice(7),
    ]) {
      expect(isCreditText(line), line).toBe(true);
    }
  });

  it("leaves news sentences alone, even those starting with By", () => {
    for (const line of [
      "By 2030, China aims to peak its emissions.",
      "By Sunday, Kerry had left Tianjin.",
      "John F. Kerry speaks during a briefing at the White House. (Jabin Botsford/The Washington Post)",
      "Kerry said the talks had contributed to progress.",
    ]) {
      expect(isCreditText(line), line).toBe(false);
    }
  });

  it("recognises copyright and legal footers", () => {
    expect(isBoilerplateText("All content of the Dow Jones branded indices © S&P Dow Jones Indices LLC 2016")).toBe(
      true,
    );
    expect(isBoilerplateText("Copyright (c) 2019 Reuters. All rights reserved.")).toBe(true);
    expect(isBoilerplateText("The Dow rose 1% as Reuters reported gains.")).toBe(false);
  });

  it("recognises byline markup", () => {
    const make = (html: string) => {
      document.body.innerHTML = html;
      return document.body.firstElementChild as Element;
    };
    expect(isCreditElement(make('<span class="c-byline__author">x</span>'))).toBe(true);
    expect(isCreditElement(make('<a rel="author" href="#">x</a>'))).toBe(true);
    expect(isCreditElement(make('<span itemprop="author">x</span>'))).toBe(true);
    expect(isCreditElement(make('<p class="photo-credit">x</p>'))).toBe(true);
    expect(isCreditElement(make('<p class="article-body">x</p>'))).toBe(false);
    expect(isCreditElement(make('<p class="authority">x</p>'))).toBe(false);
    // WordPress puts the post author's class on <body>: the page is not a credit.
    document.body.className = "single author-4326 postid-1";
    expect(isCreditElement(document.body)).toBe(false);
    document.body.className = "";
  });

  it("marks no people in credit lines, places yet; nothing in byline markup", () => {
    const matcher = compileMatcher([
      { id: "kerry", group: 0, forms: ["John Kerry"], shortForms: ["Kerry"], context: [] },
      { id: "li-qiang", group: 0, forms: ["Li Qiang"], shortForms: ["Li"], context: [] },
      { id: "taipei", group: 2, forms: ["Taipei"], shortForms: [], context: [] },
    ]);
    document.body.innerHTML = `<p>John Kerry met Li Qiang.</p>
      <p class="byline">John Kerry, special to the Ledger, in Taipei</p>
      <p>Lyric Li in Taipei contributed to this report.</p>`;
    const notPeople = (e: number) => matcher.entryGroup[e] !== 0;
    const annotator = new Annotator(
      matcher,
      new HighlightMarker({ registry: new Map(), create: () => new Set<Range>(), caretAt: () => null }),
      () => false,
      notPeople,
    );
    annotator.scan(document.body, () => true);
    expect(annotator.mentions.map((m) => m.text)).toEqual(["John Kerry", "Li Qiang", "Taipei"]);
  });
});

describe("boilerplate inside a paragraph", () => {
  it("silences the caption's credit, not the paragraph around it", () => {
    const m = compileMatcher([
      { id: "tim-cook", group: 0, forms: ["Tim Cook"], shortForms: [], context: [] },
      { id: "reuters", group: 1, forms: ["Reuters", "Example Media"], shortForms: [], context: [] },
    ]);
    const seen: string[] = [];
    const marker = {
      mutatesDom: false,
      render() {},
      update(added: readonly { text: string }[]) {
        for (const a of added) seen.push(a.text);
      },
      setStyle() {},
      mentionAt: () => null,
      mentionForFocus: () => null,
      clear() {},
    };
    document.body.innerHTML =
      '<p><span class="caption"><span>© Provided by Example Media</span> <span>Photo: Reuters</span></span> Tim Cook told investors on Tuesday that sales had doubled.</p>' +
      "<p>© 2024 Reuters. All rights reserved.</p>";
    new Annotator(m, marker, () => false).scan(document.body, () => true);
    expect(seen).toEqual(["Tim Cook"]);
  });
});
