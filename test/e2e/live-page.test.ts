import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hoverText, markedTexts, waitForCard, waitForMarks, watchCards } from "../../scripts/lib/page-probe.ts";
import { type Harness, startHarness } from "./harness.ts";

describe("a page that keeps changing", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // The appended terms include a household name (Xi Jinping): underline it, as a reader can ask.
    await h.storeSettings({ version: 2, underlineFamiliar: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("marks appended paragraphs, follows edited and removed text, and resets on in-app navigation", async () => {
    const page = await h.open("/live.html");
    await waitForMarks(page);
    expect(await markedTexts(page)).toContain("COP26");

    // Infinite scroll / live blog: new paragraphs, with a name split across inline elements.
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.id = "added";
      p.innerHTML = "Update: <b>Meng</b> Wanzhou's case was raised, as was the Paris Agreement.";
      document.getElementById("app")?.append(p);
    });
    await expect.poll(() => markedTexts(page)).toContain("Meng Wanzhou");
    expect(await markedTexts(page)).toContain("Paris Agreement");

    // Edited text: the ticker rewrites its text node in place.
    await page.evaluate(() => {
      const t = document.getElementById("ticker")?.firstChild as Text;
      t.data = "Latest: Xi Jinping sent a message to Glasgow.";
    });
    await expect.poll(() => markedTexts(page)).toContain("Xi Jinping");
    await hoverText(page, "Xi Jinping");
    await waitForCard(page, "Xi Jinping");

    // Removed text loses its marks.
    await page.evaluate(() => document.getElementById("added")?.remove());
    await expect.poll(() => markedTexts(page)).not.toContain("Meng Wanzhou");
    expect(await markedTexts(page)).toContain("Xi Jinping");

    // In-app navigation: the app swaps the article and pushes a URL; a short form licensed
    // by the old article ("Meng") must not stay licensed on the new one.
    await page.evaluate(() => {
      const app = document.getElementById("app") as HTMLElement;
      app.innerHTML = "<h1>Markets</h1><p>Meng Wanzhou spoke. Later, Meng left.</p>";
      history.pushState({}, "", "/live/markets");
    });
    // Only the first mention of each entry is underlined (the default mode); the later short
    // form is still explained on hover, licensed by the full name.
    await expect.poll(() => markedTexts(page)).toContain("Meng Wanzhou");
    await hoverText(page, "Meng", 1);
    expect(await waitForCard(page, "Meng Wanzhou")).toMatch(/Huawei/);
    await page.evaluate(() => {
      const app = document.getElementById("app") as HTMLElement;
      app.innerHTML = "<h1>Sport</h1><p>Meng scored twice. COP26 delegates watched.</p>";
      history.pushState({}, "", "/live/sport");
    });
    // The positive signal: the new page has been read (COP26 found), and only then is "Meng",
    // no longer licensed by her full name, checked for no mark and no card.
    await h.settled(page);
    await expect.poll(() => markedTexts(page)).toContain("COP26");
    expect(await markedTexts(page)).not.toContain("Meng");
    const cards = watchCards(page);
    await hoverText(page, "Meng");
    await page.waitForTimeout(700); // resting on it, past the hover delay
    await hoverText(page, "COP26");
    await waitForCard(page, "COP26");
    expect((await cards.stop()).filter((t) => t.includes("Meng Wanzhou"))).toEqual([]);
    await page.close();
  });

  it("reads open shadow roots and same-origin frames", async () => {
    const page = await h.open("/live.html");
    await expect.poll(() => markedTexts(page)).toContain("Huawei"); // inside <news-widget>'s shadow root
    const frame = page.frame({ url: /demo-article\.html$/ });
    if (!frame) throw new Error("the iframe did not load");
    await expect
      .poll(() =>
        frame.evaluate(() => {
          const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("backstory-mention");
          return h ? [...h].map((r) => r.toString()) : [];
        }),
      )
      .toContain("COP26");
    await page.close();
  });

  it("starts in an empty frame once text is written into it", async () => {
    const page = await h.open("/live.html");
    await waitForMarks(page);
    // An about:blank frame (an ad slot, an embed) with nothing in it: the content script waits.
    await page.evaluate(() => {
      const frame = document.createElement("iframe");
      frame.id = "late";
      frame.name = "late";
      document.body.append(frame);
    });
    await page.waitForTimeout(1500); // its idle start has passed with nothing to read
    await page.evaluate(() => {
      const doc = (document.getElementById("late") as HTMLIFrameElement).contentDocument as Document;
      const p = doc.createElement("p");
      p.textContent = "Delegates at COP26 met in Glasgow.";
      doc.body.append(p);
    });
    const frame = page.frame({ name: "late" });
    if (!frame) throw new Error("the empty frame is missing");
    await expect
      .poll(
        () =>
          frame.evaluate(() => {
            const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("backstory-mention");
            return h ? [...h].map((r) => r.toString()) : [];
          }),
        { timeout: 10_000 },
      )
      .toContain("COP26");
    await page.close();
  });

  it("follows a page that rewrites its text 1,000 times a second, and marks where it ends", async () => {
    const page = await h.open("/live.html");
    await waitForMarks(page);
    expect((await h.settled(page)).entries.find((e) => e.text === "COP26")?.count, "before the ticker").toBe(1);
    // A ticker rewriting itself ten times every 10 ms timer, 2,000 times in all. How long the
    // page's timer waits meanwhile is a timing, measured by `npm run bench` with and without
    // the extension ("a page rewriting its text 1,000 times a second").
    const last = await page.evaluate(async () => {
      const t = document.getElementById("ticker")?.firstChild as Text;
      let i = 0;
      for (let round = 0; round < 200; round++) {
        for (let k = 0; k < 10; k++) t.data = `Latest: update ${i++} from COP26 talks`;
        await new Promise((r) => setTimeout(r, 10));
      }
      return t.data;
    });
    expect(last).toBe("Latest: update 1999 from COP26 talks");
    // Once the page is quiet, Backstory has read the ticker's last text: COP26 is mentioned
    // there and in the first paragraph (only that first mention is underlined), twice in all.
    const stats = await h.settled(page);
    expect(stats.entries.find((e) => e.text === "COP26")?.count).toBe(2);
    await page.close();
  });

  it("causes no page errors", () => {
    expect(h.pageErrors).toEqual([]);
  });
});
