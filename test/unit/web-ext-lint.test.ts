// Mozilla's add-on linter (what addons.mozilla.org runs on upload), offline, on the built
// dist/firefox: no errors and no warnings. Notices are listed in the output, not failed on.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import webExt from "web-ext";

const DIR = join(new URL("../../", import.meta.url).pathname, "dist/firefox");

it("web-ext lint finds no errors and no warnings in dist/firefox", { timeout: 60_000 }, async () => {
  if (!existsSync(join(DIR, "manifest.json")))
    throw new Error("dist/firefox is missing: run npm run build first (npm test does)");
  const result = await webExt.cmd.lint({ sourceDir: DIR, output: "none" }, { shouldExitProgram: false });
  const line = (m: { code: string; file?: string; line?: number; message: string }) =>
    `${m.code} ${m.file ?? ""}${m.line ? `:${m.line}` : ""} ${m.message}`;
  console.info(
    `web-ext lint: ${result.summary.errors} errors, ${result.summary.warnings} warnings, ${result.summary.notices} notices` +
      result.notices.map((m) => `\n  notice: ${line(m)}`).join(""),
  );
  expect(result.errors.map(line)).toEqual([]);
  expect(result.warnings.map(line)).toEqual([]);
});
