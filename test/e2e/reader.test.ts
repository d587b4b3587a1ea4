import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cardControlPoint,
  cardText,
  hoverText,
  markedTexts,
  setChecked,
  waitForCard,
  waitForMarks,
  watchCards,
} from "../../scripts/lib/page-probe.ts";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("a reader on the demo article", () => {
  it("sees mentions marked without the page's DOM changing", async () => {
    const page = await h.open("/demo-article.html");
    const before = await page.evaluate(() => document.body.innerHTML);
    await waitForMarks(page, 10);
    // The visible part is marked first, the rest in idle slices: wait for the whole page.
    // "Meng Wanzhou" spans <a>Meng</a> Wanzhou; "GLASGOW" is the capitals dateline.
    await expect
      .poll(() => markedTexts(page), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(["COP26", "Meng Wanzhou", "GLASGOW", "1+N"]));
    const marks = await markedTexts(page);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    // Bylines, credits, code, form fields and editors are not annotated.
    for (const name of ["Ada Quill", "Tomas Reyes", "Mina Ortega"]) expect(marks.join("|")).not.toContain(name);
    expect(marks.filter((m) => m === "Meng Wanzhou")).toHaveLength(1);
    expect(marks.filter((m) => m === "COP26")).toHaveLength(1);
    await page.close();
  });

  it("hovers Meng Wanzhou and reads a card naming her; the card stays when the pointer moves onto it", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    await hoverText(page, "Wanzhou");
    const text = await waitForCard(page, "Meng Wanzhou");
    expect(text).toMatch(/Person/);
    expect(text).toMatch(/Huawei/);
    // Moving onto the card (across the gap) keeps it open past the grace delay.
    const link = await cardControlPoint(page, "Wikipedia: Meng Wanzhou");
    await page.mouse.move(link.x, link.y, { steps: 5 });
    await page.waitForTimeout(800);
    expect(await cardText(page)).toContain("Meng Wanzhou");
    // Leaving card and mention closes it after the grace delay.
    await page.mouse.move(5, 5);
    await expect.poll(() => cardText(page)).toBe("");
    await hoverText(page, "Wanzhou");
    await waitForCard(page, "Meng Wanzhou");
    await page.keyboard.press("Escape");
    await expect.poll(() => cardText(page)).toBe("");
    await page.close();
  });

  it("passing over a mention quickly opens nothing", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    const cards = watchCards(page);
    await hoverText(page, "COP26");
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600);
    // The positive signal: resting on another mention does open its card.
    await hoverText(page, "Meng Wanzhou");
    await waitForCard(page, "Meng Wanzhou");
    expect((await cards.stop()).filter((t) => t.includes("COP26"))).toEqual([]);
    await page.close();
  });

  it("turning People off in the popup removes her mark at once, and COP26 still works", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    const popup = await h.popup();
    const people = popup.getByRole("switch", { name: "People" });
    await expect.poll(() => people.isChecked()).toBe(true);
    await setChecked(people, false);
    await popup.close();
    await page.bringToFront();
    await expect.poll(() => markedTexts(page)).not.toContain("Meng Wanzhou");
    expect(await markedTexts(page)).toContain("COP26");
    const cards = watchCards(page);
    await hoverText(page, "Wanzhou");
    await page.waitForTimeout(700); // resting on her name, past the hover delay
    await hoverText(page, "COP26");
    expect(await waitForCard(page, "COP26")).toMatch(/Event/);
    expect((await cards.stop()).filter((t) => t.includes("Meng Wanzhou"))).toEqual([]);
    // The switch persists: a new page load keeps People off; switching it back restores her.
    const again = await h.open("/demo-article.html");
    await waitForMarks(again);
    expect(await markedTexts(again)).not.toContain("Meng Wanzhou");
    const popup2 = await h.popup();
    await setChecked(popup2.getByRole("switch", { name: "People" }), true);
    await popup2.close();
    await expect.poll(() => markedTexts(again)).toContain("Meng Wanzhou");
    await page.close();
    await again.close();
  });

  it("turning the site off clears every mark and back on restores them", async () => {
    const page = await h.open("/demo-article.html");
    await waitForMarks(page);
    const popup = await h.popup();
    const site = popup.getByRole("switch", { name: /^On 127\.0\.0\.1/ });
    await expect.poll(() => site.isChecked()).toBe(true);
    await expect.poll(() => popup.getByText(/mentions on this page/).textContent()).toMatch(/^[1-9]\d* mentions/);
    await setChecked(site, false);
    await expect.poll(() => markedTexts(page)).toEqual([]);
    await setChecked(site, true);
    await popup.close();
    await expect.poll(async () => (await markedTexts(page)).length).toBeGreaterThan(5);
    await page.close();
  });

  it("causes no page errors", () => {
    expect(h.pageErrors).toEqual([]);
  });
});
