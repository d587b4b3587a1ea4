import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cardBox,
  cardControlPoint,
  cardText,
  focusIsOnCard,
  hoverText,
  markedTexts,
  marksInPage,
  pointOfText,
  waitForCard,
  waitForMarks,
  watchCards,
} from "../../scripts/lib/page-probe.ts";
import { markName } from "../../src/content/mention.ts";
import { type Harness, startHarness } from "./harness.ts";

/** A page with the same term in every corner and along every edge, to test where the card goes. */
function edgesPage(dir: "ltr" | "rtl"): string {
  const spots = [
    "top:0;left:0",
    "top:0;right:0",
    "bottom:0;left:0",
    "bottom:0;right:0",
    "top:45%;left:0",
    "top:45%;right:0",
    "top:0;left:45%",
    "bottom:0;left:45%",
  ];
  const items = spots.map((s, i) => `<p id="spot${i}" style="position:fixed;${s};margin:0">COP26</p>`).join("\n");
  return `<!doctype html><html dir="${dir}" lang="en"><head><meta charset="utf-8"><title>Edges</title></head>
<body><p>The COP26 climate summit in Glasgow.</p>${items}</body></html>`;
}

const DEFAULTS = { version: 1 };

describe("reading: modes, I know this, pinning, keyboard, touch, themes, placement", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ "/edges-ltr.html": edgesPage("ltr"), "/edges-rtl.html": edgesPage("rtl") });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("underlines the first mention of each entry by default, all or none in the other modes, and explains every mention", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    await h.settled(page); // read to the end: what is not underlined now never will be
    const first = await markedTexts(page);
    expect(first).toContain("John F. Kerry");
    expect(first).not.toContain("Kerry");
    expect(new Set(first).size).toBe(first.length);
    // The later "Kerry" is not underlined, and is explained all the same.
    await hoverText(page, "Kerry", 1);
    expect(await waitForCard(page, "John Kerry")).toMatch(/Person/);

    await h.storeSettings({ version: 1, mode: "all" });
    await expect.poll(() => markedTexts(page)).toContain("Kerry");
    expect((await markedTexts(page)).length).toBeGreaterThan(first.length);

    await h.storeSettings({ version: 1, mode: "none" });
    await expect.poll(() => markedTexts(page)).toEqual([]);
    await page.mouse.move(5, 5);
    await hoverText(page, "Tianjin");
    expect(await waitForCard(page, "Tianjin")).toMatch(/Place/);

    await h.storeSettings(DEFAULTS);
    await expect.poll(() => markedTexts(page)).toContain("COP26");
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });

  it("two quick changes of the settings end in the state of the second", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    await h.settled(page);
    // One after the other, at once: the second reaches the page before the first one's reply.
    await h.storeSettings({ version: 1, mode: "none" });
    await h.storeSettings({ version: 1, mode: "all" });
    await expect.poll(() => markedTexts(page)).toContain("Kerry"); // "all": the later, short mention too
    // The positive signal that every earlier reply has been applied: a third change (the mark
    // style) shows, and replies are applied in order. A late reply to "none" would have cleared
    // the marks; they are all there, in the new style.
    const all = await markedTexts(page);
    await h.storeSettings({ version: 1, mode: "all", markStyle: "solid" });
    await expect.poll(() => page.evaluate(marksInPage, [markName("solid")] as const)).toEqual(all);
    await h.storeSettings(DEFAULTS);
    await page.close();
  });

  it("“I know this” stops underlining an entry everywhere but still explains it, and can be undone", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/demo-article.html");
    const other = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    await waitForMarks(other, 5);
    for (const p of [page, other]) {
      await h.settled(p);
      expect(await markedTexts(p)).toContain("Tianjin"); // underlined before the reader knows it
    }
    await hoverText(page, "Tianjin");
    await waitForCard(page, "Tianjin");
    const know = await cardControlPoint(page, "I know this");
    await page.mouse.move(know.x, know.y, { steps: 4 });
    await page.mouse.click(know.x, know.y);
    await expect.poll(() => markedTexts(page)).not.toContain("Tianjin");
    await expect.poll(() => markedTexts(other)).not.toContain("Tianjin");
    expect(await cardText(page)).toMatch(/Not underlined any more/);

    await page.mouse.move(5, 5);
    await other.bringToFront();
    await hoverText(other, "Tianjin");
    expect(await waitForCard(other, "Tianjin")).toMatch(/Not underlined any more\. Undo/);
    const undo = await cardControlPoint(other, "Not underlined any more. Undo");
    await other.mouse.move(undo.x, undo.y, { steps: 4 });
    await other.mouse.click(undo.x, undo.y);
    await expect.poll(() => markedTexts(other)).toContain("Tianjin");
    await expect.poll(() => markedTexts(page)).toContain("Tianjin");
    await page.close();
    await other.close();
  });

  it("a click in the card pins it: it stays when the pointer leaves, and a click elsewhere closes it", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    await hoverText(page, "Tianjin");
    await waitForCard(page, "Tianjin");
    const box = await cardBox(page);
    if (!box) throw new Error("no card");
    await page.mouse.move(box.x + 20, box.y + box.height - 30, { steps: 5 });
    await page.mouse.click(box.x + 20, box.y + box.height - 30);
    await page.mouse.move(5, 5, { steps: 5 });
    await page.waitForTimeout(800); // well past the grace delay
    expect(await cardText(page)).toMatch(/Tianjin/);
    await page.mouse.click(5, 5);
    await expect.poll(() => cardText(page)).toBe("");
    await page.close();
  });

  it("moves through the mentions with the keyboard commands, focus on the card, and Escape returns focus", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    await page.evaluate(() => {
      const button = document.createElement("button");
      button.id = "before";
      button.textContent = "A page button";
      document.body.prepend(button);
      button.focus();
    });
    // The card's title (its second line; related entries may still be arriving below it).
    const title = async () => (await cardText(page)).split("\n")[1] ?? "";
    await h.runCommand("next-mention");
    await waitForCard(page);
    const first = await title();
    await expect.poll(() => focusIsOnCard(page)).toBe(true);
    await h.runCommand("next-mention");
    await expect.poll(title).not.toBe(first);
    await h.runCommand("previous-mention");
    await expect.poll(title).toBe(first);
    await page.keyboard.press("Escape");
    await expect.poll(() => cardText(page)).toBe("");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("before");
    // Tab from there reaches the page, not a card that is gone.
    await page.keyboard.press("Tab");
    expect(await focusIsOnCard(page)).toBe(false);
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });

  it("Escape from a card opened by the keyboard returns focus to a linked mention without reopening its card", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    await page.locator('a[href="#kerry"]').focus();
    await waitForCard(page, "John Kerry");
    await h.runCommand("next-mention");
    await expect.poll(() => focusIsOnCard(page)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => cardText(page)).toBe("");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#kerry");
    const cards = watchCards(page);
    await page.waitForTimeout(700); // resting there, past the 300 ms delay a focus-opened card would take
    // The positive signal: a hovered mention's card opens, and no card opened for Kerry before it.
    await hoverText(page, "COP26");
    await waitForCard(page, "COP26");
    expect((await cards.stop()).filter((t) => !t.includes("COP26"))).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => cardText(page)).toBe("");
    // A mouse move does not take a keyboard-opened card away either.
    await h.runCommand("next-mention");
    await waitForCard(page);
    await page.mouse.move(5, 5, { steps: 3 });
    await page.waitForTimeout(700);
    expect(await cardText(page)).not.toBe("");
    await page.close();
  });

  it("a first tap on a marked link explains it, a second tap follows the link", async () => {
    const touch = await startHarness({}, { hasTouch: true });
    try {
      const page = await touch.open("/demo-article.html");
      await waitForMarks(page, 5);
      const point = await pointOfText(page, "John F. Kerry");
      if (!point) throw new Error("no link text");
      await page.touchscreen.tap(point.x, point.y);
      expect(await waitForCard(page, "John Kerry", 1500)).toMatch(/Person/);
      expect(new URL(page.url()).hash).toBe("");
      await page.touchscreen.tap(point.x, point.y);
      await expect.poll(() => new URL(page.url()).hash).toBe("#kerry");
      expect(touch.pageErrors).toEqual([]);
    } finally {
      await touch.close();
    }
  });

  it("follows a dark colour scheme", async () => {
    const page = await h.open("/demo-article.html");
    await page.emulateMedia({ colorScheme: "dark" });
    await waitForMarks(page, 5);
    await hoverText(page, "Tianjin");
    await waitForCard(page, "Tianjin");
    const cdp = await page.context().newCDPSession(page);
    // The card's background, read through the closed shadow root with the DevTools protocol.
    const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as {
      root: { nodeName: string; backendNodeId: number; children?: unknown[]; shadowRoots?: unknown[] };
    };
    type N = { nodeName: string; nodeId?: number; attributes?: string[]; children?: N[]; shadowRoots?: N[] };
    const find = (n: N): N | null => {
      if (n.nodeName === "DIV" && n.attributes?.includes("card")) return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const f = find(c);
        if (f) return f;
      }
      return null;
    };
    const card = find(root as N);
    if (!card?.nodeId) throw new Error("no card element");
    await cdp.send("CSS.enable");
    const { computedStyle } = (await cdp.send("CSS.getComputedStyleForNode", { nodeId: card.nodeId })) as {
      computedStyle: { name: string; value: string }[];
    };
    const background = computedStyle.find((p) => p.name === "background-color")?.value;
    expect(background).toBe("rgb(30, 34, 41)");
    await cdp.detach();
    await page.close();
  });

  for (const dir of ["ltr", "rtl"] as const) {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 640 },
    ]) {
      it(`keeps the card whole near every edge (${dir}, ${viewport.width}×${viewport.height})`, async () => {
        await h.storeSettings({ version: 1, mode: "all" });
        const page = await h.open(`/edges-${dir}.html`);
        await page.setViewportSize(viewport);
        await waitForMarks(page, 9);
        for (let spot = 0; spot < 8; spot++) {
          await page.keyboard.press("Escape");
          await expect.poll(() => cardText(page)).toBe("");
          const point = await page.evaluate((id) => {
            const r = document.getElementById(id)?.getBoundingClientRect();
            return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
          }, `spot${spot}`);
          if (!point) throw new Error(`spot${spot} missing`);
          await page.mouse.move(point.x, point.y, { steps: 3 });
          await waitForCard(page, "COP26");
          const box = await cardBox(page);
          expect(box, `spot${spot}`).not.toBeNull();
          if (!box) continue;
          expect(box.x, `spot${spot} left`).toBeGreaterThanOrEqual(0);
          expect(box.y, `spot${spot} top`).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, `spot${spot} right`).toBeLessThanOrEqual(viewport.width);
          expect(box.y + box.height, `spot${spot} bottom`).toBeLessThanOrEqual(viewport.height);
        }
        await h.storeSettings(DEFAULTS);
        await page.close();
      });
    }
  }
});
