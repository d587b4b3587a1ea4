import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markedTexts, setChecked, waitForMarks } from "../../scripts/lib/page-probe.ts";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The names in the page's highlight registry (each mark style has its own). */
const highlightNames = (page: Page) =>
  page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]);

describe("the options page: settings", () => {
  it("changes the mark style; open pages use it at once", async () => {
    const article = await h.open("/demo-article.html");
    await waitForMarks(article, 10);
    expect(await highlightNames(article)).toEqual(["backstory-mention"]);
    const page = await h.options();
    await page.getByRole("heading", { name: "Appearance" }).waitFor();
    const dotted = page.getByRole("radio", { name: "Dotted underline" });
    expect(await dotted.isChecked()).toBe(true);
    await setChecked(page.getByRole("radio", { name: "Solid underline" }), true);
    await expect.poll(() => highlightNames(article)).toEqual(["backstory-mention-solid"]);
    await setChecked(dotted, true);
    await expect.poll(() => highlightNames(article)).toEqual(["backstory-mention"]);
    await page.close();
    await article.close();
  });

  it("lists a term the reader knows by its title; the button marks it again", async () => {
    await h.storeSettings({ version: 1, knownEntries: ["cop26"] });
    const article = await h.open("/demo-article.html");
    await expect.poll(() => markedTexts(article)).toContain("Taipei"); // the whole page is read
    expect(await markedTexts(article)).not.toContain("COP26");
    const page = await h.options();
    const known = page.getByRole("region", { name: "Terms you know" });
    await known.getByText("COP26", { exact: true }).waitFor();
    await known.getByRole("button", { name: "Mark COP26 again" }).click();
    await known.getByText(/^None yet\. Press “I know this” on a card/).waitFor();
    await expect.poll(() => markedTexts(article)).toContain("COP26");
    await page.close();
    await article.close();
  });

  it("lists a site switched off; it can be turned back on", async () => {
    await h.storeSettings({ version: 1, disabledSites: ["127.0.0.1"] });
    const article = await h.open("/demo-article.html");
    const page = await h.options();
    const sites = page.getByRole("region", { name: "Sites where Backstory is off" });
    await sites.getByText("127.0.0.1", { exact: true }).waitFor();
    expect((await h.settled(article)).siteEnabled).toBe(false); // its content script has its answer
    expect(await markedTexts(article)).toEqual([]);
    await sites.getByRole("button", { name: "Turn Backstory back on for 127.0.0.1" }).click();
    await sites.getByText("None. Switch a site off from the toolbar button.").waitFor();
    await waitForMarks(article, 10);
    await page.close();
    await article.close();
  });

  it("resets every setting to its default after a confirmation", async () => {
    await h.storeSettings({
      version: 1,
      mode: "all",
      markStyle: "tint",
      categories: { person: false },
      disabledSites: ["example.org"],
      knownEntries: ["cop26"],
    });
    const page = await h.options();
    await expect.poll(() => page.getByRole("radio", { name: "Tinted background" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "Every mention" }).isChecked()).toBe(true);
    expect(await page.getByRole("switch", { name: "People" }).isChecked()).toBe(false);

    // Dismissed, nothing changes; accepted, everything is back to its default.
    const dialogs: string[] = [];
    page.once("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.getByRole("button", { name: "Reset to defaults" }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/Your own glossaries are kept/);
    expect(await page.getByRole("radio", { name: "Tinted background" }).isChecked()).toBe(true);

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Reset to defaults" }).click();
    await page.getByRole("status").filter({ hasText: "Settings are back to their defaults." }).waitFor();
    expect(await page.getByRole("radio", { name: "Dotted underline" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "First mention only" }).isChecked()).toBe(true);
    expect(await page.getByRole("switch", { name: "People" }).isChecked()).toBe(true);
    await page.getByText("None. Switch a site off from the toolbar button.").waitFor();
    await page.getByText(/^None yet\. Press “I know this” on a card/).waitFor();
    await page.close();
  });

  it("says which stored settings it could not read, keeps the rest, and is whole again after a change", async () => {
    await h.storeSettings({ version: 2, mode: "loud", markStyle: "tint", disabledSites: ["ok.example", 7] });
    const page = await h.options();
    const notice = page.getByRole("status").filter({ hasText: "could not be read" });
    await expect.poll(() => notice.textContent()).toMatch(/back to their defaults: disabledSites, mode\./);
    expect(await page.getByRole("radio", { name: "Tinted background" }).isChecked()).toBe(true);
    expect(await page.getByText("ok.example").count()).toBe(1);
    await setChecked(page.getByRole("radio", { name: "Every mention" }).first(), true);
    await expect.poll(() => notice.count()).toBe(0);
    await page.close();
    await h.storeSettings({ version: 2 });
  });

  it("causes no page errors", () => {
    expect(h.pageErrors).toEqual([]);
  });
});
