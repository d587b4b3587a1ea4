// Finds and launches Chromium with a built extension loaded (for npm start, tests and bench).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const ROOT = new URL("../../", import.meta.url).pathname;
export const DIST_CHROME = join(ROOT, "dist/chrome");

/** CHROME_PATH, then Debian's chromium, then chromium-browser; null if none is installed. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export const NO_CHROMIUM =
  "No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to a Chromium or Chrome binary.";

/** Chromium's flags for a quiet run with the extension in `dir` (headless flag apart). */
export function extensionArgs(dir: string): string[] {
  return [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
  ];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the extension in `dir` (headless unless `headed`). */
export async function launchWithExtension(
  dir = DIST_CHROME,
  {
    headed = false,
    hasTouch = false,
    profileDir = "",
    extraArgs = [] as string[],
    locale = undefined as string | undefined,
  } = {},
): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  // A given profile survives close (to test a browser restart); a fresh one is removed.
  const profile = profileDir || mkdtempSync(join(tmpdir(), "backstory-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: !headed,
    viewport: { width: 1280, height: 900 },
    hasTouch,
    locale,
    args: [...(headed ? [] : ["--headless=new"]), ...extensionArgs(dir), ...extraArgs],
  });
  // tsx compiles our page.evaluate() callbacks with esbuild's keepNames, which calls __name.
  await context.addInitScript("globalThis.__name ??= (fn) => fn;");
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      if (!profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Launches plain Chromium (no extension), for rendering. */
export async function launchPlain() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  return chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--headless=new"] });
}
