// npm run screenshots: the README's pictures, from real Chromium runs of the built extension.
// The card (light and dark) on our demo article, the popup for that page, and the options
// page, written to docs/screenshots/. Run it after a visible change and commit the result.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { build } from "./build.ts";
import { findChromium, launchWithExtension, NO_CHROMIUM, ROOT } from "./lib/chromium.ts";
import { cardBox, hoverText, waitForCard, waitForMarks } from "./lib/page-probe.ts";
import { serve } from "./lib/serve.ts";

if (!findChromium()) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
const OUT = join(ROOT, "docs/screenshots");
mkdirSync(OUT, { recursive: true });
await build();
const server = await serve({ "/": join(ROOT, "test/fixtures/pages") });
const browser = await launchWithExtension();
const written: string[] = [];

/** The card with some of the article around it, clipped to the viewport. */
async function shootCard(page: Page, file: string): Promise<void> {
  const box = await cardBox(page);
  if (!box) throw new Error("no card to photograph");
  const view = page.viewportSize() ?? { width: 1280, height: 900 };
  const x = Math.max(0, box.x - 200);
  const y = Math.max(0, box.y - 120);
  const clip = {
    x,
    y,
    width: Math.min(view.width - x, box.width + 400),
    height: Math.min(view.height - y, box.height + 200),
  };
  await page.screenshot({ path: join(OUT, file), clip });
  written.push(file);
}

try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto(`${server.url}/demo-article.html`);
  await waitForMarks(page, 5);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.mouse.move(1, 1);
    await page.waitForTimeout(700);
    await hoverText(page, "Wanzhou");
    await waitForCard(page, "Meng Wanzhou");
    await page.waitForTimeout(400); // related entries arrive, the fade-in ends
    await shootCard(page, `card-${scheme}.png`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // The popup as the toolbar shows it, for the article's tab.
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 340, height: 1000 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator("h1").waitFor();
  await popup.waitForTimeout(800);
  // A toolbar popup is as large as its content: photograph just that.
  const size = await popup.evaluate(() => ({
    width: Math.ceil(document.body.getBoundingClientRect().right + 8),
    height: Math.ceil(document.body.getBoundingClientRect().bottom + 8),
  }));
  await popup.screenshot({ path: join(OUT, "popup.png"), clip: { x: 0, y: 0, ...size } });
  written.push("popup.png");

  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator("h1").waitFor();
  await options.waitForTimeout(500);
  await options.screenshot({ path: join(OUT, "options.png") });
  written.push("options.png");
  console.log(`Wrote ${written.map((f) => `docs/screenshots/${f}`).join(", ")}`);
} finally {
  await browser.close();
  await server.close();
}
