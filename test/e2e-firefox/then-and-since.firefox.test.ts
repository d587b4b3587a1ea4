import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hoverText, waitForCard, waitForMarks } from "../../scripts/lib/firefox-probe.ts";
import { FIREFOX, type FirefoxHarness, SKIP_REASON, startFirefoxHarness } from "./harness.ts";

describe.skipIf(!FIREFOX)(`cards on an older article, in Firefox ${FIREFOX ?? SKIP_REASON}`, () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await startFirefoxHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("lead with what was true when the article was written (June 2019) and what changed since", async () => {
    const page = await h.open("/then-and-since.html");
    await waitForMarks(page, 2);
    expect((await h.settled(page)).articleDate).toEqual({ day: "2019-06-10", source: "jsonld" });
    await hoverText(page, "Meng Wanzhou");
    const { text } = await waitForCard(page, "Meng Wanzhou");
    const since = text.indexOf("Since then:");
    expect(text).toMatch(/When this was written, .*2019:/);
    expect(since).toBeGreaterThan(0);
    expect(text.slice(0, since)).toContain("Detained in Canada");
    expect(text.slice(since)).toContain("Back in China after a deferred prosecution agreement");
    await page.close();
  });

  it("explain “the prime minister” on an article of May 2017 by who held the office that day", async () => {
    const page = await h.open("/offices-2017.html");
    const stats = await h.settled(page);
    expect(stats.articleDate).toEqual({ day: "2017-05-03", source: "jsonld" });
    expect(stats.entries.map((e) => e.id)).toContain("prime-minister-of-the-united-kingdom");
    await hoverText(page, "the prime minister said");
    const { text } = await waitForCard(page, "Theresa May");
    expect(text).toMatch(/Prime Minister of the United Kingdom on .*2017, when this was written/);
    await page.close();
  });

  it("causes no page errors and sends nothing off this machine", () => {
    expect(h.firefox.pageErrors).toEqual([]);
    expect(h.firefox.blocked).toEqual([]);
  });
});
