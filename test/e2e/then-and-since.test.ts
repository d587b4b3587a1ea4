// Cards on older articles (issue 13): what was true when the article was written, what has
// changed since, then today's summary; as today where nothing changed or the page has no date.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, hoverText, waitForCard, waitForMarks } from "../../scripts/lib/page-probe.ts";
import { CORPUS_ENV, corpusFiles, materialMissing } from "../support/material.ts";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const DEFAULTS = { version: 2 };

type Page = import("playwright-core").Page;

/** Dates as the card writes them, in the browser's language: a day in full, or a partial date short. */
async function dates(page: Page) {
  const language = await page.evaluate(() => navigator.language);
  const at = (iso: string) => new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
  return {
    long: (iso: string) =>
      new Intl.DateTimeFormat(language, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
        at(iso),
      ),
    short: (iso: string) =>
      new Intl.DateTimeFormat(language, {
        ...(iso.length === 10 ? { day: "numeric" } : {}),
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }).format(at(iso)),
  };
}

/** Opens a card and returns its text, after moving the pointer off any other card. */
async function card(page: Page, text: string, expected: string): Promise<string> {
  await page.mouse.move(2, 2);
  await expect.poll(() => cardText(page)).toBe("");
  await hoverText(page, text);
  return waitForCard(page, expected);
}

describe("a card on an article from June 2019", () => {
  it("leads with what was true then and what changed since, then today's summary", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/then-and-since.html");
    await waitForMarks(page, 2);
    expect((await h.settled(page)).articleDate).toEqual({ day: "2019-06-10", source: "jsonld" });
    const { long, short } = await dates(page);
    const text = await card(page, "Meng Wanzhou", "Meng Wanzhou");
    expect(text).toContain(`When this was written, ${long("2019-06-10")}:`);
    // Then: detained in Canada; since: that ended, she was back in China, and more.
    const then = text.slice(0, text.indexOf("Since then:"));
    const since = text.slice(text.indexOf("Since then:"), text.indexOf("Today:"));
    expect(then).toContain(
      `Detained in Canada at the request of the United States, fighting extradition, from ${short("2018-12-01")}`,
    );
    expect(then).not.toContain("Back in China");
    expect(since).toContain(
      `Detained in Canada at the request of the United States, fighting extradition, until ${short("2021-09-24")}`,
    );
    expect(since).toContain(
      `Back in China after a deferred prosecution agreement with US prosecutors, from ${short("2021-09-25")}`,
    );
    expect(since).toContain(`One of Huawei's rotating chairs, from ${short("2022-04")}`);
    expect(text).toContain("Today:");
    expect(text.indexOf("Since then:")).toBeLessThan(text.indexOf("Deputy chair and chief financial officer"));
    await page.close();
  });

  it("is as today for an entry whose timeline shows nothing changed since", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/then-and-since.html");
    await waitForMarks(page, 2);
    const text = await card(page, "Huawei", "Huawei");
    expect(text).toContain("Chinese maker of telecommunications");
    expect(text).not.toContain("When this was written");
    await page.close();
  });

  it("is as today on a page with no date", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    expect((await h.settled(page)).articleDate).toBeNull();
    const text = await card(page, "Wanzhou", "Meng Wanzhou");
    expect(text).not.toContain("When this was written");
    await page.close();
  });

  it("is as today when the reader turns it off in the options", async () => {
    await h.storeSettings(DEFAULTS);
    const options = await h.options();
    const box = options.getByRole("checkbox", { name: /say first what was true when it was written/ });
    expect(await box.isChecked()).toBe(true);
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(false);
    await options.close();
    const page = await h.open("/then-and-since.html");
    await waitForMarks(page, 2);
    expect(await card(page, "Meng Wanzhou", "Meng Wanzhou")).not.toContain("When this was written");
    await page.close();
    await h.storeSettings(DEFAULTS);
  });

  it("the popup says which date it read, and the reader's correction changes the card", async () => {
    await h.storeSettings(DEFAULTS);
    const page = await h.open("/then-and-since.html");
    await waitForMarks(page, 2);
    expect((await h.settled(page)).articleDate).toEqual({ day: "2019-06-10", source: "jsonld" });
    const popup = await h.popup();
    const { long, short } = await dates(page);
    await popup.getByText(`Article from ${long("2019-06-10")}`).waitFor();
    await popup.getByRole("button", { name: "Change" }).click();
    await popup.getByLabel("When this article was written").fill("2022-01-15");
    await popup.getByRole("button", { name: "Use this date" }).click();
    await popup.getByText(`Article from ${long("2022-01-15")} (your date)`).waitFor();
    await popup.close();
    await page.bringToFront();
    expect((await h.pageStats(page)).articleDate).toEqual({ day: "2022-01-15", source: "reader" });
    const text = await card(page, "Meng Wanzhou", "Meng Wanzhou");
    expect(text).toContain(`When this was written, ${long("2022-01-15")}:`);
    // In January 2022 she was back in China; being a rotating chair came later.
    const then = text.slice(0, text.indexOf("Since then:"));
    const since = text.slice(text.indexOf("Since then:"), text.indexOf("Today:"));
    expect(then).toContain("Back in China");
    expect(then).not.toContain("Detained in Canada");
    expect(since).toContain(`One of Huawei's rotating chairs, from ${short("2022-04")}`);
    await page.close();
  });
});

/** Real saved pages from three years, each with a person whose role changed after it was written. */
const DATED_PAGES = [
  {
    file: "bbc-obama-gun-laws.html",
    day: "2015-07-24",
    entry: "barack-obama",
    since: "44th President of the United States, until",
  },
  {
    file: "telegraph-mugabe-coup.html",
    day: "2017-11-16",
    entry: "robert-mugabe",
    since: "President of Zimbabwe, until",
  },
  {
    file: "nbcnews-korea-impeachment.html",
    day: "2024-12-06",
    entry: "yoon-suk-yeol",
    since: "Removed from office by the Constitutional Court",
  },
];
const corpus = corpusFiles();
const missing = materialMissing(corpus, `cards on dated pages of the corpus (${CORPUS_ENV})`);

describe.skipIf(missing)(`cards on dated pages of the corpus (${CORPUS_ENV})`, () => {
  let corpusHarness: Harness;
  beforeAll(async () => {
    if ("missing" in corpus) return;
    const pages = Object.fromEntries(
      DATED_PAGES.map(({ file }) => [`/corpus/${file}`, readFileSync(join(corpus.dir, file), "utf8")]),
    );
    // The pages' own scripts fail without their servers: their errors are theirs.
    corpusHarness = await startHarness(pages, { pagesThrow: true });
  });
  afterAll(async () => {
    await corpusHarness?.close();
  });

  it.each(DATED_PAGES)("$file: the card of $entry says what was true on $day", async ({ file, day, entry, since }) => {
    const page = await corpusHarness.open(`/corpus/${file}`);
    const stats = await corpusHarness.settled(page);
    expect(stats.articleDate?.day).toBe(day);
    expect(stats.entries.map((e) => e.id)).toContain(entry);
    expect(await corpusHarness.showEntry(page, entry)).toBe(true);
    const { long } = await dates(page);
    const text = await waitForCard(page, "Since then:");
    expect(text).toContain(`When this was written, ${long(day)}:`);
    expect(text.slice(text.indexOf("Since then:"))).toContain(since);
    await page.close();
  });
});
