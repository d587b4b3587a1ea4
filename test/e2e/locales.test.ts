import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DIST_CHROME } from "../../scripts/lib/chromium.ts";
import { hoverText, waitForCard, waitForMarks } from "../../scripts/lib/page-probe.ts";
import { startHarness } from "./harness.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the built extension whose only locale is `lang`, made from one of ours: Chromium
 * here ignores the requested UI language when it picks an extension's messages, so a test
 * chooses the language by leaving the extension no other.
 */
function buildIn(lang: string, from: string, rtl = false): string {
  const dir = mkdtempSync(join(tmpdir(), `backstory-${lang}-`));
  made.push(dir);
  cpSync(DIST_CHROME, dir, { recursive: true });
  const locales = join(dir, "_locales");
  const source = join(dir, "_locales", from);
  if (lang !== from) renameSync(source, join(locales, lang));
  for (const other of ["en", "fr"]) if (other !== lang) rmSync(join(locales, other), { recursive: true, force: true });
  if (lang !== from) {
    // A language of its own for the copied strings, with its direction.
    const file = join(locales, lang, "messages.json");
    const messages = JSON.parse(readFileSync(file, "utf8"));
    messages.languageTag.message = lang;
    messages.textDirection.message = rtl ? "rtl" : "ltr";
    writeFileSync(file, JSON.stringify(messages));
  }
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...manifest, default_locale: lang }));
  return dir;
}

describe("localised interface", () => {
  it("speaks French: the popup, the options page and the card", async () => {
    const h = await startHarness({}, { extensionDir: buildIn("fr", "fr") });
    try {
      const page = await h.open("/demo-article.html");
      await waitForMarks(page, 5);
      const popup = await h.popup();
      await popup.getByRole("heading", { name: "Sur cette page" }).waitFor();
      expect(await popup.getByRole("radio", { name: "Première mention seulement" }).isChecked()).toBe(true);
      const options = await h.options();
      await options.getByRole("heading", { name: "Apparence" }).waitFor();
      await page.bringToFront();
      await hoverText(page, "Meng Wanzhou");
      const card = await waitForCard(page, "Meng Wanzhou");
      expect(card).toMatch(/^Personne/);
      expect(card).toMatch(/À jour au \d+ \S+ \d{4}/);
      expect(card).toMatch(/Je connais/);
      expect(h.pageErrors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it("lays the popup and the options page out right to left in a right-to-left language", async () => {
    // Hebrew with French strings: the layout is what is tested, and it mirrors.
    const h = await startHarness({}, { extensionDir: buildIn("he", "fr", true) });
    try {
      await h.open("/demo-article.html");
      const popup = await h.popup();
      await popup.locator("h1").waitFor();
      expect(await popup.evaluate(() => document.documentElement.dir)).toBe("rtl");
      // A switch sits at the start of its row: the right-hand side in RTL.
      const box = async (selector: string) =>
        (await popup.locator(selector).first().boundingBox()) ?? { x: 0, width: 0 };
      const input = await box("fieldset input[type=checkbox]");
      const label = await box("fieldset label");
      expect(input.x + input.width).toBeGreaterThan(label.x + label.width / 2);
      const options = await h.options();
      expect(await options.evaluate(() => document.documentElement.dir)).toBe("rtl");
      expect(h.pageErrors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
