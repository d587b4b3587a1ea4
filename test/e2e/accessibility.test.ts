import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as esbuild from "esbuild";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBuiltGlossary } from "../../scripts/lib/built-glossary.ts";
import { DIST_CHROME, ROOT } from "../../scripts/lib/chromium.ts";
import { type Harness, startHarness } from "./harness.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary: string }[];
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page; injected by evaluation, so no page CSP stops it. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe
      .run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } })
      .then((r) => r.violations),
  )) as AxeViolation[];
  return found.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join("; ")}`,
  );
}

/** The card component with real entries (COP26 and an entry inside it, with related entries). */
async function cardPage(): Promise<string> {
  const glossary = readBuiltGlossary(DIST_CHROME);
  const pick = ["cop26", "glasgow", ...(glossary.entries.find((e) => e.id === "cop26")?.related ?? [])];
  const entries = pick.flatMap((id) => glossary.entries.find((e) => e.id === id) ?? []);
  const { outputFiles } = await esbuild.build({
    entryPoints: [join(ROOT, "test/support/card-page.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    jsxImportSource: "preact",
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card</title></head><body>
<main><h1>An article</h1><p>Text beside the card.</p></main>
<script>globalThis.CARD_ENTRIES = ${JSON.stringify(entries).replace(/</g, "\\u003c")};</script>
<script>${outputFiles[0].text.replace(/<\/script/gi, "<\\/script")}</script></body></html>`;
}

describe("accessibility (axe-core, WCAG 2.1 A/AA and best practices)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ "/card.html": await cardPage() });
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`the card, ${scheme}`, async () => {
      const page = await h.open("/card.html");
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await page.getByRole("dialog").waitFor();
      await page.getByText("Related:").waitFor();
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    it(`the popup, ${scheme}`, async () => {
      const article = await h.open("/demo-article.html");
      await h.settled(article); // the popup lists the page's terms: all of them, once it is read
      const popup = await h.popup();
      await popup.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await popup.locator("h1").waitFor();
      await popup.waitForTimeout(300);
      expect(await violations(popup)).toEqual([]);
      await popup.close();
      await article.close();
    });

    it(`the options page, ${scheme}`, async () => {
      const page = await h.options();
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await page.waitForTimeout(300);
      expect(await violations(page)).toEqual([]);
      await page.close();
    });
  }
});
