// The built extension in real Firefox: marks, the card (read through its closed shadow root
// over WebDriver BiDi: see scripts/lib/firefox-probe.ts) and the popup's category switch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cardControlPoint,
  cardText,
  hoverText,
  markedTexts,
  readCard,
  sleep,
  waitForCard,
  waitForMarks,
} from "../../scripts/lib/firefox-probe.ts";
import { MARK_NAME } from "../../scripts/lib/page-probe.ts";
import { FIREFOX, type FirefoxHarness, SKIP_REASON, startFirefoxHarness } from "./harness.ts";

describe.skipIf(!FIREFOX)(`a reader in Firefox ${FIREFOX ?? SKIP_REASON}`, () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await startFirefoxHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("sees the demo article's mentions marked in the highlight registry, the DOM untouched", async () => {
    const page = await h.open("/demo-article.html");
    const before = await page.evaluate(() => document.body.innerHTML);
    await waitForMarks(page, 10);
    // "1+N" is in a later paragraph: once it is marked, the article has been read.
    await expect.poll(() => markedTexts(page), { timeout: 15_000 }).toContain("1+N");
    const marks = await markedTexts(page);
    expect(MARK_NAME).toBe("backstory-mention");
    expect(await page.evaluate((name) => CSS.highlights.has(name), MARK_NAME)).toBe(true);
    for (const text of ["COP26", "Meng Wanzhou", "GLASGOW", "1+N"]) expect(marks).toContain(text);
    expect(marks.filter((m) => m === "Meng Wanzhou")).toHaveLength(1);
    for (const name of ["Ada Quill", "Tomas Reyes", "Mina Ortega"]) expect(marks.join("|")).not.toContain(name);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    await page.close();
  });

  it("hovers Meng Wanzhou and reads a dialog named for her in a closed shadow root; it stays while the pointer is on it", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    expect(await readCard(page)).toBeNull();
    await hoverText(page, "Wanzhou");
    const card = await waitForCard(page, "Meng Wanzhou");
    expect(card.mode).toBe("closed");
    expect(card.dialogName).toBe("Meng Wanzhou");
    expect(card.text).toMatch(/Person/);
    expect(card.text).toMatch(/Huawei/);
    const link = await cardControlPoint(page, "Wikipedia: Meng Wanzhou");
    await page.mouse.move(link.x, link.y, { steps: 5 });
    await sleep(800);
    expect(await cardText(page)).toContain("Meng Wanzhou");
    await page.keyboard.press("Escape");
    await expect.poll(() => cardText(page)).toBe("");
    await page.close();
  });

  it("turning People off in the popup removes her mark; COP26 stays; back on restores her", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 10);
    const popup = await h.popup();
    const people = popup.locator('::-p-aria([name="People"][role="switch"])');
    const checked = () => people.map((el) => (el as HTMLInputElement).checked).wait();
    expect(await checked()).toBe(true);
    await people.click();
    await expect.poll(checked).toBe(false);
    await expect.poll(() => markedTexts(page)).not.toContain("Meng Wanzhou");
    expect(await markedTexts(page)).toContain("COP26");
    await people.click();
    await expect.poll(checked).toBe(true);
    await expect.poll(() => markedTexts(page)).toContain("Meng Wanzhou");
    await popup.close();
    await page.close();
  });

  it("causes no page errors and sends nothing off this machine, from pages or the background", () => {
    expect(h.firefox.pageErrors).toEqual([]);
    expect(h.firefox.blocked).toEqual([]);
    expect(h.firefox.proxied).toEqual([]);
  });

  it("refuses a request off this machine (the guard itself works)", async () => {
    const page = await h.open("/demo-article.html");
    const outcome = await page.evaluate(() =>
      fetch("http://example.com/backstory-must-not-reach").then(
        () => "reached",
        () => "refused",
      ),
    );
    expect(outcome).toBe("refused");
    expect(h.firefox.blocked).toEqual(["http://example.com/backstory-must-not-reach"]);
    await page.close();
    // A tab without the per-page interception (as the background has none): its request
    // reaches the recording proxy, which refuses it.
    const bare = await h.firefox.browser.newPage();
    await bare.evaluate(() => fetch("http://example.com/proxy-check").catch(() => undefined));
    await expect.poll(() => h.firefox.proxied).toContain("GET http://example.com/proxy-check");
    await bare.close();
  });
});

it.runIf(!FIREFOX && !!process.env.CI)("has Firefox in CI (.ci/run installs firefox-esr)", () => {
  throw new Error(SKIP_REASON);
});
