// Finds and launches Firefox with the built extension (dist/firefox) as a temporary add-on, for
// the Firefox end-to-end tests. Driven by puppeteer-core over WebDriver BiDi: Firefox's own
// remote agent, so no geckodriver is needed (see ../shared/BROWSERS.md for the recipe).
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

export const ROOT = new URL("../../", import.meta.url).pathname;
export const DIST_FIREFOX = join(ROOT, "dist/firefox");

/** FIREFOX_PATH, then Debian's firefox-esr, then firefox; null if none is installed. */
export function findFirefox(): string | null {
  const candidates = [process.env.FIREFOX_PATH, "/usr/bin/firefox-esr", "/usr/bin/firefox"];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export const NO_FIREFOX =
  "No Firefox found. Install it (Debian/Ubuntu: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH to a Firefox 140+ binary.";

/** Requests that may leave a page: the test server on 127.0.0.1 and the extension itself. */
const ALLOWED = /^(?:http:\/\/127\.0\.0\.1[:/]|moz-extension:|data:|blob:|about:)/;

export interface FirefoxWithExtension {
  browser: Browser;
  /** The extension's internal uuid (fixed at launch), the host of its moz-extension:// pages. */
  uuid: string;
  /** Every request that was refused because it was not to 127.0.0.1 or the extension. */
  blocked: string[];
  /**
   * Every request from anywhere in the browser (the background script included, which no
   * page's interception sees) that left for the network: each reached the recording proxy the
   * profile points at, which answers none. "CONNECT host:443" or "GET http://…".
   */
  proxied: string[];
  /** Errors thrown or logged as errors on the pages opened here. */
  pageErrors: string[];
  /** A new tab at `url` (an http://127.0.0.1 page), loaded. */
  open(url: string): Promise<Page>;
  /** A new tab at one of the extension's pages ("popup.html", "options.html"), loaded. */
  openExtensionPage(path: string): Promise<Page>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * Launches Firefox headless (unless `headed`) with a fresh profile (removed on close) and
 * installs `dir` as a temporary add-on, whose host permissions for its content-script
 * matches are then granted.
 */
export async function launchFirefoxWithExtension(
  dir = DIST_FIREFOX,
  { headed = false } = {},
): Promise<FirefoxWithExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(NO_FIREFOX);
  if (!existsSync(join(dir, "manifest.json"))) throw new Error(`${dir} is missing: run npm run build`);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  // A uuid chosen here makes the extension's pages reachable at moz-extension://<uuid>/.
  const uuid = randomUUID();
  const proxy = await recordingProxy();
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath,
    headless: !headed,
    protocol: "webDriverBiDi",
    defaultViewport: { width: 1280, height: 900 },
    // Lets the remote agent navigate to moz-extension:// pages.
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [geckoId]: uuid }),
      // An optional permission the add-on asks for (a feed's origin) is granted without the
      // doorhanger a test cannot click: the request itself still runs, as in a reader's browser.
      "extensions.webextOptionalPermissionPrompts": false,
      // Beside the per-page interception below: anything the browser fetches over http(s),
      // the add-on's background included, goes to a proxy that records it and answers
      // nothing (127.0.0.1 itself is never proxied).
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": proxy.port,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": proxy.port,
      "network.proxy.share_proxy_settings": false,
    },
  });
  try {
    await browser.installExtension(dir);
  } catch (error) {
    await browser.close();
    proxy.server.close();
    throw error;
  }
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path}`;

  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e instanceof Error ? e.message : String(e)}`));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`${page.url()}: console: ${m.text()}`);
    });
    // Every request off this machine is refused: tests must never reach the network.
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (ALLOWED.test(request.url())) void request.continue();
      else {
        blocked.push(request.url());
        void request.abort();
      }
    });
    // Functions compiled with esbuild's keepNames (tsx, vitest) call __name in the page.
    await page.evaluateOnNewDocument("globalThis.__name ??= (fn) => fn;");
    return page;
  };

  return {
    browser,
    uuid,
    blocked,
    proxied: proxy.requests,
    pageErrors,
    extensionUrl,
    async open(url) {
      if (!ALLOWED.test(url)) throw new Error(`${url} is off this machine: tests must not reach the network`);
      const page = await newPage();
      await page.goto(url, { waitUntil: "load" });
      return page;
    },
    async openExtensionPage(path) {
      const page = await newPage();
      const url = extensionUrl(path);
      // Firefox's remote agent reports no navigation for extension-process pages, so goto()
      // never settles: start it, then wait for the page itself.
      page.goto(url).catch(() => {});
      // Polled by hand: an evaluation that meets the switch from about:blank fails with a
      // protocol error (the realm went away), which waitForFunction would not retry.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const state = await page
          .evaluate(() => `${document.readyState} ${location.href}`)
          .catch((error: Error) => `error ${error.message}`);
        if (state === `complete ${url}`) break;
        if (Date.now() > deadline) throw new Error(`${url} did not load; last seen: ${state}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return page;
    },
    async close() {
      await browser.close();
      proxy.server.close();
    },
  };
}

/**
 * Firefox's own remote-settings sync (blocklists, certificate data): the browser's traffic, not
 * the add-on's, which a release build does not let a profile switch off. Refused, not recorded.
 */
const BROWSER_OWN = /^CONNECT firefox\.settings\.services\.mozilla\.com:443$/;

/** A proxy on 127.0.0.1 that records the first line of every request it is sent and refuses it. */
async function recordingProxy(): Promise<{ server: Server; port: number; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((socket) => {
    socket.once("data", (chunk) => {
      const request = chunk
        .toString("latin1")
        .split("\r\n")[0]
        .replace(/ HTTP\/\d(?:\.\d)?$/, "");
      if (!BROWSER_OWN.test(request)) requests.push(request);
      socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the recording proxy has no port");
  return { server, port: address.port, requests };
}
