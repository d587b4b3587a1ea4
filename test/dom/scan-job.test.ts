import { beforeEach, describe, expect, it } from "vitest";
import { Annotator, PAGE_TEXT_LIMIT, SCAN_CHUNK } from "../../src/content/annotator.ts";
import { type HighlightApi, HighlightMarker } from "../../src/content/highlight-marker.ts";
import { MARK_NAME } from "../../src/content/mention.ts";
import { PageObserver } from "../../src/content/page-observer.ts";
import { ScanJob } from "../../src/content/scan-job.ts";
import { compileMatcher } from "../../src/matcher/compile.ts";
import { scanText } from "../../src/matcher/scan.ts";

const matcher = compileMatcher([
  { id: "meng", group: 0, forms: ["Meng Wanzhou"], shortForms: ["Meng"], context: [] },
  { id: "cop26", group: 3, forms: ["COP26"], shortForms: [], context: [] },
  { id: "seoul", group: 2, forms: ["Seoul"], shortForms: [], context: [] },
]);

function setup() {
  const registry = new Map<string, unknown>();
  const api: HighlightApi = { registry, create: () => new Set<Range>(), caretAt: () => null };
  const annotator = new Annotator(matcher, new HighlightMarker(api), () => false);
  const marked = () => [...((registry.get(MARK_NAME) as Set<Range> | undefined) ?? [])].map((r) => r.toString()).sort();
  return { annotator, marked };
}

/** A clock that advances one millisecond per reading: every slice ends after a few reads. */
function tickingClock() {
  let t = 0;
  return () => t++;
}

beforeEach(() => {
  document.body.innerHTML = "";
});

describe("ScanJob", () => {
  it("finds in slices exactly what one pass finds, marking as it goes", () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) =>
      i % 7 === 0 ? `<p>Item ${i}: <em>Meng</em> Wanzhou in Seoul</p>` : `<p>Item ${i}: nothing</p>`,
    );
    document.body.innerHTML = `${paragraphs.join("")}<p>Later, Meng spoke at COP26.</p>`;
    const once = setup();
    once.annotator.scan(document.body, () => true);

    const sliced = setup();
    const now = tickingClock();
    const job = new ScanJob(sliced.annotator, [document.body], { isOwn: () => false, onShadowRoot: () => {}, now });
    let slices = 0;
    const seenGrowing: number[] = [];
    while (!job.step(now() + 3)) {
      slices++;
      seenGrowing.push(sliced.marked().length);
    }
    expect(slices).toBeGreaterThan(10);
    expect(seenGrowing.some((n) => n > 0 && n < once.marked().length)).toBe(true); // marks appear before the end
    expect(sliced.marked()).toEqual(once.marked());
    expect(once.marked()).toContain("Meng"); // the short form, licensed by the full forms before it
  });

  it("stops reading past the page-text limit, keeps what it read, and says so", () => {
    // Four paragraphs of 300 characters: three fit under a limit of 1,000, the fourth does not.
    const p = (term: string) => `<p>${term} ${"x".repeat(299 - term.length)}</p>`;
    document.body.innerHTML = p("Seoul") + p("COP26") + p("Meng Wanzhou") + p("Seoul");
    const { annotator, marked } = setup();
    expect(annotator.textLimit).toBe(PAGE_TEXT_LIMIT);
    annotator.textLimit = 1_000;
    document.body.insertAdjacentHTML("beforeend", p("COP26").repeat(50));
    const scanned: string[] = [];
    const scanBlock = annotator.scanBlock.bind(annotator);
    annotator.scanBlock = (text, ...rest) => {
      scanned.push(text);
      return scanBlock(text, ...rest);
    };
    const job = new ScanJob(annotator, [document.body], { isOwn: () => false, onShadowRoot: () => {} });
    while (!job.step(Number.POSITIVE_INFINITY));
    // Reading stops at the first block past the limit: the 50 paragraphs after it are not scanned.
    expect(scanned.length).toBeLessThanOrEqual(5);
    expect(annotator.truncated).toBe(true);
    expect(marked()).toEqual(["COP26", "Meng Wanzhou", "Seoul"]);
    expect(job.done).toBe(true);
    // Text leaving the page makes room: a changed part is read again.
    document.body.firstElementChild?.remove();
    annotator.removeBlocks([]);
    document.body.insertAdjacentHTML("afterbegin", "<p id='new'>Meng Wanzhou again</p>");
    const again = new ScanJob(annotator, [document.getElementById("new") as Node], {
      isOwn: () => false,
      onShadowRoot: () => {},
    });
    while (!again.step(Number.POSITIVE_INFINITY));
    expect(annotator.mentions.filter((m) => m.text === "Meng Wanzhou")).toHaveLength(2);
    expect(annotator.truncated).toBe(true); // the popup still says part of the page was not read
    annotator.reset();
    expect(annotator.truncated).toBe(false);
  });

  it("scans one huge text node in chunks with the same result", () => {
    const filler = "word ".repeat(SCAN_CHUNK / 5);
    const text = `${filler}Meng Wanzhou ${filler}COP26 Seoul ${filler}`;
    const whole = scanText(matcher, text);
    const chunked = setup().annotator.scanBlock(text);
    expect(chunked).toEqual(whole);
    expect(whole.map((m) => text.slice(m.start, m.end))).toEqual(["Meng", "Meng Wanzhou", "COP26", "Seoul"]);
  });

  it("after a mutation, re-reads only the changed block and finds a mention spanning inline elements", async () => {
    document.body.innerHTML = "<p id='a'>Delegates met in Seoul.</p><p id='b'>Nothing yet.</p>";
    const { annotator, marked } = setup();
    annotator.scan(document.body, () => true);
    expect(marked()).toEqual(["Seoul"]);

    const roots = await new Promise<Node[]>((resolve) => {
      const observer = new PageObserver(document, resolve);
      observer.start();
      const b = document.getElementById("b") as HTMLElement;
      b.innerHTML = "Then <a href='#'>Meng</a> <b>Wanzhou</b> arrived; Meng smiled.";
    });
    expect(roots).toEqual([document.getElementById("b")]);
    annotator.removeBlocks(roots);
    const job = new ScanJob(annotator, roots, { isOwn: () => false, onShadowRoot: () => {} });
    while (!job.step(Number.POSITIVE_INFINITY));
    expect(marked()).toEqual(["Meng", "Meng Wanzhou", "Seoul"]);

    // The full form goes: the short form it licensed goes with it.
    (document.getElementById("b") as HTMLElement).textContent = "Meng smiled.";
    annotator.removeBlocks([document.getElementById("b") as Node]);
    const again = new ScanJob(annotator, [document.getElementById("b") as Node], {
      isOwn: () => false,
      onShadowRoot: () => {},
    });
    while (!again.step(Number.POSITIVE_INFINITY));
    expect(marked()).toEqual(["Seoul"]);
  });

  it("reads open shadow roots it meets", () => {
    document.body.innerHTML = "<div id='host'></div><p>Seoul</p>";
    const shadow = (document.getElementById("host") as HTMLElement).attachShadow({ mode: "open" });
    shadow.innerHTML = "<p>COP26 news</p>";
    const { annotator, marked } = setup();
    const met: ShadowRoot[] = [];
    const job = new ScanJob(annotator, [document.body], { isOwn: () => false, onShadowRoot: (r) => met.push(r) });
    while (!job.step(Number.POSITIVE_INFINITY));
    expect(met).toEqual([shadow]);
    expect(marked()).toEqual(["COP26", "Seoul"]);
  });
});
