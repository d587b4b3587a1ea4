import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBuiltGlossary } from "../../scripts/lib/built-glossary.ts";
import { DIST_CHROME, ROOT } from "../../scripts/lib/chromium.ts";
import {
  cardText,
  hoverText,
  markedTexts,
  waitForCard,
  waitForMarks,
  watchCards,
} from "../../scripts/lib/page-probe.ts";
import { readSeedArticle, SEED_ENV, seedArticleHtml } from "../../scripts/lib/seed-page.ts";
import { materialMissing } from "../support/material.ts";
import { type Harness, startHarness } from "./harness.ts";

const seed = readSeedArticle();
const missing = materialMissing(seed, `the seed article (${SEED_ENV})`);
const expected = JSON.parse(readFileSync(join(ROOT, "test/fixtures/demo/seed-terms.json"), "utf8")) as {
  terms: { text: string; entry: string }[];
  bylines: string[];
};
const titles = new Map<string, string>(readBuiltGlossary(DIST_CHROME).entries.map((e) => [e.id, e.title]));

describe.skipIf(missing)(`the seed article (${SEED_ENV})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ "/seed.html": "text" in seed ? seedArticleHtml(seed.text) : "" });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("explains every mention listed in TERMS.md", { timeout: 120_000 }, async () => {
    const page = await h.open("/seed.html");
    await waitForMarks(page, 20);
    const failures: string[] = [];
    for (const { text, entry } of expected.terms) {
      const title = titles.get(entry);
      if (!title) {
        failures.push(`${entry}: no such entry`);
        continue;
      }
      await page.keyboard.press("Escape");
      await page.mouse.move(2, 2);
      await expect.poll(() => cardText(page)).toBe("");
      await hoverText(page, text);
      try {
        await waitForCard(page, title, 3000);
      } catch (e) {
        failures.push(`"${text}" → ${entry}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("annotates the headline's Kerry (the full name comes later) but none of the bylines", async () => {
    const page = await h.open("/seed.html");
    await waitForMarks(page, 20);
    await h.settled(page); // read to the end: every mark there will be is there
    const marks = await markedTexts(page);
    expect(marks[0]).toBe("Kerry");
    const cards = watchCards(page);
    for (const name of expected.bylines) {
      expect(marks.some((m) => name.includes(m) || m.includes(name))).toBe(false);
      await hoverText(page, name);
      await page.waitForTimeout(500); // resting on the byline, past the hover delay
    }
    // The positive signal: a mention's card opens, and none opened for a byline before it.
    expect(marks).toContain("SEOUL");
    await hoverText(page, "SEOUL");
    await waitForCard(page);
    expect((await cards.stop()).filter((t) => expected.bylines.some((name) => t.includes(name)))).toEqual([]);
    // Later mentions are marked too when the reader asks for every mention.
    await h.storeSettings({ version: 2, mode: "all" });
    await expect.poll(() => markedTexts(page)).toContain("Meng"); // in "Meng’s", curly possessive
    await h.storeSettings({ version: 2 });
  });

  it("causes no page errors", () => {
    expect(h.pageErrors).toEqual([]);
  });
});
