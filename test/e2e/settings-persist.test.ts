import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { markedTexts, setChecked, waitForMarks } from "../../scripts/lib/page-probe.ts";
import { startHarness } from "./harness.ts";

const profileDir = mkdtempSync(join(tmpdir(), "backstory-restart-"));
afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

it("keeps switches across a browser restart", async () => {
  const first = await startHarness({}, { profileDir });
  const popup = await first.popup();
  await setChecked(popup.getByRole("switch", { name: "Places" }), false);
  await expect.poll(() => popup.getByRole("switch", { name: "Places" }).isChecked()).toBe(false);
  await first.close();

  const second = await startHarness({}, { profileDir });
  try {
    const page = await second.open("/demo-article.html");
    const marks = await waitForMarks(page, 5);
    expect(marks).not.toContain("Tianjin");
    expect(marks).toContain("COP26");
    const popup2 = await second.popup();
    const places = popup2.getByRole("switch", { name: "Places" });
    expect(await places.isChecked()).toBe(false);
    // The switch follows the background's answer, which may wait behind the popup's title
    // lookups (the worker reads the page's shards then): click, then wait for it to turn.
    await places.click();
    await expect.poll(() => places.isChecked()).toBe(true);
    await expect.poll(() => markedTexts(page)).toContain("Tianjin");
    expect(second.pageErrors).toEqual([]);
  } finally {
    await second.close();
  }
});
