// The seed article (read through BACKSTORY_SEED, never copied here) in real Firefox: a sample
// of its terms, across links and emphasis, open cards naming the right entries.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBuiltGlossary } from "../../scripts/lib/built-glossary.ts";
import { DIST_FIREFOX, ROOT } from "../../scripts/lib/firefox.ts";
import { cardText, hoverText, sleep, waitForCard, waitForMarks, watchCards } from "../../scripts/lib/firefox-probe.ts";
import { readSeedArticle, SEED_ENV, seedArticleHtml } from "../../scripts/lib/seed-page.ts";
import { materialMissing } from "../support/material.ts";
import { FIREFOX, type FirefoxHarness, SKIP_REASON, startFirefoxHarness } from "./harness.ts";

const seed = readSeedArticle();
const missing = materialMissing(seed, `the seed article in Firefox (${SEED_ENV})`);
const expected = JSON.parse(readFileSync(join(ROOT, "test/fixtures/demo/seed-terms.json"), "utf8")) as {
  terms: { text: string; entry: string }[];
  bylines: string[];
};
/** A sample (Chromium's seed test hovers all of them): full and short forms, a link, emphasis, a dateline. */
const SAMPLE = ["John F. Kerry", "Wang Yi", "Meng Wanzhou", "Xi Jinping", "COP26", "1+N", "Huawei", "SEOUL"];

describe.skipIf(!FIREFOX || missing)(`the seed article in Firefox (${SEED_ENV}) ${FIREFOX ? "" : SKIP_REASON}`, () => {
  let h: FirefoxHarness;
  let titles: Map<string, string>;
  beforeAll(async () => {
    titles = new Map(readBuiltGlossary(DIST_FIREFOX).entries.map((e) => [e.id, e.title]));
    h = await startFirefoxHarness({ "/seed.html": "text" in seed ? seedArticleHtml(seed.text) : "" });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("explains a sample of the terms in TERMS.md, each with its entry's card", async () => {
    const page = await h.open("/seed.html");
    const marks = await waitForMarks(page, 20);
    expect(marks[0]).toBe("Kerry");
    for (const name of expected.bylines) expect(marks.some((m) => name.includes(m) || m.includes(name))).toBe(false);
    const failures: string[] = [];
    for (const text of SAMPLE) {
      const term = expected.terms.find((t) => t.text === text);
      const title = term && titles.get(term.entry);
      if (!title) {
        failures.push(`${text}: not in seed-terms.json or no such entry`);
        continue;
      }
      await page.keyboard.press("Escape");
      await page.mouse.move(2, 2);
      await expect.poll(() => cardText(page)).toBe("");
      await hoverText(page, text);
      try {
        const card = await waitForCard(page, title, 3000);
        if (card.dialogName !== title) failures.push(`"${text}": the dialog is named "${card.dialogName}"`);
      } catch (e) {
        failures.push(`"${text}" → ${term.entry}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("explains none of the bylines", async () => {
    const page = await h.open("/seed.html");
    await waitForMarks(page, 20);
    const cards = watchCards(page);
    await hoverText(page, expected.bylines[0]);
    await sleep(500); // resting on the byline, past the hover delay
    // The positive signal: a mention's card opens, and none opened for the byline before it.
    await hoverText(page, "SEOUL");
    await waitForCard(page);
    expect((await cards.stop()).filter((t) => t.includes(expected.bylines[0]))).toEqual([]);
  });

  it("causes no page errors and sends nothing off this machine", () => {
    expect(h.firefox.pageErrors).toEqual([]);
    expect(h.firefox.blocked).toEqual([]);
    expect(h.firefox.proxied).toEqual([]); // nothing from the background either
  });
});
