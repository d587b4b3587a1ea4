// Every saved news page in $BACKSTORY_CORPUS (../shared/corpus/pages, set by .ci/run), read
// from there and never copied into the project. For each page, loaded with Backstory and,
// at the same time, in a plain Chromium without it (both confined to 127.0.0.1):
//   - no error from Backstory. The pages' own scripts throw plenty offline (ad and analytics
//     code whose libraries were blocked), so only errors that point at our content script
//     fail the test: a stack or console location under chrome-extension://, or our name in
//     the message. An error Backstory provoked inside the page's own code would not point at
//     us; the summary therefore also counts each page's errors with and without Backstory.
//   - the page's DOM unchanged: document.documentElement.outerHTML after both loads settle
//     is the same with and without Backstory, once runs of six or more digits are masked
//     (cache-busting numbers and timestamps that the page's scripts put into URLs differ
//     between any two loads). A difference left after a second look fails the test.
//   - marks on the English pages (all but lemonde-*, heise-* and wday-*), except where the
//     glossary has nothing to explain (NOTHING_TO_EXPLAIN; npm run coverage finds no entry).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPlain } from "../../scripts/lib/chromium.ts";
import { MARK_NAME, markedTexts } from "../../scripts/lib/page-probe.ts";
import { CORPUS_ENV, corpusFiles, materialMissing } from "../support/material.ts";
import { type Harness, startHarness } from "./harness.ts";

const NOT_ENGLISH = /^(lemonde|heise|wday)-/;
/** English pages on which the glossary has no entry at all (npm run coverage -- <page> finds none). */
const NOTHING_TO_EXPLAIN = new Set(["arstechnica-minecraft-exploit.html"]);

const corpus = corpusFiles();
const missing = materialMissing(corpus, `the corpus (${CORPUS_ENV})`);

/** In the page: its serialised DOM (Backstory's card host would show here; no card is opened). */
const serialise = () => document.documentElement.outerHTML;
const masked = (html: string) => html.replace(/\d{6,}/g, "#");

function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: with Backstory ${JSON.stringify(a.slice(i - 80, i + 80))}, without ${JSON.stringify(b.slice(i - 80, i + 80))}`;
}

/** Errors of one page load: all of them, and those that point at our content script. */
function collectErrors(page: Page) {
  const all: string[] = [];
  const ours: string[] = [];
  page.on("pageerror", (e) => {
    const text = `${e.name}: ${e.message}\n${e.stack ?? ""}`;
    all.push(text);
    if (/chrome-extension:\/\/|backstory/i.test(text)) ours.push(text);
  });
  page.on("console", (m) => {
    // Our warnings ("could not start on this page") count too: they are errors that did not throw.
    if (m.location().url.startsWith("chrome-extension://") || /backstory/i.test(m.text()))
      ours.push(`console ${m.type()}: ${m.text()}`);
  });
  return { all, ours };
}

/** Underlines inside the site's furniture (menus, footers, asides): there should be none. */
function underlinesInFurniture(name: string): string[] {
  const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
  const furniture = "nav, footer, aside, [role=navigation], [role=contentinfo], [role=complementary]";
  return [...(highlight ?? [])]
    .filter((r) => r.startContainer.parentElement?.closest(furniture))
    .map((r) => r.toString());
}

interface Row {
  page: string;
  english: boolean;
  marks: string[];
  inFurniture: string[];
  ours: number;
  errorsWith: number;
  errorsWithout: number;
  dom: string;
  ms: number;
}

const corpusRows: Row[] = [];

describe.skipIf(missing)(`the corpus (${CORPUS_ENV})`, () => {
  const { dir, files } = "missing" in corpus ? { dir: "", files: [] } : corpus;
  let h: Harness;
  let plainBrowser: Browser;
  let plain: BrowserContext;
  const rows: Row[] = corpusRows;

  beforeAll(async () => {
    const pages = Object.fromEntries(files.map((f) => [`/corpus/${f}`, readFileSync(join(dir, f), "utf8")]));
    h = await startHarness(pages, { pagesThrow: true });
    plainBrowser = await launchPlain();
    plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
    await plain.addInitScript("globalThis.__name ??= (fn) => fn;");
    await plain.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:|about:)/, (route) => route.abort());
  });
  afterAll(async () => {
    const line = (r: Row) =>
      `${r.page.padEnd(36)} ${String(r.marks.length).padStart(5)}  ${String(r.ours).padStart(4)}  ` +
      `${`${r.errorsWith}/${r.errorsWithout}`.padStart(9)}  ${r.dom.padEnd(10)} ${String(r.ms).padStart(6)}  ` +
      `${r.english ? "" : "(not English) "}${r.marks.slice(0, 4).join(", ")}`;
    if (rows.length)
      console.log(
        [
          `Corpus: ${rows.length} pages, ${rows.reduce((n, r) => n + r.marks.length, 0)} marks, ` +
            `${rows.reduce((n, r) => n + r.ours, 0)} errors from Backstory`,
          `${"page".padEnd(36)} marks  ours  page errs  DOM        ms      first marks`,
          `${"".padEnd(36)}              with/without`,
          ...rows.map(line),
        ].join("\n"),
      );
    await plainBrowser?.close();
    await h?.close();
  });

  it.each(files)("%s", async (file) => {
    const started = Date.now();
    const withExt = await h.browser.context.newPage();
    const without = await plain.newPage();
    const errors = collectErrors(withExt);
    const plainErrors = collectErrors(without);
    try {
      await Promise.all([withExt, without].map((p) => p.goto(`${h.server.url}/corpus/${file}`, { timeout: 30_000 })));
      await h.settled(withExt); // read to the end, nothing pending: every mark there will be is there
      const marks = await markedTexts(withExt);
      const inFurniture = await withExt.evaluate(underlinesInFurniture, MARK_NAME);
      let [a, b] = await Promise.all([withExt.evaluate(serialise), without.evaluate(serialise)]);
      let dom = a === b ? "same" : "masked";
      // A late script of the page's own may still be changing either copy: look again, for up to
      // 5 s, until they agree (the DOMs are then equal, and stay different only if we changed one).
      for (let look = 0; masked(a) !== masked(b) && look < 20; look++) {
        await withExt.waitForTimeout(250);
        [a, b] = await Promise.all([withExt.evaluate(serialise), without.evaluate(serialise)]);
        dom = a === b ? "same" : masked(a) === masked(b) ? "masked" : "DIFFERENT";
      }
      const english = !NOT_ENGLISH.test(file);
      rows.push({
        page: file.replace(/\.html$/, ""),
        english,
        marks,
        inFurniture,
        ours: errors.ours.length,
        errorsWith: errors.all.length,
        errorsWithout: plainErrors.all.length,
        dom,
        ms: Date.now() - started,
      });
      expect(errors.ours).toEqual([]);
      expect(firstDifference(masked(a), masked(b))).toBeNull();
      if (english && !NOTHING_TO_EXPLAIN.has(file)) expect(marks.length).toBeGreaterThan(0);
      // Underlines belong to the article: none in a menu, a footer or an aside.
      expect(inFurniture).toEqual([]);
    } finally {
      await Promise.all([withExt.close(), without.close()]);
    }
  });
});

describe.skipIf(missing)("the corpus, in total", () => {
  it("the median English page has at most 15 underlines with the default settings", () => {
    // Runs after every page above (same file, in order): it reads their rows.
    const counts = corpusRows
      .filter((r) => r.english)
      .map((r) => r.marks.length)
      .sort((a, b) => a - b);
    expect(counts.length).toBeGreaterThan(10);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(15);
  });
});
