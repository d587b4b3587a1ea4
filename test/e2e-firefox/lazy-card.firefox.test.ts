// The card's code in Firefox: injected into a frame by the background (scripting.executeScript,
// with no host permission beyond the content script's matches) at that frame's first hover,
// in the top frame and in an iframe; a load that fails leaves the page working. Firefox lists
// no content-script realms over WebDriver BiDi, so the absence of card.js before a hover is
// checked on the build (test/unit/bundles.test.ts: content.js carries no card code) and here by
// the DOM: no host element of ours until a card shows.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST_FIREFOX, launchFirefoxWithExtension, ROOT } from "../../scripts/lib/firefox.ts";
import { cardText, hoverText, markedTexts, waitForCard, waitForMarks } from "../../scripts/lib/firefox-probe.ts";
import { frameCardOpen, HOST_TAG, hoverTextInFrame } from "../../scripts/lib/page-probe.ts";
import { serve } from "../../scripts/lib/serve.ts";
import { FIREFOX, type FirefoxHarness, SKIP_REASON, startFirefoxHarness } from "./harness.ts";

const HOSTILE = join(ROOT, "test/fixtures/hostile");
const FRAME_PAGES = Object.fromEntries(
  ["frames.html", "frame-inner.html"].map((f) => [`/hostile/${f}`, readFileSync(join(HOSTILE, f), "utf8")]),
);

const hasHost = (page: Page) => page.evaluate((tag) => document.querySelector(tag) !== null, HOST_TAG);

describe.skipIf(!FIREFOX)(`the card's code in Firefox, at a frame's first hover ${FIREFOX ?? SKIP_REASON}`, () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await startFirefoxHarness(FRAME_PAGES);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows the card in the top frame, with nothing of ours in the page before the hover", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 10);
    await h.settled(page); // read to the end: had anything of ours come before a hover, it is here
    expect(await hasHost(page)).toBe(false);
    await hoverText(page, "Huawei");
    expect((await waitForCard(page, "Huawei")).text).toMatch(/Organization/);
    await page.keyboard.press("Escape");
    await hoverText(page, "COP26");
    expect((await waitForCard(page, "COP26")).text).toMatch(/Event/);
    await page.close();
  });

  it("shows the card in an iframe, loaded there at the frame's own first hover", async () => {
    const page = await h.open("/hostile/frames.html");
    await waitForMarks(page);
    const frame = await (await page.$("#same"))?.contentFrame();
    if (!frame) throw new Error("the same-origin frame did not load");
    await expect.poll(() => frame.evaluate(() => document.readyState), { timeout: 10_000 }).toBe("complete");
    const framed = await hoverTextInFrame(page, "#same", "Huawei");
    await expect.poll(() => frameCardOpen(framed), { timeout: 5000 }).toBe(true);
    expect(await hasHost(page)).toBe(false);
    await page.close();
  });

  it("causes no page errors and sends nothing off this machine", () => {
    expect(h.firefox.pageErrors).toEqual([]);
    expect(h.firefox.blocked).toEqual([]);
    expect(h.firefox.proxied).toEqual([]); // nothing from the background either
  });
});

/** What Firefox writes on the page's console when card.js is missing. */
const MISSING_CARD = /Unable to load script: moz-extension:.*\/card\.js$/;

describe.skipIf(!FIREFOX)(`Firefox, when card.js cannot be loaded ${FIREFOX ?? SKIP_REASON}`, () => {
  // (That the next hover tries again is checked in Chromium, test/e2e/lazy-card.test.ts: Firefox
  // remembers that an add-on's file was missing, so putting it back does not help here.)
  it("the page keeps working: marks stay, hovers throw nothing, the page's own scripts run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "backstory-no-card-ff-"));
    cpSync(DIST_FIREFOX, dir, { recursive: true });
    rmSync(join(dir, "card.js"));
    const server = await serve({ "/": join(ROOT, "test/fixtures/pages") });
    const firefox = await launchFirefoxWithExtension(dir);
    try {
      const page = await firefox.open(`${server.url}/demo-article.html`);
      await page.evaluate(() => {
        (window as unknown as { clicks: number }).clicks = 0;
        document.addEventListener("click", () => (window as unknown as { clicks: number }).clicks++);
      });
      const marks = await waitForMarks(page, 10);
      const missingCard = () => firefox.pageErrors.filter((e) => MISSING_CARD.test(e)).length;
      for (const text of ["Huawei", "COP26"]) {
        const reported = missingCard();
        await hoverText(page, text);
        // The positive signal: the load was tried and Firefox reports it failed (a card could only come from it).
        await expect.poll(missingCard, { timeout: 5000 }).toBeGreaterThan(reported);
        expect(await cardText(page)).toBe("");
        await page.mouse.move(2, 2);
      }
      expect(await hasHost(page)).toBe(false);
      await page.mouse.click(2, 2);
      expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
      expect(await markedTexts(page)).toEqual(expect.arrayContaining(marks)); // (reading may have gone on)
      // Firefox itself reports the missing file on the page's console; nothing else is said.
      expect(firefox.pageErrors.filter((e) => !MISSING_CARD.test(e))).toEqual([]);
    } finally {
      await firefox.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
