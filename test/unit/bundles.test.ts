// What each built script carries (both browsers): content.js, which every frame of every page
// evaluates, has no card code and no zod; card.js, injected at a frame's first hover, has the card.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CARD_CSS } from "../../src/card/styles.ts";

const DIST = join(new URL("../../", import.meta.url).pathname, "dist");
/** The string our build puts in Preact in place of its one innerHTML assignment (scripts/build.ts). */
const PREACT_MARK = "dangerouslySetInnerHTML is not supported";
/** zod names its classes in strings ("$ZodString", "$ZodCheckMaxLength"…). */
const ZOD_MARK = "$Zod";

describe.each(["chrome", "firefox"])("dist/%s", (target) => {
  const read = (file: string) => {
    const path = join(DIST, target, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first (npm test does)`);
    return readFileSync(path, "utf8");
  };

  it("content.js carries neither the card (Preact, its styles) nor zod, and stays within 20 KB gzipped", () => {
    const content = read("content.js");
    expect(content).not.toContain(PREACT_MARK);
    expect(content).not.toContain(CARD_CSS);
    expect(content).not.toContain(ZOD_MARK);
    expect(gzipSync(content, { level: 9 }).length).toBeLessThanOrEqual(20 * 1024);
  });

  it("carries no wrapping fallback: marks are highlights only (no <backstory-mark> element or style)", () => {
    for (const file of ["content.js", "content.css", "card.js"]) expect(read(file)).not.toMatch(/backstory-mark\b/);
  });

  it("no shipped script puts a test hook on its global (tests drive the extension as a reader would)", () => {
    for (const file of ["background.js", "content.js", "card.js", "popup.js", "options.js"]) {
      expect(read(file)).not.toMatch(/globalThis\.backstory\w*\s*=|\.backstoryRunCommand/);
    }
  });

  it("card.js carries the card, and no zod", () => {
    const card = read("card.js");
    expect(card).toContain(PREACT_MARK);
    expect(card).toContain(CARD_CSS);
    expect(card).not.toContain(ZOD_MARK);
  });

  it("the manifest lets the background inject card.js (scripting; Chrome: the content script's sites)", () => {
    const manifest = JSON.parse(read("manifest.json"));
    expect(manifest.permissions).toContain("scripting");
    const sites = manifest.content_scripts.flatMap((s: { matches: string[] }) => s.matches);
    // Chrome wants host permissions for executeScript; Firefox counts the content script's matches.
    if (target === "chrome") expect(manifest.host_permissions).toEqual(sites);
    else expect(manifest.host_permissions).toBeUndefined();
    // The matcher file alone is web-accessible (read by the content script as bytes); never card.js.
    expect(manifest.web_accessible_resources).toEqual([
      {
        resources: ["glossary/matcher.bin"],
        matches: sites,
        ...(target === "chrome" ? { use_dynamic_url: true } : {}),
      },
    ]);
  });
});
