// Offices as they were (issue 13, part 4): "the prime minister" on a dated page is explained by
// who held the office that day, where the page names one country with that office; the office
// as today on an undated page; nothing where two countries could be meant.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hoverText, waitForCard } from "../../scripts/lib/page-probe.ts";
import { CORPUS_ENV, corpusFiles, materialMissing } from "../support/material.ts";
import { type Harness, startHarness } from "./harness.ts";

type Page = import("playwright-core").Page;

/**
 * A page about a country the glossary has no office for, naming one that has (India) once:
 * "the prime minister" is Pakistan's, and must not be explained as India's.
 */
const PAKISTAN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Backstory test</title>
<meta property="article:published_time" content="2023-05-10T08:00:00Z"></head><body><article>
<h1>Islamabad talks</h1><p>ISLAMABAD — Pakistan's prime minister warned on Wednesday that talks with India had stalled.
The prime minister said that his government would not change course, and ministers in Pakistan backed him.</p>
</article></body></html>`;

let h: Harness;
beforeAll(async () => {
  // The May 2017 article again, without its date.
  const dated = readFileSync(new URL("../fixtures/pages/offices-2017.html", import.meta.url), "utf8");
  const undated = dated.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, "");
  if (undated === dated) throw new Error("offices-2017.html has no JSON-LD date to take out");
  h = await startHarness({ "/offices-undated.html": undated, "/offices-pakistan.html": PAKISTAN });
});
afterAll(async () => {
  await h?.close();
});

const DEFAULTS = { version: 2 };
const UK_PM = "prime-minister-of-the-united-kingdom";

/** A day as the card writes it, in the browser's language. */
async function longDate(page: Page, iso: string): Promise<string> {
  const language = await page.evaluate(() => navigator.language);
  return new Intl.DateTimeFormat(language, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

describe("a bare title on an article from May 2017", () => {
  it("is explained by who held the office that day, with the office one click away", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/offices-2017.html");
    const stats = await h.settled(page);
    expect(stats.articleDate).toEqual({ day: "2017-05-03", source: "jsonld" });
    expect(stats.entries.find((e) => e.id === UK_PM)).toMatchObject({ count: 3, text: "The prime minister" });
    await hoverText(page, "the prime minister said");
    const text = await waitForCard(page, "Theresa May");
    const day = await longDate(page, "2017-05-03");
    expect(text).toContain(`Prime Minister of the United Kingdom on ${day}, when this was written`);
    // Her own timeline: prime minister then, no longer since July 2019.
    expect(text).toContain(`When this was written, ${day}:`);
    expect(text.slice(text.indexOf("Since then:"))).toContain("Prime minister of the United Kingdom, until");
    expect(text).toContain("Related:");
    expect(text).toContain("Matched “the prime minister” on this page");
    await page.close();
  });

  it("a full form of the office is the office: who held it then, and who since", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/offices-2017.html");
    expect((await h.settled(page)).articleDate?.day).toBe("2017-05-03");
    await hoverText(page, "British prime minister");
    const text = await waitForCard(page, "Prime Minister of the United Kingdom");
    const day = await longDate(page, "2017-05-03");
    const since = text.indexOf("Since then:");
    expect(text).not.toContain("when this was written");
    expect(text.slice(0, since)).toContain(`When this was written, ${day}:`);
    expect(text.slice(0, since)).toContain("Theresa May, from");
    expect(text.slice(since)).toContain("Theresa May, until");
    expect(text.slice(since)).toContain("Boris Johnson, from");
    await page.close();
  });

  it("is the office as today on the same article without a date", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/offices-undated.html");
    expect((await h.settled(page)).articleDate).toBeNull();
    await hoverText(page, "the prime minister said");
    const text = await waitForCard(page, "Prime Minister of the United Kingdom");
    expect(text).not.toContain("Theresa May");
    expect(text).not.toContain("When this was written");
    await page.close();
  });

  it("is nothing where the page names two countries that have a prime minister", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/offices-two-countries.html");
    const stats = await h.settled(page);
    const ids = stats.entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(["united-kingdom", "israel"]));
    expect(ids.filter((id) => id.startsWith("prime-minister-of"))).toEqual([]);
    // The page is read to its end (settled): no office is among its mentions, and none can be shown.
    expect(await h.showEntry(page, "prime-minister-of-the-united-kingdom")).toBe(false);
    expect(await h.showEntry(page, "prime-minister-of-israel")).toBe(false);
    await page.close();
  });
});

describe("a bare title on a page about a country without an office entry", () => {
  it("is not listed, shown or explained as the office of another country the page names less", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/offices-pakistan.html");
    const stats = await h.settled(page);
    const ids = stats.entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(["pakistan", "india"]));
    expect(ids).not.toContain("prime-minister-of-india");
    // Asked for it as the popup's list would: refused, while India's own card opens.
    expect(await h.showEntry(page, "prime-minister-of-india")).toBe(false);
    expect(await h.showEntry(page, "india")).toBe(true);
    await waitForCard(page, "India");
    await page.close();
  });
});

const corpus = corpusFiles();
const missing = materialMissing(corpus, `offices on a dated page of the corpus (${CORPUS_ENV})`);

describe.skipIf(missing)(`offices on a dated page of the corpus (${CORPUS_ENV})`, () => {
  it("bbc-obama-gun-laws (24 July 2015): “the president” is Barack Obama", async () => {
    if ("missing" in corpus) return;
    const file = "bbc-obama-gun-laws.html";
    const harness = await startHarness(
      { [`/corpus/${file}`]: readFileSync(join(corpus.dir, file), "utf8") },
      { pagesThrow: true },
    );
    try {
      const page = await harness.open(`/corpus/${file}`);
      const stats = await harness.settled(page);
      expect(stats.articleDate?.day).toBe("2015-07-24");
      expect(stats.entries.map((e) => e.id)).toContain("president-of-the-united-states");
      expect(await harness.showEntry(page, "president-of-the-united-states")).toBe(true);
      const text = await waitForCard(page, "Barack Obama");
      expect(text).toContain(
        `President of the United States on ${await longDate(page, "2015-07-24")}, when this was written`,
      );
      await page.close();
    } finally {
      await harness.close();
    }
  });
});
