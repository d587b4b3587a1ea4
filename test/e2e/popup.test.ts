import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hoverText, markedTexts, setChecked, waitForCard, waitForMarks } from "../../scripts/lib/page-probe.ts";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The article, read, and then the popup (which serves the most recently used other tab). */
async function articleAndPopup() {
  const article = await h.open("/demo-article.html");
  await waitForMarks(article, 10);
  const popup = await h.popup();
  return { article, popup };
}

describe("the toolbar popup", () => {
  it("lists the page's terms by category; choosing one shows it on the page with its card", async () => {
    const { article, popup } = await articleAndPopup();
    await popup.getByRole("heading", { name: "On this page" }).waitFor();
    // Categories in their usual order, each with its terms in page order, by title.
    await expect
      .poll(() => popup.getByRole("heading", { level: 3 }).allTextContents())
      .toEqual(["People", "Organizations", "Places", "Events", "Policies", "Concepts"]);
    // Titles come from the worker, which reads the shards of the page's entries only now (no page
    // prefetches its entries any more): until they arrive, a term shows as written on the page.
    const peopleList = popup.getByRole("list", { name: "People" });
    await expect.poll(() => peopleList.ariaSnapshot()).toContain('button "John Kerry 2 mentions"');
    const people = await peopleList.ariaSnapshot();
    expect(people.indexOf("John Kerry")).toBeLessThan(people.indexOf("Meng Wanzhou"));
    expect(people.indexOf("Meng Wanzhou")).toBeLessThan(people.indexOf("Xi Jinping"));
    expect(
      await popup.getByRole("list", { name: "Events" }).getByRole("button", { name: "COP26 1 mention" }).count(),
    ).toBe(1);

    // A term far down the page: the page scrolls to it and its card opens; the popup (a tab here) stays.
    expect(await article.evaluate(() => scrollY)).toBe(0);
    await popup.getByRole("button", { name: /^Taipei / }).click();
    await article.bringToFront();
    expect(await waitForCard(article, "Taipei")).toMatch(/Place/);
    expect(await article.evaluate(() => scrollY)).toBeGreaterThan(0);
    expect(popup.isClosed()).toBe(false);

    // The keyboard works too.
    await popup.bringToFront();
    await popup.getByRole("button", { name: "COP26 1 mention" }).focus();
    await popup.keyboard.press("Enter");
    await article.bringToFront();
    await waitForCard(article, "COP26");
    await popup.close();
    await article.close();
  });

  it("switches the mode: every mention, none (hover still explains), back to the first", async () => {
    const { article, popup } = await articleAndPopup();
    const first = popup.getByRole("radio", { name: "First mention only" });
    await expect.poll(() => first.isChecked()).toBe(true);
    expect(await popup.getByText("Every term is still explained when you hover it.").isVisible()).toBe(true);
    const count = (marks: string[], text: string) => marks.filter((m) => m === text).length;
    expect(count(await markedTexts(article), "COP26")).toBe(1);
    const firstOnly = (await markedTexts(article)).length;

    await setChecked(popup.getByRole("radio", { name: "Every mention" }), true);
    await expect.poll(async () => (await markedTexts(article)).length).toBeGreaterThan(firstOnly);

    await setChecked(popup.getByRole("radio", { name: "None" }), true);
    await expect.poll(() => markedTexts(article)).toEqual([]);
    await article.bringToFront();
    await hoverText(article, "COP26");
    await waitForCard(article, "COP26");

    await setChecked(popup.getByRole("radio", { name: "First mention only" }), true);
    await expect.poll(async () => count(await markedTexts(article), "COP26")).toBe(1);
    await popup.close();
    await article.close();
  });

  it("keeps a site switched off across a reload, and turns it back on", async () => {
    const { article, popup } = await articleAndPopup();
    const site = popup.getByRole("switch", { name: "On 127.0.0.1" });
    await expect.poll(() => site.isChecked()).toBe(true);
    await setChecked(site, false);
    await expect.poll(() => markedTexts(article)).toEqual([]);
    await popup.getByText("Off on this site: nothing is marked or explained here.").waitFor();
    expect(await popup.getByRole("heading", { name: "On this page" }).count()).toBe(0);

    await article.reload();
    // The positive signal: the reloaded page's content script has its answer (site off).
    expect((await h.settled(article)).siteEnabled).toBe(false);
    expect(await markedTexts(article)).toEqual([]);

    await setChecked(site, true);
    await waitForMarks(article, 10);
    await popup.getByRole("heading", { name: "On this page" }).waitFor();
    await popup.close();
    await article.close();
  });

  it("says so where Backstory does not run", async () => {
    const blank = await h.browser.context.newPage(); // about:blank: no content script runs there
    const popup = await h.popup();
    await popup.getByText("Backstory does not run on this page.").waitFor();
    expect(await popup.getByRole("switch", { name: "This site" }).isDisabled()).toBe(true);
    expect(await popup.getByRole("switch", { name: "People" }).isChecked()).toBe(true);
    expect(await popup.getByRole("heading", { name: "On this page" }).count()).toBe(0);
    await popup.close();
    await blank.close();
  });

  it("causes no page errors", () => {
    expect(h.pageErrors).toEqual([]);
  });
});
