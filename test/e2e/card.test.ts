import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cardControlPoint,
  cardText,
  hoverText,
  pointOfText,
  waitForCard,
  waitForMarks,
} from "../../scripts/lib/page-probe.ts";
import { type Harness, startHarness } from "./harness.ts";

describe("the card, by keyboard, scroll and after the worker stops", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("opens when keyboard focus reaches a link that is a mention, and Escape closes it", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    await page.locator('a[href="#kerry"]').focus();
    expect(await waitForCard(page, "John Kerry")).toMatch(/Secretary of State/);
    await page.keyboard.press("Escape");
    await expect.poll(() => cardText(page)).toBe("");
    await page.close();
  });

  it("lists the entries inside a longer mention and opens them in the card, with a way back", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    await hoverText(page, "floods in Zhengzhou");
    const text = await waitForCard(page, "Henan floods");
    expect(text).toMatch(/In “floods in Zhengzhou”:\s*Zhengzhou/);
    const inner = await cardControlPoint(page, "Zhengzhou");
    await page.mouse.move(inner.x, inner.y, { steps: 5 });
    await page.mouse.click(inner.x, inner.y);
    expect(await waitForCard(page, "Back to")).toMatch(/^Place[^\n]*\nBack to 2021 Henan floods\s*Zhengzhou/);
    const back = await cardControlPoint(page, "Back to 2021 Henan floods");
    await page.mouse.click(back.x, back.y);
    expect(await waitForCard(page, "Event")).toMatch(/^Event[^\n]*\n2021 Henan floods/);
    await page.close();
  });

  it("closes when the mention is scrolled out of view", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    await hoverText(page, "GLASGOW");
    await waitForCard(page, "Glasgow");
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => cardText(page)).toBe("");
    await page.close();
  });

  it("still explains after the browser stops the service worker", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    const popup = await h.popup(); // an extension page, to reach the worker over CDP
    await popup.getByRole("switch", { name: "People" }).waitFor();
    const cdp = await h.browser.context.newCDPSession(popup);
    const stopped = new Promise<void>((resolve) =>
      cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
        const ours = versions.filter((v: { scriptURL: string }) => v.scriptURL.includes(h.browser.extensionId));
        if (ours.length && ours.every((v: { runningStatus: string }) => v.runningStatus === "stopped")) resolve();
      }),
    );
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
    await stopped;
    await popup.close();
    await page.bringToFront();
    await hoverText(page, "Huawei");
    expect(await waitForCard(page, "Huawei")).toMatch(/Organization/);
    // A fresh page after the stop starts from a cold worker too.
    const again = await h.open("/demo-article.html");
    await waitForMarks(again, 10);
    await page.close();
    await again.close();
  });

  it("causes no page errors", () => {
    expect(h.pageErrors).toEqual([]);
  });
});

describe("on a touch screen", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { hasTouch: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a tap on a mark opens its card and a tap elsewhere closes it", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    const point = await pointOfText(page, "COP26");
    if (!point) throw new Error("COP26 is not on the page");
    await page.touchscreen.tap(point.x, point.y);
    expect(await waitForCard(page, "COP26", 1500)).toMatch(/Event/);
    const blank = await pointOfText(page, "written for this project");
    if (!blank) throw new Error("text missing");
    await page.touchscreen.tap(blank.x, blank.y);
    await expect.poll(() => cardText(page)).toBe("");
    expect(h.pageErrors).toEqual([]);
  });
});
