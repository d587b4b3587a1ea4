import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hoverText, MARK_NAME, setChecked, waitForCard } from "../../scripts/lib/page-probe.ts";
import { type Harness, startHarness } from "./harness.ts";

// Issue 10: quiet by default. Underlines belong to the article (not the site's menus, trending
// bar, related links or footer), first mentions are counted there, and household names are
// explained on hover but underlined only when the reader asks.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Every underlined mention: its text and the data-where region of the page it sits in. */
function underlines(page: Page): Promise<[string, string][]> {
  return page.evaluate((name) => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
    return [...(highlight ?? [])]
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => [
        r.toString(),
        (r.startContainer.parentElement?.closest("[data-where]") as HTMLElement | null)?.dataset.where ?? "?",
      ]);
  }, MARK_NAME) as Promise<[string, string][]>;
}

/** Waits for Meng Wanzhou, named only in the article's last paragraph: the page has been read. */
async function read(page: Page): Promise<[string, string][]> {
  await expect
    .poll(async () => (await underlines(page)).map(([t]) => t), { timeout: 15_000 })
    .toContain("Meng Wanzhou");
  return underlines(page);
}

describe("quiet by default", () => {
  it("underlines only in the article, each entry at its first mention there", async () => {
    const page = await h.open("/news-site.html");
    const marks = await read(page);
    expect(
      marks.every(([, where]) => where === "article"),
      JSON.stringify(marks),
    ).toBe(true);
    // Huawei and Hong Kong are first named in the menu, the trending bar and the related list:
    // the article's own first mention carries the underline.
    expect(marks.filter(([t]) => t === "Huawei")).toEqual([["Huawei", "article"]]);
    // Hong Kong is a household name: explained, not underlined.
    expect(marks.filter(([t]) => t === "Hong Kong")).toEqual([]);
    expect(marks.map(([t]) => t)).toEqual(expect.arrayContaining(["Wang Yi", "COP26", "Meng Wanzhou"]));
    // The menu's mention is explained on hover all the same.
    await hoverText(page, "Huawei news");
    expect(await waitForCard(page, "Huawei")).toMatch(/Huawei/);
    await page.close();
  });

  it("explains household names on hover without underlining them, until the reader asks", async () => {
    const page = await h.open("/news-site.html");
    const marks = await read(page);
    expect(marks.map(([t]) => t)).not.toContain("China");
    await hoverText(page, "China");
    expect(await waitForCard(page, "China")).toMatch(/Communist|People's Republic/);

    const popup = await h.popup();
    await setChecked(popup.getByLabel(/Underline household names too/), true);
    await expect.poll(async () => (await underlines(page)).map(([t]) => t)).toContain("China");
    expect((await underlines(page)).every(([, where]) => where === "article")).toBe(true);
    await setChecked(popup.getByLabel(/Underline household names too/), false);
    await expect.poll(async () => (await underlines(page)).map(([t]) => t)).not.toContain("China");
    await popup.close();
    await page.close();
  });
});
