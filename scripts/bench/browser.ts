// Browser plumbing shared by the bench passes: contexts that never reach the live web, the
// runner injected into a page, and page calls that are cut off after a time limit.
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";

/** tsx compiles page.evaluate() callbacks with keepNames, which calls __name in the page. */
export const NAME_SHIM = "globalThis.__name ??= (fn) => fn;";

/**
 * Aborts every request that is not to the bench server (the corpus pages link to the live
 * web); the extension's own resources pass. With `isolate`, pages are served cross-origin
 * isolated (COOP + COEP), which gives performance.now() a 5 µs resolution instead of
 * 100 µs: the floor is well under a millisecond on small pages.
 */
export async function confine(context: BrowserContext, serverUrl: string, isolate: boolean): Promise<void> {
  await context.route(/^(?!chrome-extension:|data:|about:|blob:)/, async (route) => {
    if (!route.request().url().startsWith(`${serverUrl}/`)) return route.abort();
    // Only documents need the headers; other requests (the 23 MB matcher) skip the copy through Node.
    if (!isolate || route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    return route.fulfill({
      response,
      headers: {
        ...response.headers(),
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      },
    });
  });
}

/** A context of a plain Chromium (no extension), with the same viewport as the extension's. */
export async function plainContext(browser: Browser, serverUrl: string, isolate: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(NAME_SHIM);
  await confine(context, serverUrl, isolate);
  return context;
}

/** Puts the bench runner (page-runner.ts) into the page's main world. */
export async function injectRunner(page: Page, code: string): Promise<void> {
  try {
    await page.addScriptTag({ content: code });
  } catch {
    await page.evaluate(code); // a page whose CSP refuses inline scripts; CDP evaluation is not subject to it
  }
  const ok = await page.evaluate("typeof globalThis.__bench === 'object'");
  if (!ok) throw new Error(`the bench runner did not load in ${page.url()}`);
}

export class Timeout extends Error {}

/**
 * Evaluates `expression` in the page, giving up after `ms`. A page stuck in a long script is
 * then stopped through CDP (Runtime.terminateExecution) so that it can be closed.
 */
export async function evaluateWithin<T>(page: Page, cdp: CDPSession, expression: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([page.evaluate(expression) as Promise<T>, limit]);
  } catch (error) {
    if (error instanceof Timeout) await cdp.send("Runtime.terminateExecution").catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a page, even one whose renderer does not answer. */
export async function closeQuietly(page: Page): Promise<void> {
  await Promise.race([page.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
}
