// Renders icons/icon.svg to the PNG sizes the manifest names, with real Chromium.
// Run after changing the SVG: npm run icons. The PNGs are committed.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchPlain, ROOT } from "./lib/chromium.ts";

const svg = readFileSync(join(ROOT, "icons/icon.svg"), "utf8");
const browser = await launchPlain();
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  writeFileSync(join(ROOT, `icons/icon-${size}.png`), await page.screenshot({ omitBackground: true }));
}
await browser.close();
console.log("Wrote icons/icon-{16,32,48,128}.png");
