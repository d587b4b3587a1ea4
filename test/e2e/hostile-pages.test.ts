// Hostile and unusual pages (test/fixtures/hostile): for each, the page works as it does
// without Backstory, Backstory marks and explains where it can (or stands down cleanly), and
// no error escapes. Big pages are built by their own inline scripts at load time.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import type { Frame, Page } from "playwright-core";
import { h as jsx } from "preact";
import { renderToString } from "preact-render-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/chromium.ts";
import {
  cardBox,
  cardText,
  frameCardOpen,
  HOST_TAG,
  hoverText,
  hoverTextInFrame,
  MARK_NAME,
  markedTexts,
  marksInPage,
  textPointInPage,
  waitForCard,
  waitForMarks,
  watchCards,
} from "../../scripts/lib/page-probe.ts";
import { App } from "../fixtures/hostile/ssr-app.tsx";
import { type Harness, startHarness } from "./harness.ts";

const DIR = join(ROOT, "test/fixtures/hostile");
const CSP = "default-src 'none'; style-src 'none'; script-src 'none'";

/** The server-rendered page: the app's HTML as a server would send it, and its hydrating bundle inline. */
async function ssrPage(): Promise<string> {
  const bundle = await esbuild.build({
    entryPoints: [join(DIR, "ssr-client.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    jsxImportSource: "preact",
    define: { "process.env.NODE_ENV": '"development"' },
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile page: server-rendered, hydrated late</title>
<style>body { font: 16px/1.4 Georgia, serif; max-width: 760px; margin: 16px auto; }</style></head>
<body><div id="root">${renderToString(jsx(App, {}))}</div><script>${script}</script></body></html>`;
}

/** Evaluates an expression through CDP, in the page's main world or a fresh isolated world (untouched built-ins). */
async function evaluate<T>(page: Page, expression: string, world: "main" | "isolated" = "main"): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let contextId: number | undefined;
    if (world === "isolated") {
      const { frameTree } = (await cdp.send("Page.getFrameTree")) as { frameTree: { frame: { id: string } } };
      ({ executionContextId: contextId } = (await cdp.send("Page.createIsolatedWorld", {
        frameId: frameTree.frame.id,
        worldName: "hostile-probe",
      })) as { executionContextId: number });
    }
    const { result, exceptionDetails } = (await cdp.send("Runtime.evaluate", {
      expression: `(() => { var __name = (f) => f; return ${expression}; })()`,
      contextId,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The open card's text, read from its host alone: cardText() reads the whole document through
 * DevTools, which refuses a 2,000-deep tree ("CBOR: stack limit exceeded").
 */
async function cardTextShallow(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send("DOM.getDocument", { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: HOST_TAG })) as {
      nodeId: number;
    };
    if (!nodeId) return "";
    const { node } = (await cdp.send("DOM.describeNode", { nodeId, depth: -1, pierce: true })) as { node: CdpNode };
    const text = (n: CdpNode): string =>
      n.nodeType === 3 ? n.nodeValue : n.nodeName === "STYLE" ? "" : (n.children ?? []).map(text).join(" ");
    return (node.shadowRoots ?? []).map(text).join(" ").replace(/\s+/g, " ").trim();
  } finally {
    await cdp.detach();
  }
}

/** Backstory's marks in a frame (same probe as markedTexts). */
function frameMarks(frame: Frame): Promise<string[]> {
  return frame.evaluate(marksInPage, [MARK_NAME] as const);
}

let h: Harness;
/** Console warnings from Backstory ("could not start", a failed lookup): errors that do not throw. */
const warnings: string[] = [];

beforeAll(async () => {
  const pages: Record<string, string> = { "/hostile/ssr.html": await ssrPage() };
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".html"))) {
    pages[`/hostile/${file}`] = readFileSync(join(DIR, file), "utf8");
  }
  h = await startHarness(pages, { pagesThrow: true });
  // These pages test reading and marking, and their terms include household names (Xi
  // Jinping, Angela Merkel): underline those too, as a reader can ask.
  await h.storeSettings({ version: 2, underlineFamiliar: true });
  h.browser.context.on("page", (page) =>
    page.on("console", (m) => {
      if (m.type() === "warning" && /backstory/i.test(m.text())) warnings.push(`${page.url()}: ${m.text()}`);
    }),
  );
  // The strict policy as a real response header (the test server sends none of its own).
  await h.browser.context.route(/\/hostile\/csp\.html$/, (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP },
      body: pages["/hostile/csp.html"],
    }),
  );
});
afterAll(async () => {
  await h?.close();
});

describe("hostile pages", () => {
  it("100,000 elements: marks, a card, and the page's animation never stalls", async () => {
    const page = await h.open("/hostile/many-elements.html");
    expect(await page.evaluate(() => (window as unknown as { __elements: number }).__elements)).toBeGreaterThan(
      100_000,
    );
    // "Angela Merkel" is only in the last paragraph, after all 100,000 elements: once it is
    // marked, Backstory has read the whole page.
    await expect.poll(() => markedTexts(page), { timeout: 30_000 }).toContain("Angela Merkel");
    const marks = await markedTexts(page);
    expect(marks).toEqual([
      "COP26",
      "Xi Jinping",
      "Meng Wanzhou",
      "Paris Agreement",
      "Huawei",
      "NATO",
      "Angela Merkel",
    ]);
    // The page's own requestAnimationFrame loop, from load until then: the longest gap between frames.
    const frames = await page.evaluate(() => {
      const t = (window as unknown as { __frames: number[] }).__frames;
      // The first frames after load paint the 100,000 elements: the page's own cost, not ours.
      const gaps = t.slice(3).map((x, i) => x - t[i + 2]);
      return {
        count: t.length,
        span: t[t.length - 1] - t[0],
        worst: Math.max(...gaps),
        over50: gaps.filter((g) => g > 50).length,
      };
    });
    console.log(
      `100,000 elements: read in ${(frames.span / 1000).toFixed(1)} s over ${frames.count} frames; ` +
        `worst gap ${frames.worst.toFixed(0)} ms, ${frames.over50} gaps over 50 ms`,
    );
    // Bounds measured both ways on a 2-core machine: sliced reading gives a worst gap of about
    // 17 ms over 36+ frames; reading it all in one task (each slice's deadline ignored) gave
    // 650 ms over 8 frames. Half of that fails a broken build and leaves a slow machine 19×.
    expect(frames.count).toBeGreaterThan(10);
    expect(frames.worst).toBeLessThan(325);
    await hoverText(page, "Angela Merkel");
    await waitForCard(page, "Angela Merkel");
    await page.close();
  });

  it("one 5 MB text node: marks near its start and its end", async () => {
    const page = await h.open("/hostile/huge-text.html");
    const length = await page.evaluate(() => (window as unknown as { __length: number }).__length);
    expect(length).toBeGreaterThan(5_000_000);
    await expect.poll(() => markedTexts(page), { timeout: 20_000 }).toEqual(["COP26", "Meng Wanzhou"]);
    const offsets = await page.evaluate((name) => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
      return [...(highlight ?? [])].map((r) => r.startOffset).sort((a, b) => a - b);
    }, MARK_NAME);
    expect(offsets[0]).toBe(0);
    expect(offsets[1]).toBeGreaterThan(length - 100);
    // The first words of the paragraph are on screen at the top (pointOfText would centre the
    // whole 5 MB paragraph, far from them).
    const point = await page.evaluate(() => {
      scrollTo(0, 0);
      const range = document.createRange();
      const text = (document.getElementById("huge") as HTMLElement).firstChild as Text;
      range.setStart(text, 0);
      range.setEnd(text, 5);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(point.x - 30, point.y + 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await waitForCard(page, "COP26");
    await page.close();
  });

  it("2,000-deep nesting: no stack overflow, the term at the bottom is marked", async () => {
    const page = await h.open("/hostile/deep-nesting.html");
    expect(await page.evaluate(() => (window as unknown as { __depth: number }).__depth)).toBeGreaterThan(2000);
    await expect.poll(() => markedTexts(page)).toEqual(["Xi Jinping", "COP26"]);
    await hoverText(page, "Xi Jinping");
    await expect.poll(() => cardTextShallow(page)).toMatch(/^Person .*Xi Jinping/);
    await page.close();
  });

  it("frames: marked in same-origin, about:blank, srcdoc and sandboxed frames; a hostless one stands down", async () => {
    const page = await h.open("/hostile/frames.html");
    await waitForMarks(page);
    const frame = async (id: string) => {
      const found = await (await page.$(`#${id}`))?.contentFrame();
      if (!found) throw new Error(`frame #${id} did not load`);
      return found;
    };
    // Chromium injects content scripts into sandboxed frames too, even without allow-scripts
    // (with an opaque origin or the page's): the sandbox stops the page's scripts, not the
    // extension's isolated world. So sandboxed frames are marked and explained like any other.
    for (const id of ["same", "sandboxed", "sandboxed-same-origin"]) {
      const f = await frame(id);
      await expect.poll(() => frameMarks(f)).toEqual(["Huawei", "Paris Agreement"]);
    }
    // Frames with no URL of their own belong to the page's site (match_about_blank)...
    await expect.poll(async () => frameMarks(await frame("srcdoc"))).toEqual(["Kyoto Protocol"]);
    await expect.poll(async () => frameMarks(await frame("blank"))).toEqual(["Angela Merkel"]);
    // ...except a sandboxed srcdoc frame: an opaque origin and no host, so no site to switch
    // on or off. Backstory stands down there, quietly (no warning: checked at the end).
    expect(await frameMarks(await frame("blank-sandboxed"))).toEqual([]);
    expect(await (await frame("sandboxed")).evaluate(() => origin)).toBe("null");
    const sandboxed = await hoverTextInFrame(page, "#sandboxed", "Huawei");
    await expect.poll(() => frameCardOpen(sandboxed)).toBe(true);
    await page.close();
  });

  it("web components: an open shadow root is marked, a closed one is left alone and keeps working", async () => {
    const page = await h.open("/hostile/components.html");
    await expect.poll(() => markedTexts(page)).toEqual(["COP26", "Meng Wanzhou", "Huawei"]);
    await hoverText(page, "COP26");
    await waitForCard(page, "COP26");
    await page.keyboard.press("Escape");
    await expect.poll(() => cardText(page)).toBe("");
    // The closed root's text cannot be read, so resting on it explains nothing (and throws nothing).
    const closed = await page.locator("#closed").boundingBox();
    if (!closed) throw new Error("the closed component is not rendered");
    const cards = watchCards(page);
    await page.mouse.move(closed.x + 60, closed.y + 12, { steps: 3 });
    await page.waitForTimeout(600); // resting on it, past the hover delay
    // The positive signal: a mention's card opens again, and no other card opened before it.
    await hoverText(page, "COP26");
    await waitForCard(page, "COP26");
    expect((await cards.stop()).filter((t) => !t.includes("COP26"))).toEqual([]);
    // Both components still work.
    for (const id of ["open", "closed"]) {
      const count = await page.evaluate((id) => {
        const el = document.getElementById(id) as HTMLElement;
        const root = el.shadowRoot ?? (window as unknown as { __closedRoot: ShadowRoot }).__closedRoot;
        (root.querySelector("button") as HTMLButtonElement).click();
        return root.querySelector(".n")?.textContent;
      }, id);
      expect(count).toBe("1");
    }
    await page.close();
  });

  it("an editor and a form: nothing marked inside, typing works, the selection is untouched", async () => {
    const page = await h.open("/hostile/editors.html");
    await waitForMarks(page);
    expect(await markedTexts(page)).toEqual(["COP26"]);
    const state = () =>
      page.evaluate(() => ({
        selection: getSelection()?.toString(),
        before: (window as unknown as { __selectionBefore: string }).__selectionBefore,
        active: document.activeElement?.id,
      }));
    expect(await state()).toEqual({ selection: "Xi Jinping", before: "Xi Jinping", active: "editor" });
    // A card opened by hovering leaves focus and selection where they were.
    await hoverText(page, "COP26");
    await waitForCard(page, "COP26");
    expect(await state()).toEqual({ selection: "Xi Jinping", before: "Xi Jinping", active: "editor" });
    await page.keyboard.press("Escape");
    // Typing replaces the selection in the editor, and works in the other fields.
    await page.keyboard.type("the NATO chief");
    await page.locator("#plain-editor").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" and COP26");
    await page.locator("#input").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" and Huawei");
    await page.locator("#textarea").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Xi Jinping too.");
    await page.locator("#select").selectOption("World Health Organization");
    expect(
      await page.evaluate(() => ({
        editor: document.getElementById("editor")?.textContent,
        plain: document.getElementById("plain-editor")?.textContent,
        input: (document.getElementById("input") as HTMLInputElement).value,
        textarea: (document.getElementById("textarea") as HTMLTextAreaElement).value,
        select: (document.getElementById("select") as HTMLSelectElement).value,
      })),
    ).toEqual({
      editor: "Draft: Angela Merkel met the NATO chief before the Kyoto Protocol anniversary.",
      plain: "Notes on the European Union summit. and COP26",
      input: "Meng Wanzhou and Huawei",
      textarea: "Huawei and NATO in a comment box. Xi Jinping too.",
      select: "World Health Organization",
    });
    // What was typed is not marked either: a paragraph added after the typing is marked once
    // Backstory has read the changes, and still nothing in the editors is.
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.textContent = "Added later: the Paris Agreement.";
      document.body.append(p);
    });
    await expect.poll(() => markedTexts(page)).toEqual(["COP26", "Paris Agreement"]);
    await page.close();
  });

  it("SVG text: no error; SVG (<text>, <tspan>, even HTML in a foreignObject) is not read", async () => {
    const page = await h.open("/hostile/svg.html");
    await waitForMarks(page);
    await h.settled(page); // read to the end: the SVG's text was met and left
    expect(await markedTexts(page)).toEqual(["COP26"]);
    // Hovering the SVG label opens nothing and throws nothing.
    const box = await page.locator("#label").boundingBox();
    if (!box) throw new Error("the SVG label is not rendered");
    const cards = watchCards(page);
    await page.mouse.move(box.x + 30, box.y + box.height / 2, { steps: 3 });
    await page.waitForTimeout(600); // resting on it, past the hover delay
    await hoverText(page, "COP26");
    await waitForCard(page, "COP26");
    expect((await cards.stop()).filter((t) => !t.includes("COP26"))).toEqual([]);
    expect(
      await page.evaluate(() => (document.getElementById("label") as unknown as SVGTextElement).getNumberOfChars()),
    ).toBe(36);
    await page.close();
  });

  it("a page with its own highlights that clears the registry: its highlight works, Backstory's marks come back", async () => {
    const page = await h.open("/hostile/page-highlights.html");
    await expect.poll(() => markedTexts(page)).toEqual(["COP26", "Xi Jinping"]);
    const own = () =>
      page.evaluate(() => {
        const hl = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("page-search");
        return hl ? [...hl].map((r) => r.toString()) : null;
      });
    expect(await own()).toEqual(["search box"]);
    const ownPaint = () =>
      page.evaluate(
        () => getComputedStyle(document.getElementById("text") as Element, "::highlight(page-search)").backgroundColor,
      );
    expect(await ownPaint()).toBe("rgb(255, 230, 0)");
    // The page clears the whole registry once: its highlight is back at once (its own code), ours soon after.
    await page.evaluate(() => (window as unknown as { pageReset(): void }).pageReset());
    expect(await markedTexts(page)).toEqual([]);
    expect(await own()).toEqual(["search box"]);
    await expect.poll(() => markedTexts(page), { timeout: 6000 }).toEqual(["COP26", "Xi Jinping"]);
    expect(await own()).toEqual(["search box"]);
    // A page that clears on every frame is not fought: a bounded number of returns.
    const returns = await page.evaluate(() =>
      (window as unknown as { clearInLoop(ms: number): Promise<number> }).clearInLoop(3000),
    );
    console.log(`page clearing the registry every frame for 3 s: Backstory's highlight came back ${returns} times`);
    expect(returns).toBeLessThanOrEqual(4);
    expect(await own()).toEqual(["search box"]);
    await expect.poll(() => markedTexts(page), { timeout: 20_000 }).toEqual(["COP26", "Xi Jinping"]);
    expect(await own()).toEqual(["search box"]);
    expect(await ownPaint()).toBe("rgb(255, 230, 0)");
    await page.close();
  });

  it("a strict Content-Security-Policy header: marks show and the card opens", async () => {
    const page = await h.browser.context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${h.server.url}/hostile/csp.html`);
    // The policy is in force: the page's own inline script and style were refused.
    expect(await page.title()).toBe("Hostile page: a strict Content-Security-Policy");
    expect(await page.evaluate(() => getComputedStyle(document.getElementById("lead") as Element).color)).toBe(
      "rgb(0, 0, 0)",
    );
    await expect.poll(() => markedTexts(page)).toEqual(["COP26", "Xi Jinping", "Meng Wanzhou", "Huawei"]);
    // content.css (from the manifest) styles the marks despite style-src 'none'...
    expect(
      await page.evaluate((name) => {
        const style = getComputedStyle(document.getElementById("lead") as Element, `::highlight(${name})`);
        return `${style.textDecorationLine} ${style.textDecorationStyle}`;
      }, MARK_NAME),
    ).toBe("underline dotted");
    // ...and the card's constructed stylesheet styles the card (24em wide; unstyled, it would span the page).
    await hoverText(page, "Xi Jinping");
    await waitForCard(page, "Xi Jinping");
    const box = await cardBox(page);
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.width).toBeLessThan(500);
    // Only the page's own two refusals: Backstory caused none.
    expect(violations).toEqual([
      expect.stringMatching(/^Applying inline style violates .*'style-src 'none''/),
      expect.stringMatching(/^Executing inline script violates .*'script-src 'none''/),
    ]);
    await page.close();
  });

  it("overridden prototypes and globals: Backstory works, the overrides are untouched and never called by it", async () => {
    const page = await h.open("/hostile/overrides.html");
    const marks = () => evaluate<string[]>(page, `(${marksInPage.toString()})(["${MARK_NAME}"])`, "isolated");
    await expect.poll(marks).toEqual(["COP26", "Xi Jinping", "Meng Wanzhou", "Huawei", "Paris Agreement"]);
    const point = await evaluate<{ x: number; y: number }>(
      page,
      `(${textPointInPage.toString()})(["Xi Jinping", 0])`,
      "isolated",
    );
    await page.mouse.move(point.x - 30, point.y + 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await waitForCard(page, "Xi Jinping");
    const check = await evaluate<{ same: string[]; ext: string[] }>(
      page,
      `(() => {
        const { replaced, ext } = window.__overrides;
        const now = {
          getAttribute: Element.prototype.getAttribute, appendChild: Node.prototype.appendChild,
          setTimeout: window.setTimeout, parse: JSON.parse, createTreeWalker: Document.prototype.createTreeWalker,
          requestIdleCallback: window.requestIdleCallback, attachShadow: Element.prototype.attachShadow,
          highlightsSet: HighlightRegistry.prototype.set, push: Array.prototype.push,
          promiseThen: Promise.prototype.then, Map: window.Map, Highlight: window.Highlight,
        };
        return { same: Object.keys(replaced).filter((k) => now[k] === replaced[k]), ext: ext.slice() };
      })()`,
    );
    expect(check.same).toHaveLength(12);
    expect(check.ext).toEqual([]);
    await page.close();
  });

  it("a server-rendered page hydrated late: hydrates without warnings, stays interactive, terms are marked", async () => {
    const page = await h.browser.context.newPage();
    const consoleLines: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") consoleLines.push(`${m.type()}: ${m.text()}`);
    });
    await page.goto(`${h.server.url}/hostile/ssr.html`);
    await expect.poll(() => markedTexts(page)).toEqual(["COP26", "Xi Jinping", "Paris Agreement"]);
    // The app hydrated after Backstory had marked it (not after the fallback timeout).
    await page.locator("html[data-hydrated]").waitFor();
    expect(await page.locator("html").getAttribute("data-hydrated")).toBe("after-marks");
    await page.locator("#like").click();
    await page.locator("#like").click();
    expect(await page.locator("#like").textContent()).toBe("Liked 2 times");
    await expect.poll(() => markedTexts(page)).toEqual(["COP26", "Xi Jinping", "Paris Agreement", "Meng Wanzhou"]);
    await hoverText(page, "Meng Wanzhou");
    await waitForCard(page, "Meng Wanzhou");
    // preact/debug (in the bundle) reports a hydration mismatch as a console error (checked by
    // hand with a server <h2> for the client's <h1>): none here, nor any other warning.
    expect(consoleLines).toEqual([]);
    await page.close();
  });

  it("causes no page errors and no Backstory warnings", () => {
    // The strict-CSP page's refusals of its own inline style and script are expected (checked above).
    const own = (e: string) =>
      /\/hostile\/csp\.html: console: (Applying inline style|Executing inline script) violates/.test(e);
    expect(h.pageErrors.filter((e) => !own(e))).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
