// npm start: builds, serves our demo article on 127.0.0.1 and opens Chromium with Backstory.
// With a display: a window to read in. Without: a headless run that hovers a mention,
// writes out/demo.png with the card open, and prints the mentions it found.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "./build.ts";
import { findChromium, launchWithExtension, NO_CHROMIUM, ROOT } from "./lib/chromium.ts";
import { hoverText, waitForCard, waitForMarks } from "./lib/page-probe.ts";
import { serve } from "./lib/serve.ts";

if (!findChromium()) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
const sizes = await build();
console.log(`Built the extension (${sizes.entries} glossary entries).`);
const server = await serve({ "/": join(ROOT, "test/fixtures/pages") });
const url = `${server.url}/demo-article.html`;
const headed = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes("--headless");
const browser = await launchWithExtension(undefined, { headed });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(url);

if (headed) {
  console.log(`Chromium is open on ${url} with Backstory loaded. Hover an underlined name. Close the window to stop.`);
  await new Promise<void>((resolve) => browser.context.on("close", () => resolve()));
  await server.close();
} else {
  const marks = await waitForMarks(page, 5);
  await hoverText(page, "Wanzhou");
  const card = await waitForCard(page, "Meng Wanzhou");
  mkdirSync(join(ROOT, "out"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "out/demo.png") });
  console.log(`No display: ran headless on ${url}.`);
  console.log(`Annotated ${marks.length} mentions: ${marks.map((m) => JSON.stringify(m)).join(", ")}`);
  console.log(`Card on hover over "Meng Wanzhou":\n  ${card.split("\n").join("\n  ")}`);
  console.log("Screenshot: out/demo.png");
  await browser.close();
  await server.close();
}
