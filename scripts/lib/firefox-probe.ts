// Reads what Backstory did to a page in Firefox (puppeteer over WebDriver BiDi): the marks in
// the highlight registry and the card inside its closed shadow root.
//
// The card: Firefox speaks no DevTools protocol and puppeteer's accessibility snapshot needs
// one, so page-probe's way (CDP's DOM.getDocument with pierce) is not open here. WebDriver
// BiDi has its own: script.evaluate with serializationOptions.includeShadowTree "all"
// serialises a host's shadow root even when it is closed, as a node reference (sharedId),
// and that reference can be handed back to script.callFunction as an argument, where the
// function reads the tree like any other DOM: text, the dialog's role and name, boxes. It is
// the page's own DOM that a reader sees, not a picture of it. No page script can do this.
import type { Page } from "puppeteer-core";
import { HOST_TAG, MARK_NAME, marksInPage, textPointInPage } from "./page-probe.ts";
import { watchTexts } from "./watch-texts.ts";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
    await sleep(100);
  }
}

/** Moves the pointer onto a piece of text (the `nth` whole-word occurrence), as a reader would. */
export async function hoverText(page: Page, text: string, nth = 0): Promise<void> {
  const point = await page.evaluate(textPointInPage, [text, nth] as const);
  if (!point) throw new Error(`"${text}" is not on the page`);
  await page.mouse.move(point.x - 30, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

// --- WebDriver BiDi, below puppeteer's public API --------------------------------------------

interface BidiRemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}
type BidiResult = { type: "success"; result: BidiRemoteValue } | { type: "exception"; exceptionDetails: unknown };

/** Sends a raw BiDi command on puppeteer's connection, in the page's top-level browsing context. */
async function bidi(page: Page, method: string, params: Record<string, unknown>): Promise<BidiRemoteValue> {
  // puppeteer-core 24: Browser.connection is the BiDi connection; a frame knows its context.
  const connection = (page.browser() as unknown as { connection?: { send(m: string, p: object): Promise<unknown> } })
    .connection;
  const context = (page.mainFrame() as unknown as { browsingContext?: { id: string } }).browsingContext?.id;
  if (!connection || !context)
    throw new Error("not a WebDriver BiDi page (launch Firefox with protocol webDriverBiDi)");
  const reply = (await connection.send(method, { ...params, target: { context } })) as { result: BidiResult };
  const result = reply.result;
  if (result.type === "exception") throw new Error(`${method} threw: ${JSON.stringify(result.exceptionDetails)}`);
  return result.result;
}

/** The card's closed shadow root, as a BiDi node reference; null when no card host is there. */
async function cardShadowRoot(page: Page): Promise<string | null> {
  const host = await bidi(page, "script.evaluate", {
    expression: `document.querySelector(${JSON.stringify(HOST_TAG)})`,
    awaitPromise: false,
    resultOwnership: "none",
    serializationOptions: { maxDomDepth: 1, includeShadowTree: "all" },
  });
  if (host.type !== "node") return null;
  const shadow = (host.value as { shadowRoot?: BidiRemoteValue | null }).shadowRoot;
  return shadow?.sharedId ?? null;
}

/** Runs `fn` (source text) on the card's shadow root in the page; null when there is no card. */
async function onCard(page: Page, fn: string, ...args: unknown[]): Promise<BidiRemoteValue | null> {
  const root = await cardShadowRoot(page);
  if (!root) return null;
  return bidi(page, "script.callFunction", {
    functionDeclaration: fn,
    arguments: [{ sharedId: root }, ...args.map((value) => ({ type: "string", value: String(value) }))],
    awaitPromise: false,
    resultOwnership: "none",
  });
}

export interface CardView {
  /** The mode of the shadow root the card lives in ("closed"). */
  mode: string;
  /** The accessible name of the card's dialog (from aria-labelledby), "" if it has none. */
  dialogName: string;
  /** The card's text, one line per block, as page-probe's cardText gives it in Chromium. */
  text: string;
}

const READ_CARD = `(root) => {
  const dialog = root.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const name = (dialog.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent || "").join(" ").trim();
  const textOf = (n) => {
    if (n.nodeType === 3) return n.data;
    if (n.nodeName === "STYLE") return "";
    const inner = [...n.childNodes].map(textOf).join("");
    return ["DIV", "P", "H2", "LI", "UL"].includes(n.nodeName) ? inner + "\\n" : inner;
  };
  return JSON.stringify({ mode: root.mode, dialogName: name, text: textOf(dialog).replace(/\\n+/g, "\\n").trim() });
}`;

/** The open card (read through its closed shadow root), or null when none is shown. */
export async function readCard(page: Page): Promise<CardView | null> {
  const value = await onCard(page, READ_CARD);
  return value?.type === "string" ? (JSON.parse(value.value as string) as CardView) : null;
}

/** The open card's text, or "" when no card is shown. */
export async function cardText(page: Page): Promise<string> {
  return (await readCard(page))?.text ?? "";
}

/** Every card text shown on the page until `stop()` (see watchTexts). */
export function watchCards(page: Page): { stop(): Promise<string[]> } {
  return watchTexts(() => cardText(page));
}

/** Waits for a card whose dialog is named `expected` (or any card); returns what it shows. */
export async function waitForCard(page: Page, expected?: string, timeout = 5000): Promise<CardView> {
  const deadline = Date.now() + timeout;
  let seen: CardView | null = null;
  while (Date.now() < deadline) {
    seen = await readCard(page);
    if (seen && (!expected || seen.dialogName.includes(expected))) return seen;
    await sleep(50);
  }
  throw new Error(`card did not show ${expected ? `"${expected}"` : "up"}; last seen: ${JSON.stringify(seen)}`);
}

/** The on-screen centre of the card's button or link whose text is `label`. */
export async function cardControlPoint(page: Page, label: string): Promise<{ x: number; y: number }> {
  const value = await onCard(
    page,
    `(root, label) => {
      const el = [...root.querySelectorAll("a, button")].find((e) => e.textContent.trim() === label);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return JSON.stringify({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    }`,
    label,
  );
  if (value?.type !== "string") throw new Error(`no "${label}" control in the card`);
  return JSON.parse(value.value as string);
}
