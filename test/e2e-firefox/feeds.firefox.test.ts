// Glossary feeds in Firefox (issue 14), the main path: subscribe in the options page to a signed
// feed on 127.0.0.1 (the optional host permission asked and granted), see its entry explained
// on a page already open, and see version 2 applied after a check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hoverText, waitForCard } from "../../scripts/lib/firefox-probe.ts";
import { FEED_KEYS, FEED_TEST_PAGE, feedFiles, newsroomPack } from "../support/feed-files.ts";
import { type FeedHost, feedHost } from "../support/feed-host.ts";
import { FIREFOX, type FirefoxHarness, SKIP_REASON, startFirefoxHarness } from "./harness.ts";

describe.skipIf(!FIREFOX)(`a glossary feed, in Firefox ${FIREFOX ?? SKIP_REASON}`, () => {
  let h: FirefoxHarness;
  let host: FeedHost;
  beforeAll(async () => {
    h = await startFirefoxHarness({ "/feed-page.html": FEED_TEST_PAGE });
    host = await feedHost();
  });
  afterAll(async () => {
    await h?.close();
    await host?.close();
  });

  it("subscribe in the options; an open page explains its entry; version 2 applies after a check", async () => {
    host.files = feedFiles([newsroomPack(1)]);
    const page = await h.open("/feed-page.html");
    expect((await h.settled(page)).entries.map((e) => e.id)).not.toContain("zorblat-accord");

    const options = await h.firefox.openExtensionPage("options.html");
    await options.locator(".feeds input[type=url]").fill(host.url);
    await options.locator(".feeds input[type=text]").fill(FEED_KEYS.publicKey);
    await options.locator('::-p-aria([name="Look at this feed"][role="button"])').click();
    await options.locator("::-p-text(“Test feed” from Backstory tests: 2 entries, version 1)").wait();
    await options.locator('::-p-aria([name="Subscribe"][role="button"])').click();
    await options.locator("::-p-text(Subscribed to “Test feed” (2 entries))").wait();

    await page.bringToFront();
    await expect
      .poll(async () => (await h.settled(page)).entries.map((e) => e.id), { timeout: 15_000 })
      .toContain("zorblat-accord");
    await hoverText(page, "Zorblat Accord");
    expect((await waitForCard(page, "Zorblat Accord")).text).toContain("as the feed's version 1 explains it");

    host.files = feedFiles([newsroomPack(2)], { version: 2 });
    await options.bringToFront();
    await options.locator('::-p-aria([name="Check Test feed now"][role="button"])').click();
    await options.locator("::-p-text(“Test feed” is now at version 2)").wait();
    await page.bringToFront();
    // The page switches to the new glossary when storage tells it; a card opened before may be the old one.
    await expect
      .poll(
        async () => {
          await page.mouse.move(2, 2);
          await hoverText(page, "Zorblat Accord");
          return (await waitForCard(page, "Zorblat Accord").catch(() => ({ text: "" }))).text;
        },
        { timeout: 15_000 },
      )
      .toContain("as the feed's version 2 explains it");
    await page.close();
    await options.close();
  });

  it("causes no page errors and sends nothing off this machine", () => {
    expect(h.firefox.pageErrors).toEqual([]);
    expect(h.firefox.blocked).toEqual([]);
  });
});
