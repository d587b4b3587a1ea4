// Reads what Backstory did to a page, as a reader (or a test) would see it: the marks in the
// highlight registry (shared with the page), the card inside its closed shadow root (through
// the DevTools protocol), and where a piece of text is on screen.
import type { Locator, Page } from "playwright-core";

import { HOST_TAG } from "../../src/card/container.ts";
import { MARK_NAME } from "../../src/content/mention.ts";
import { watchTexts } from "./watch-texts.ts";

export { HOST_TAG, MARK_NAME };

/**
 * In the page: the text of every mark, in document order (highlight API or wrapped marks).
 * Self-contained, so any driver can run it (Playwright here, puppeteer for Firefox).
 */
export function marksInPage([name]: readonly [string]): string[] {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  const highlight = registry?.get(name);
  if (highlight) {
    // Ranges in shadow trees cannot be compared with the document's: document order first, then each tree's.
    const byRoot = new Map<Node, Range[]>();
    for (const r of highlight) {
      const root = r.startContainer.getRootNode();
      byRoot.set(root, [...(byRoot.get(root) ?? []), r]);
    }
    return [...byRoot.values()].flatMap((rs) =>
      rs.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString()),
    );
  }
  return [];
}

/** The text of every mark on the page, in document order. */
export function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(marksInPage, [MARK_NAME] as const);
}

/** Waits until the page carries at least `min` marks. */
export async function waitForMarks(page: Page, min = 1, timeout = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const marks = await markedTexts(page);
    if (marks.length >= min) return marks;
    if (Date.now() > deadline) throw new Error(`expected at least ${min} marks, found ${marks.length}`);
    await page.waitForTimeout(100);
  }
}

/**
 * The centre of the `nth` occurrence of `text` in the page's visible text (across inline
 * elements), or null. Scrolls it into view first.
 */
export async function pointOfText(page: Page, text: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(textPointInPage, [text, nth] as const);
}

/** In the page: what pointOfText returns. Self-contained, so any driver can run it. */
export function textPointInPage([needle, index]: readonly [string, number]): { x: number; y: number } | null {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let all = "";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const blocks = "p,h1,h2,h3,h4,h5,h6,li,td,th,dt,dd,div,blockquote,figcaption,section,article,header,footer,main";
  let lastBlock: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = (n as Text).parentElement;
    if (!p || p.closest("script,style,textarea,code,[contenteditable]")) continue;
    // Text of two blocks does not run together: "Markets" + "Meng" is not "MarketsMeng".
    const block = p.closest(blocks);
    if (block !== lastBlock) all += "\n";
    lastBlock = block;
    starts.push(all.length);
    nodes.push(n as Text);
    all += (n as Text).data;
  }
  // Whole words only: "Xi" is not the start of "Xinjiang".
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
  let at = -1;
  for (let i = 0; i <= index; i++) {
    const found = re.exec(all);
    if (!found) return null;
    at = found.index;
  }
  const locate = (offset: number) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > offset) i--;
    return { node: nodes[i], offset: offset - starts[i] };
  };
  const a = locate(at);
  const b = locate(at + needle.length - 1);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset + 1);
  (a.node.parentElement as Element).scrollIntoView({ block: "center" });
  const rect = range.getClientRects()[0];
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}

/** Moves the pointer onto a piece of text, as a reader would (with a few intermediate moves). */
export async function hoverText(page: Page, text: string, nth = 0): Promise<void> {
  const point = await pointOfText(page, text, nth);
  if (!point) throw new Error(`"${text}" is not on the page`);
  await page.mouse.move(point.x - 30, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  attributes?: string[];
}

async function cardRoot(page: Page): Promise<{ root: CdpNode | null; cdp: import("playwright-core").CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: CdpNode };
  const find = (n: CdpNode): CdpNode | null => {
    if (n.nodeName === HOST_TAG.toUpperCase()) return n;
    for (const c of n.children ?? []) {
      const f = find(c);
      if (f) return f;
    }
    return null;
  };
  return { root: find(root)?.shadowRoots?.[0] ?? null, cdp };
}

function textOf(n: CdpNode): string {
  if (n.nodeType === 3) return n.nodeValue;
  if (n.nodeName === "STYLE") return "";
  const inner = (n.children ?? []).map(textOf).join("");
  return ["DIV", "P", "H2", "LI", "UL"].includes(n.nodeName) ? `${inner}\n` : inner;
}

/** The open card's text, or "" when no card is shown. Reads through the closed shadow root. */
export async function cardText(page: Page): Promise<string> {
  const { root, cdp } = await cardRoot(page);
  await cdp.detach();
  return root ? textOf(root).replace(/\n+/g, "\n").trim() : "";
}

/** Waits for the card to show `expected` (or any card, when omitted); returns its text. */
export async function waitForCard(page: Page, expected?: string, timeout = 5000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = "";
  while (Date.now() < deadline) {
    text = await cardText(page);
    if (text && (!expected || text.includes(expected))) return text;
    await page.waitForTimeout(50);
  }
  throw new Error(`card did not show ${expected ? `"${expected}"` : "up"}; last seen: ${JSON.stringify(text)}`);
}

/** Every card text shown on the page until `stop()` (see watchTexts). */
export function watchCards(page: Page): { stop(): Promise<string[]> } {
  return watchTexts(() => cardText(page));
}

/** The on-screen box of the card's element whose text is `label` (a button or link). */
export async function cardControlPoint(page: Page, label: string): Promise<{ x: number; y: number }> {
  const { root, cdp } = await cardRoot(page);
  const find = (n: CdpNode): CdpNode | null => {
    if ((n.nodeName === "BUTTON" || n.nodeName === "A") && textOf(n).trim() === label) return n;
    for (const c of n.children ?? []) {
      const f = find(c);
      if (f) return f;
    }
    return null;
  };
  const node = root && find(root);
  if (!node) {
    await cdp.detach();
    throw new Error(`no "${label}" control in the card`);
  }
  const { model } = (await cdp.send("DOM.getBoxModel", { backendNodeId: node.backendNodeId })) as {
    model: { content: number[] };
  };
  await cdp.detach();
  const [x1, y1, , , x3, y3] = model.content;
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
}

/** The open card's box on screen (CSS pixels), or null when no card is shown. */
export async function cardBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const { root, cdp } = await cardRoot(page);
  const find = (n: CdpNode): CdpNode | null => {
    const cls = n.attributes?.[n.attributes.indexOf("class") + 1];
    if (n.nodeName === "DIV" && n.attributes?.includes("class") && cls?.split(" ").includes("card")) return n;
    for (const c of n.children ?? []) {
      const f = find(c);
      if (f) return f;
    }
    return null;
  };
  const node = root && find(root);
  try {
    if (!node) return null;
    const { model } = (await cdp.send("DOM.getBoxModel", { backendNodeId: node.backendNodeId })) as {
      model: { border: number[] };
    };
    const [x1, y1, , , x3, y3] = model.border;
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  } finally {
    await cdp.detach();
  }
}

/** Whether keyboard focus is on the card (inside its closed shadow root, seen from the page as its host). */
export function focusIsOnCard(page: Page): Promise<boolean> {
  return page.evaluate((tag) => document.activeElement?.localName === tag, HOST_TAG);
}

/** A frame as Playwright and puppeteer both offer it (enough to run the probes above in it). */
export interface ProbedFrame {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}

/** A page as both drivers offer it, for reaching into an iframe. */
export interface FramedPage {
  $(selector: string): Promise<{
    boundingBox(): Promise<{ x: number; y: number } | null>;
    contentFrame(): Promise<unknown>;
  } | null>;
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<unknown> };
}

/** Moves the pointer onto `text` inside the iframe `selector` (as hoverText does); returns the frame. */
export async function hoverTextInFrame(page: FramedPage, selector: string, text: string): Promise<ProbedFrame> {
  const element = await page.$(selector);
  const frame = (await element?.contentFrame()) as ProbedFrame | null;
  if (!element || !frame) throw new Error(`frame ${selector} did not load`);
  const inner = await frame.evaluate(textPointInPage, [text, 0] as const);
  const box = await element.boundingBox();
  if (!box || !inner) throw new Error(`"${text}" is not on screen in ${selector}`);
  await page.mouse.move(box.x + inner.x - 30, box.y + inner.y + 40);
  await page.mouse.move(box.x + inner.x, box.y + inner.y, { steps: 4 });
  return frame;
}

/** Whether a card is open in a frame (its host element there carries data-open). */
export function frameCardOpen(frame: ProbedFrame): Promise<boolean> {
  return frame.evaluate((tag) => document.querySelector(tag)?.hasAttribute("data-open") ?? false, HOST_TAG);
}

/**
 * Sets a checkbox, switch or radio and waits until it shows the new state. Our controls follow
 * the background's answer, which a loaded machine may give after Playwright's own check()
 * has already given up ("Clicking the checkbox did not change its state").
 */
export async function setChecked(control: Locator, checked: boolean, timeout = 5000): Promise<void> {
  if ((await control.isChecked()) === checked) return;
  await control.click();
  const deadline = Date.now() + timeout;
  while ((await control.isChecked()) !== checked) {
    if (Date.now() > deadline)
      throw new Error(`the control did not turn ${checked ? "on" : "off"} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
