import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Annotator } from "../../src/content/annotator.ts";
import { type HighlightApi, HighlightMarker } from "../../src/content/highlight-marker.ts";
import { MARK_NAME, type Marker, type Mention } from "../../src/content/mention.ts";
import { PageObserver } from "../../src/content/page-observer.ts";
import { collectTextBlocks } from "../../src/content/text-blocks.ts";
import { compileMatcher } from "../../src/matcher/compile.ts";
import type { MatcherEntry } from "../../src/matcher/types.ts";

// Groups stand for categories, as the glossary's category indices do.
const PERSON = 0;
const ORGANIZATION = 1;
const PLACE = 2;

const entry = (id: string, group: number, forms: string[], shortForms: string[] = []): MatcherEntry => ({
  id,
  group,
  forms,
  shortForms,
  context: [],
});

const matcher = compileMatcher([
  entry("meng", PERSON, ["Meng Wanzhou"], ["Meng"]),
  entry("kerry", PERSON, ["John Kerry"], ["Kerry"]),
  entry("huawei", ORGANIZATION, ["Huawei"]),
  entry("seoul", PLACE, ["Seoul"]),
]);

const all = () => true;
const without = (group: number) => (e: number) => matcher.entryGroup[e] !== group;
const OWN_TAG = "BACKSTORY-CARD-HOST";
const isOwn = (el: Element) => el.tagName === OWN_TAG;

/** What the annotator found: [text as matched, entry id, text the range covers]. */
const found = (mentions: readonly Mention[]) =>
  mentions.map((m) => [m.text, matcher.entryIds[m.entry], m.range.toString()]);

const texts = (root: Node = document.body, own: (el: Element) => boolean = () => false) =>
  collectTextBlocks(root, own).map((b) => b.text);

beforeEach(() => {
  document.body.innerHTML = "";
});

describe("collectTextBlocks", () => {
  it("joins text across inline elements", () => {
    document.body.innerHTML = "<p><a href='#'>Meng</a> Wanzhou</p>";
    const blocks = collectTextBlocks(document.body);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].text).toBe("Meng Wanzhou");
    expect(blocks[0].nodes.map((n) => n.data)).toEqual(["Meng", " Wanzhou"]);
    expect(blocks[0].starts).toEqual([0, 4]);
  });

  it("joins deeply nested inline text", () => {
    document.body.innerHTML = "<p>The <em>CFO, <b>Meng <i>Wan</i></b>zhou</em>, said</p>";
    expect(texts()).toEqual(["The CFO, Meng Wanzhou, said"]);
  });

  it("splits at block elements and <br>", () => {
    document.body.innerHTML =
      "<div>One<p>Two</p>Three<br>Four</div><ul><li>Five</li><li>Six</li></ul><h2>Se<em>ven</em></h2>" +
      "<table><tr><td>Eight</td><td>Nine</td></tr></table><blockquote>Ten</blockquote>";
    expect(texts()).toEqual(["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]);
  });

  it("drops blocks of only whitespace", () => {
    document.body.innerHTML = "<p>One</p>\n  <p> </p>\n<p>Two</p>";
    expect(texts()).toEqual(["One", "Two"]);
  });

  const skipped: [string, () => Element][] = [
    [
      "script",
      () => {
        const el = document.createElement("script");
        // jsdom runs scripts: keep this one inert.
        el.type = "text/x-not-javascript";
        return el;
      },
    ],
    ...["style", "noscript", "template", "textarea", "input", "select", "code", "pre"].map(
      (tag): [string, () => Element] => [tag, () => document.createElement(tag)],
    ),
    ...["", "true", "plaintext-only"].map((value): [string, () => Element] => [
      `[contenteditable="${value}"]`,
      () => {
        const el = document.createElement("span");
        el.setAttribute("contenteditable", value);
        return el;
      },
    ]),
    [
      "[hidden]",
      () => {
        const el = document.createElement("span");
        el.hidden = true;
        return el;
      },
    ],
  ];

  it.each(skipped)("skips the subtree of %s", (_, make) => {
    const p = document.createElement("p");
    const el = make();
    // Built with DOM calls: the parser would not put text in some of these (input, template).
    const nested = document.createElement("span");
    nested.textContent = "nested secret";
    // A comment, so that the style and script elements parse it quietly.
    el.append("/* secret */ ", nested);
    p.append("Before ", el, " after");
    document.body.append(p);
    expect(el.textContent).toBe("/* secret */ nested secret");
    expect(texts()).toEqual(["Before  after"]);
  });

  it('reads an element with contenteditable="false"', () => {
    document.body.innerHTML = "<p>Before <span contenteditable='false'>shown</span> after</p>";
    expect(texts()).toEqual(["Before shown after"]);
  });

  it("skips our own elements", () => {
    document.body.innerHTML = "<p>Meng Wanzhou</p><backstory-card-host><p>John Kerry</p></backstory-card-host>";
    expect(texts(document.body, isOwn)).toEqual(["Meng Wanzhou"]);
    expect(texts(document.body)).toEqual(["Meng Wanzhou", "John Kerry"]);
  });
});

function fakeHighlightApi() {
  const registry = new Map<string, unknown>();
  const caret: { at: { node: Node; offset: number } | null } = { at: null };
  const api: HighlightApi = {
    registry,
    create: () => new Set<Range>(),
    caretAt: () => caret.at,
  };
  const highlighted = () => {
    const set = registry.get(MARK_NAME) as Set<Range> | undefined;
    return set && [...set].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  };
  return { api, registry, caret, highlighted };
}

describe("Annotator with the HighlightMarker", () => {
  let fake: ReturnType<typeof fakeHighlightApi>;
  let marker: HighlightMarker;
  let annotator: Annotator;

  /**
   * jsdom does no layout: Range.prototype.getClientRects is missing. mentionAt also checks that
   * the point lies on one of the range's line boxes, so give every range one box, (0,0)-(100,20).
   */
  const proto = Range.prototype as unknown as Record<string, unknown>;
  const hadGetClientRects = "getClientRects" in proto;
  const originalGetClientRects = proto.getClientRects;

  beforeEach(() => {
    fake = fakeHighlightApi();
    marker = new HighlightMarker(fake.api);
    annotator = new Annotator(matcher, marker, isOwn);
    proto.getClientRects = () => [{ left: 0, top: 0, right: 100, bottom: 20, width: 100, height: 20 }];
  });
  afterEach(() => {
    if (hadGetClientRects) proto.getClientRects = originalGetClientRects;
    else delete proto.getClientRects;
  });

  it("registers one highlight with a range per mention, leaving the DOM alone", () => {
    document.body.innerHTML = "<p><a href='#'>Meng</a> Wanzhou flew to <b>Seoul</b>.</p><p>Huawei</p>";
    const html = document.body.innerHTML;
    annotator.scan(document.body, all);
    expect([...fake.registry.keys()]).toEqual([MARK_NAME]);
    expect(fake.highlighted()).toEqual(["Meng Wanzhou", "Seoul", "Huawei"]);
    expect(document.body.innerHTML).toBe(html);
  });

  it("finds a mention under the caret in any of its text nodes, middle ones included", () => {
    document.body.innerHTML = "<p>Met <b>Me</b><i>ng</i><u> Wan</u>zhou today.</p>";
    annotator.scan(document.body, all);
    const [mention] = annotator.mentions;
    expect(mention.text).toBe("Meng Wanzhou");
    for (const el of ["b", "i", "u"]) {
      fake.caret.at = { node: document.querySelector(el)?.firstChild as Node, offset: 1 };
      expect(marker.mentionAt({ x: 10, y: 10, target: null }), el).toBe(mention);
    }
    fake.caret.at = { node: document.querySelector("p")?.firstChild as Node, offset: 1 };
    expect(marker.mentionAt({ x: 10, y: 10, target: null })).toBeNull();
  });

  it("forgets the text nodes of mentions whose text left the page", () => {
    document.body.innerHTML = "<p id='gone'>Met <b>Me</b><i>ng</i><u> Wan</u>zhou today.</p><p>Seoul</p>";
    annotator.scan(document.body, all);
    expect(marker.indexedNodes).toBe(5);
    document.getElementById("gone")?.remove();
    annotator.removeBlocks([]);
    annotator.refresh();
    expect(annotator.mentions.map((m) => m.text)).toEqual(["Seoul"]);
    expect(marker.indexedNodes).toBe(1);
  });

  it("updates the highlight when re-rendered with a filter, and removes it when empty", () => {
    document.body.innerHTML = "<p>Meng Wanzhou of Huawei</p>";
    annotator.scan(document.body, all);
    expect(fake.highlighted()).toEqual(["Meng Wanzhou", "Huawei"]);
    annotator.mark(without(PERSON));
    expect(fake.highlighted()).toEqual(["Huawei"]);
    annotator.mark(() => false);
    expect(fake.registry.has(MARK_NAME)).toBe(false);
    annotator.mark(all);
    expect(fake.highlighted()).toEqual(["Meng Wanzhou", "Huawei"]);
    annotator.clear();
    expect(fake.registry.has(MARK_NAME)).toBe(false);
  });

  it("drops a category's marks when re-scanned with a filter, and brings them back", () => {
    document.body.innerHTML = "<p><a href='#'>Meng</a> Wanzhou</p><p><b>Huawei</b></p><p>Seoul</p>";
    annotator.scan(document.body, all);
    expect(fake.highlighted()).toEqual(["Meng Wanzhou", "Huawei", "Seoul"]);
    annotator.scan(document.body, without(ORGANIZATION));
    expect(fake.highlighted()).toEqual(["Meng Wanzhou", "Seoul"]);
    expect(found(annotator.mentions).map(([, id]) => id)).toEqual(["meng", "seoul"]);
    // Counts for the popup ignore the filter.
    expect([...annotator.countByEntry()].map(([e, n]) => [matcher.entryIds[e], n])).toEqual([
      ["meng", 1],
      ["huawei", 1],
      ["seoul", 1],
    ]);
    annotator.scan(document.body, all);
    expect(fake.highlighted()).toEqual(["Meng Wanzhou", "Huawei", "Seoul"]);
  });

  it("marks each mention in one text node separately, and never inside our own UI", () => {
    document.body.innerHTML =
      "<p>Meng Wanzhou flew to Seoul.</p><backstory-card-host><p>Huawei</p></backstory-card-host>";
    annotator.scan(document.body, all);
    expect(found(annotator.mentions)).toEqual([
      ["Meng Wanzhou", "meng", "Meng Wanzhou"],
      ["Seoul", "seoul", "Seoul"],
    ]);
    expect(fake.highlighted()).toEqual(["Meng Wanzhou", "Seoul"]);
  });

  it("finds the mention under the caret, on either node of a mention across elements", () => {
    document.body.innerHTML = "<p><a href='#'>Meng</a> Wanzhou flew to Seoul</p>";
    annotator.scan(document.body, all);
    const [meng, seoul] = annotator.mentions;
    const a = document.querySelector("a")?.firstChild as Text;
    const rest = a.parentNode?.nextSibling as Text;
    expect(rest.data).toBe(" Wanzhou flew to Seoul");

    fake.caret.at = { node: a, offset: 2 };
    expect(marker.mentionAt({ x: 50, y: 10, target: null })).toBe(meng);
    fake.caret.at = { node: rest, offset: 4 };
    expect(marker.mentionAt({ x: 50, y: 10, target: null })).toBe(meng);
    fake.caret.at = { node: rest, offset: rest.data.indexOf("Seoul") + 2 };
    expect(marker.mentionAt({ x: 50, y: 10, target: null })).toBe(seoul);
    // Between the two mentions, in a node that holds both.
    fake.caret.at = { node: rest, offset: rest.data.indexOf("flew") };
    expect(marker.mentionAt({ x: 50, y: 10, target: null })).toBeNull();
    fake.caret.at = null;
    expect(marker.mentionAt({ x: 50, y: 10, target: null })).toBeNull();
  });

  it("finds a mention from the middle node of three", () => {
    document.body.innerHTML = "<p><b>Meng</b><i> Wan</i>zhou</p>";
    annotator.scan(document.body, all);
    const [meng] = annotator.mentions;
    expect(meng.text).toBe("Meng Wanzhou");
    fake.caret.at = { node: document.querySelector("i")?.firstChild as Text, offset: 2 };
    expect(marker.mentionAt({ x: 50, y: 10, target: null })).toBe(meng);
  });

  it("finds nothing when the point is beside the text, though the caret API answers", () => {
    document.body.innerHTML = "<p>Seoul</p>";
    annotator.scan(document.body, all);
    fake.caret.at = { node: document.querySelector("p")?.firstChild as Text, offset: 5 };
    expect(marker.mentionAt({ x: 50, y: 10, target: null })).toBe(annotator.mentions[0]);
    expect(marker.mentionAt({ x: 400, y: 10, target: null })).toBeNull();
    expect(marker.mentionAt({ x: 50, y: 60, target: null })).toBeNull();
  });

  it("finds the mention a focused link stands for", () => {
    document.body.innerHTML = "<p><a href='#'>Meng Wanzhou</a> and <a href='#x'>others</a></p>";
    annotator.scan(document.body, all);
    const [first, second] = document.querySelectorAll("a");
    expect(marker.mentionForFocus(first)).toBe(annotator.mentions[0]);
    expect(marker.mentionForFocus(second)).toBeNull();
  });
});

describe.each<[string, () => { marker: Marker; check: () => string[] }]>([
  [
    "HighlightMarker",
    () => {
      const fake = fakeHighlightApi();
      return { marker: new HighlightMarker(fake.api), check: () => fake.highlighted() ?? [] };
    },
  ],
])("mentions added after the first scan (%s)", (_, make) => {
  it("marks a new mention across inline elements, and short forms once licensed", () => {
    const { marker, check } = make();
    const annotator = new Annotator(matcher, marker, isOwn);
    document.body.innerHTML = "<p>Kerry and Meng spoke.</p>";
    annotator.scan(document.body, all);
    // Short forms alone on a page are not marked.
    expect(annotator.mentions).toEqual([]);
    expect(check()).toEqual([]);

    const added = document.createElement("p");
    added.innerHTML = "<b>Meng</b> Wanzhou met <i>John</i> Kerry";
    document.body.append(added);
    annotator.scan(document.body, all);
    expect(found(annotator.mentions)).toEqual([
      ["Kerry", "kerry", "Kerry"],
      ["Meng", "meng", "Meng"],
      ["Meng Wanzhou", "meng", "Meng Wanzhou"],
      ["John Kerry", "kerry", "John Kerry"],
    ]);
    expect(check()).toEqual(["Kerry", "Meng", "Meng Wanzhou", "John Kerry"]);
    expect(document.body.textContent).toBe("Kerry and Meng spoke.Meng Wanzhou met John Kerry");

    // Filtering people out also drops the short forms.
    annotator.scan(document.body, without(PERSON));
    expect(annotator.mentions).toEqual([]);

    // Once the full forms are gone, so is the licence.
    added.remove();
    annotator.scan(document.body, all);
    expect(annotator.mentions).toEqual([]);
    expect(check()).toEqual([]);
    expect(document.body.textContent).toBe("Kerry and Meng spoke.");
  });

  it("licenses a short form only for the entry whose full form is on the page", () => {
    const { marker, check } = make();
    const annotator = new Annotator(matcher, marker, isOwn);
    document.body.innerHTML = "<p>Kerry and Meng spoke.</p>";
    annotator.scan(document.body, all);
    const added = document.createElement("p");
    added.innerHTML = "<i>John</i> Kerry arrived";
    document.body.append(added);
    annotator.scan(document.body, all);
    expect(check()).toEqual(["Kerry", "John Kerry"]);
  });
});

describe("PageObserver", () => {
  let changes: number;
  const onChange = () => {
    changes++;
  };
  /** Edits the page and lets the MutationObserver deliver its records (a microtask). */
  const edit = async (fn: () => void) => {
    fn();
    await Promise.resolve();
    await Promise.resolve();
  };
  const addParagraph = () => {
    const p = document.createElement("p");
    p.textContent = "more";
    document.body.append(p);
  };
  let observer: PageObserver | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    changes = 0;
    document.body.innerHTML = "<p>start</p>";
  });
  afterEach(() => {
    observer?.stop();
    observer = undefined;
    vi.useRealTimers();
  });

  it("reports several quick changes once, after the quiet period", async () => {
    observer = new PageObserver(document, onChange);
    observer.start();
    for (let i = 0; i < 5; i++) {
      await edit(addParagraph);
      vi.advanceTimersByTime(PageObserver.QUIET_MS / 5);
    }
    expect(changes).toBe(0);
    vi.advanceTimersByTime(PageObserver.QUIET_MS - PageObserver.QUIET_MS / 5 - 1);
    expect(changes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(changes).toBe(1);
    vi.advanceTimersByTime(PageObserver.MAX_WAIT_MS * 2);
    expect(changes).toBe(1);
  });

  it("reports text edits as changes", async () => {
    observer = new PageObserver(document, onChange);
    observer.start();
    await edit(() => {
      (document.querySelector("p")?.firstChild as Text).data = "changed";
    });
    vi.advanceTimersByTime(PageObserver.QUIET_MS);
    expect(changes).toBe(1);
  });

  it("reports a page that never stops changing within MAX_WAIT_MS", async () => {
    observer = new PageObserver(document, onChange);
    observer.start();
    const step = PageObserver.QUIET_MS / 2;
    let elapsed = 0;
    while (elapsed < PageObserver.MAX_WAIT_MS) {
      await edit(addParagraph);
      expect(changes, `at ${elapsed} ms`).toBe(0);
      vi.advanceTimersByTime(step);
      elapsed += step;
    }
    expect(changes).toBe(1);
    // And again for the changes that keep coming.
    for (let t = 0; t < PageObserver.MAX_WAIT_MS; t += step) {
      await edit(addParagraph);
      vi.advanceTimersByTime(step);
    }
    expect(changes).toBe(2);
  });

  it("ignores changes inside the card's host", async () => {
    const host = document.createElement("backstory-card-host");
    document.body.append(host);
    observer = new PageObserver(document, onChange);
    observer.start();
    await edit(() => host.append(document.createElement("div")));
    vi.advanceTimersByTime(PageObserver.MAX_WAIT_MS * 2);
    expect(changes).toBe(0);
  });

  it("reports nothing after stop(), even for changes pending when it stopped", async () => {
    observer = new PageObserver(document, onChange);
    observer.start();
    await edit(addParagraph);
    observer.stop();
    await edit(addParagraph);
    vi.advanceTimersByTime(PageObserver.MAX_WAIT_MS * 2);
    expect(changes).toBe(0);
  });
});
