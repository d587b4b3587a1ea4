// The card's code (card.js) is not in a frame until a card may be needed there: the background
// injects it at the first hover of that frame (scripting.executeScript). Seen through the
// DevTools protocol's list of parsed scripts, which names each script's frame and world; the
// page's DOM holds nothing of ours until then. A load that fails leaves the page working.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST_CHROME, ROOT } from "../../scripts/lib/chromium.ts";
import {
  cardText,
  frameCardOpen,
  HOST_TAG,
  hoverText,
  hoverTextInFrame,
  markedTexts,
  pointOfText,
  waitForCard,
  waitForMarks,
} from "../../scripts/lib/page-probe.ts";
import { type Harness, startHarness } from "./harness.ts";

const HOSTILE = join(ROOT, "test/fixtures/hostile");
const FRAME_PAGES = Object.fromEntries(
  ["frames.html", "frame-inner.html"].map((f) => [`/hostile/${f}`, readFileSync(join(HOSTILE, f), "utf8")]),
);

interface ParsedScript {
  file: string;
  frameId: string;
  world: string;
}

/** Records every extension script parsed in the page's frames (file, frame, world), from before it loads. */
async function scriptRecorder(h: Harness): Promise<{ page: Page; cdp: CDPSession; scripts: ParsedScript[] }> {
  const page = await h.browser.context.newPage();
  const cdp = await h.browser.context.newCDPSession(page);
  const scripts: ParsedScript[] = [];
  cdp.on("Debugger.scriptParsed", (e) => {
    const prefix = `chrome-extension://${h.browser.extensionId}/`;
    if (!e.url.startsWith(prefix)) return;
    const aux = e.executionContextAuxData as { frameId: string; type: string };
    scripts.push({ file: e.url.slice(prefix.length), frameId: aux.frameId, world: aux.type });
  });
  await cdp.send("Debugger.enable");
  return { page, cdp, scripts };
}

const topFrameId = async (cdp: CDPSession) => (await cdp.send("Page.getFrameTree")).frameTree.frame.id;
const framesWith = (scripts: ParsedScript[], file: string) =>
  scripts.filter((s) => s.file === file).map((s) => s.frameId);

describe("the card's code, injected at a frame's first hover", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(FRAME_PAGES);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("is not in the page before the first hover, and is there once after it", async () => {
    const { page, cdp, scripts } = await scriptRecorder(h);
    await page.goto(`${h.server.url}/demo-article.html`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await waitForMarks(page, 10);
    await h.settled(page); // read to the end: had anything of ours come before a hover, it is here
    const top = await topFrameId(cdp);
    expect(framesWith(scripts, "content.js")).toContain(top);
    expect(framesWith(scripts, "card.js")).toEqual([]);
    // Nothing of ours in the DOM yet (the card's host element comes with the first card).
    expect(await page.evaluate((tag) => document.querySelector(tag), HOST_TAG)).toBeNull();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);

    await hoverText(page, "Huawei");
    expect(await waitForCard(page, "Huawei")).toMatch(/Organization/);
    expect(scripts.filter((s) => s.file === "card.js")).toEqual([{ file: "card.js", frameId: top, world: "isolated" }]);
    // Another card in the same frame: the code is not loaded again.
    await page.keyboard.press("Escape");
    await hoverText(page, "COP26");
    await waitForCard(page, "COP26");
    expect(framesWith(scripts, "card.js")).toEqual([top]);
    await page.close();
  });

  it("is injected into an iframe at its own first hover, and the card works there", async () => {
    const { page, cdp, scripts } = await scriptRecorder(h);
    await page.goto(`${h.server.url}/hostile/frames.html`);
    const frame = await (await page.$("#same"))?.contentFrame();
    if (!frame) throw new Error("the same-origin frame did not load");
    await expect.poll(() => frame.evaluate(() => document.readyState)).toBe("complete");
    await waitForMarks(page);
    // The positive signal: the frame is read and marked, and the page read to the end.
    await expect.poll(() => markedTexts(frame as unknown as Page)).toContain("Huawei");
    await h.settled(page);
    expect(framesWith(scripts, "card.js")).toEqual([]);

    await hoverTextInFrame(page, "#same", "Huawei");
    await expect.poll(() => frameCardOpen(frame)).toBe(true);
    const top = await topFrameId(cdp);
    const injected = framesWith(scripts, "card.js");
    expect(injected).toHaveLength(1);
    expect(injected[0]).not.toBe(top);
    // The top frame got no card code and no host element from the frame's hover.
    expect(await page.evaluate((tag) => document.querySelector(tag), HOST_TAG)).toBeNull();

    // The top frame loads its own at its first hover.
    await page.mouse.move(2, 2);
    await hoverText(page, "COP26");
    await waitForCard(page, "COP26");
    expect(framesWith(scripts, "card.js").sort()).toEqual([injected[0], top].sort());
    await page.close();
  });

  it("causes no page errors", () => {
    expect(h.pageErrors).toEqual([]);
  });
});

describe("when card.js cannot be loaded", () => {
  let h: Harness;
  let dir: string;
  const warnings: string[] = [];
  beforeAll(async () => {
    // The built extension without card.js: every injection fails (as a frame the browser
    // refuses would), until the file is put back.
    dir = mkdtempSync(join(tmpdir(), "backstory-no-card-"));
    cpSync(DIST_CHROME, dir, { recursive: true });
    renameSync(join(dir, "card.js"), join(dir, "card.js.away"));
    h = await startHarness({}, { extensionDir: dir });
    h.expectedWarnings.push(/could not load the card/, /backstory:load-card failed/);
    h.browser.context.on("console", (m) => {
      if (m.type() === "warning") warnings.push(m.text());
    });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the page keeps working, the failure is logged, and the next hover tries again", async () => {
    const page = await h.open("/demo-article.html");
    await page.evaluate(() => {
      (window as unknown as { clicks: number }).clicks = 0;
      document.addEventListener("click", () => (window as unknown as { clicks: number }).clicks++);
    });
    const marks = await waitForMarks(page, 10);
    await hoverText(page, "Huawei");
    // The positive signal: the load was tried and failed (a card could only come from it).
    await expect.poll(() => warnings.some((w) => /could not load the card/.test(w))).toBe(true);
    expect(await cardText(page)).toBe("");
    expect(await page.evaluate((tag) => document.querySelector(tag), HOST_TAG)).toBeNull();
    // The page is as it was: its own handlers run, its marks stay, keys and clicks work.
    const blank = await pointOfText(page, "written for this project");
    if (!blank) throw new Error("text missing");
    await page.mouse.click(blank.x, blank.y);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
    expect(await markedTexts(page)).toEqual(expect.arrayContaining(marks)); // (reading may have gone on)

    // The file is back (as after a passing failure): the next hover loads it and shows the card.
    renameSync(join(dir, "card.js.away"), join(dir, "card.js"));
    await page.mouse.move(2, 2);
    await hoverText(page, "COP26");
    expect(await waitForCard(page, "COP26")).toMatch(/Event/);
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });
});
