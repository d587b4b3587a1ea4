import { afterAll, beforeAll, expect, it } from "vitest";
import { HOST_TAG, hoverText, markedTexts, waitForCard, waitForMarks } from "../../scripts/lib/page-probe.ts";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

it("replaces a card host left by an older copy of the script: one host, however many cards", async () => {
  const page = await h.open("/demo-article.html");
  await waitForMarks(page, 5);
  // What an earlier version leaves behind when it is updated under an open page.
  await page.evaluate((tag) => document.documentElement.append(document.createElement(tag)), HOST_TAG);
  await hoverText(page, "Meng Wanzhou");
  await waitForCard(page, "Meng Wanzhou");
  await page.keyboard.press("Escape");
  await hoverText(page, "COP26");
  await waitForCard(page, "COP26");
  expect(await page.locator(HOST_TAG).count()).toBe(1);
  await page.close();
});

it("stands down under a page when the extension is reloaded: marks and card removed, no error", async () => {
  const page = await h.open("/demo-article.html");
  await waitForMarks(page, 5);
  await hoverText(page, "Meng Wanzhou");
  await waitForCard(page, "Meng Wanzhou");

  // The extension reloads (an update does the same): this page's copy of the script is orphaned.
  // (Chromium started with --load-extension does not bring the extension back after a reload,
  // so the next copy's arrival with the next page load is not part of this test.)
  const worker = h.browser.context.serviceWorkers().find((w) => w.url().includes(h.browser.extensionId));
  if (!worker) throw new Error("no service worker");
  await worker
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => undefined); // the worker goes away while answering
  await page.waitForTimeout(500);

  // The reader moves the pointer: the orphaned copy notices, removes its marks and its card.
  await page.mouse.move(10, 10);
  await page.mouse.move(40, 60, { steps: 3 });
  await expect.poll(() => markedTexts(page)).toEqual([]);
  await expect.poll(() => page.locator(HOST_TAG).count()).toBe(0);
  await page.keyboard.press("Tab");
  expect(h.pageErrors).toEqual([]);
});
