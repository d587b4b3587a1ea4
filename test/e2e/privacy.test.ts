import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { cardText, hoverText, waitForCard, waitForMarks } from "../../scripts/lib/page-probe.ts";
import { startHarness } from "./harness.ts";

// Requests the service worker makes are reported to Playwright only with this switch.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

const dir = mkdtempSync(join(tmpdir(), "backstory-netlog-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Addresses that are not the network: our test server, the extension itself, inline data. */
const LOCAL = /^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/;

it("makes no network request of its own during a whole reading run", async () => {
  const netLog = join(dir, "netlog.json");
  const h = await startHarness({}, { extraArgs: [`--log-net-log=${netLog}`] });
  const seen: string[] = [];
  h.browser.context.on("request", (r) => seen.push(r.url()));
  try {
    // Load, read, hover, open the card's related entry lists, use the popup and the options page.
    const page = await h.open("/demo-article.html");
    await waitForMarks(page, 5);
    await hoverText(page, "Meng Wanzhou");
    await waitForCard(page, "Meng Wanzhou");
    await page.waitForTimeout(500);
    const popup = await h.popup();
    // The switch follows the background's answer, which may wait behind the popup's own title
    // lookups (the worker reads the page's shards then): click, then wait for it to turn.
    const places = popup.getByRole("switch", { name: "Places" });
    // (Polled for up to 15 s, not the suite's 5 s: on a loaded machine the worker's answer
    // can take longer, and this is a wait for a state, not a measure of time.)
    await places.click();
    await expect.poll(() => places.isChecked(), { timeout: 15_000 }).toBe(false);
    await places.click();
    await expect.poll(() => places.isChecked(), { timeout: 15_000 }).toBe(true);
    const options = await h.options();
    await options.locator("h1").waitFor(); // the options page loaded (and made its requests)
    // The keyboard command goes to the active tab: the article, brought back to the front.
    await page.bringToFront();
    await page.keyboard.press("Escape");
    await expect.poll(() => cardText(page)).toBe("");
    await h.runCommand("next-mention");
    await waitForCard(page);
    // A request the page itself makes: the net log must show it (the recorder works).
    await page.evaluate(() => fetch("/demo-article.html?from-the-page").then((r) => r.text()));
  } finally {
    await h.close(); // the browser writes the rest of its net log on exit
  }
  // Every request the browser's network stack started on behalf of a page or an extension
  // context (pages, popup, options, the worker). The browser's own traffic (update checks,
  // sign-in) has no initiating origin ("not an origin") and is not ours.
  const log = JSON.parse(readFileSync(netLog, "utf8")) as NetLog;
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const started = log.events.filter((e) => e.type === start && typeof e.params?.url === "string");
  const fromContexts = started.filter((e) => e.params?.initiator !== "not an origin").map((e) => e.params?.url ?? "");
  expect(seen.length, "the run made page requests (the recorder works)").toBeGreaterThan(3);
  expect(
    fromContexts.some((u) => u.includes("?from-the-page")),
    "the net log saw the page's own request",
  ).toBe(true);
  expect([...new Set([...seen, ...fromContexts])].filter((u) => !LOCAL.test(u))).toEqual([]);
});

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
}
