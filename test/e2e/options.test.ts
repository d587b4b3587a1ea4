import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/chromium.ts";
import { hoverText, markedTexts, setChecked, waitForCard, waitForMarks } from "../../scripts/lib/page-probe.ts";
import { type Harness, startHarness } from "./harness.ts";

const fixture = (name: string) => join(ROOT, "test/fixtures/glossaries", name);

/** Hovers COP26 afresh (the page may have been read again meanwhile) and returns its card, or "". */
async function cop26Card(article: Page): Promise<string> {
  await article.bringToFront();
  await article.mouse.move(5, 5);
  await hoverText(article, "COP26");
  return waitForCard(article, "COP26").catch(() => "");
}

describe("the options page: packs and readers' glossaries", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const options = async () => {
    const page = await h.browser.context.newPage();
    await page.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    await page.getByRole("heading", { name: "Bundled glossary" }).waitFor();
    return page;
  };

  it("refuses a bad file with every problem named, and changes nothing", async () => {
    const page = await options();
    await page.getByLabel("Glossary file").setInputFiles(fixture("broken.csv"));
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/was not imported/);
    const text = (await alert.textContent()) ?? "";
    expect(text).toMatch(/Row 3 \("Bad Id"\), field "id"/);
    expect(text).toMatch(/Row 4 \("no-source"\), field "sources"/);
    expect(text).toMatch(/Row 5 \("insecure"\), field "sources\.0\.url": must be an https URL/);
    expect(text).toMatch(/Your glossaries are unchanged/);
    expect(await page.getByText("None yet. Import one below.").isVisible()).toBe(true);
    await page.close();
  });

  it("imports a glossary after a preview; open pages use it at once; export and delete work", async () => {
    const article = await h.open("/demo-article.html");
    await waitForMarks(article);

    const page = await options();
    await page.getByLabel("Glossary file").setInputFiles(fixture("ledger-terms.json"));
    await expect.poll(() => page.getByText(/2 entries in “Demo Ledger newsroom terms”/).count()).toBe(1);
    expect(await page.getByRole("cell", { name: "COP26 (newsroom note)" }).count()).toBe(1);
    await page.getByRole("button", { name: "Save glossary" }).click();
    await page.getByRole("switch", { name: /Demo Ledger newsroom terms/ }).waitFor();

    // The open article now explains the new entry (in the site's header: explained on hover,
    // not underlined, since underlines belong to the article), and COP26's card is the reader's own.
    // (The worker compiles the new set of entries once, about a second and a half for 10,000.)
    await expect.poll(() => cop26Card(article), { timeout: 15_000 }).toMatch(/newsroom/);
    await hoverText(article, "The Demo Ledger");
    expect(await waitForCard(article, "The Demo Ledger")).toMatch(/fictional newspaper/);
    expect(await markedTexts(article)).not.toContain("The Demo Ledger");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export Demo Ledger newsroom terms" }).click();
    expect((await download).suggestedFilename()).toBe("demo-ledger-newsroom-terms.json");

    page.on("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete Demo Ledger newsroom terms" }).click();
    await expect.poll(() => page.getByText("None yet. Import one below.").count()).toBe(1);
    // Gone from the open article: COP26's card is the bundled one again.
    await expect.poll(() => cop26Card(article), { timeout: 15_000 }).toMatch(/^(?![\s\S]*newsroom)[\s\S]*COP26/);
    await page.close();
    await article.close();
  });

  it("switches a bundled pack off and on", async () => {
    const article = await h.open("/demo-article.html");
    await waitForMarks(article);
    expect(await markedTexts(article)).toContain("Huawei");
    const page = await options();
    const pack = page.getByRole("switch", { name: /US, China and climate diplomacy/ });
    await setChecked(pack, false);
    await expect.poll(() => markedTexts(article)).not.toContain("Huawei");
    await setChecked(pack, true);
    await expect.poll(() => markedTexts(article)).toContain("Huawei");
    await page.close();
    await article.close();
  });

  it("causes no page errors", () => {
    expect(h.pageErrors).toEqual([]);
  });
});
