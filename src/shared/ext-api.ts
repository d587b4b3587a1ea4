/**
 * The few extension APIs the content script and the shared messaging use, taken from the
 * browser directly: in Manifest V3 both Chrome's `chrome` and Firefox's `browser` return
 * promises, so the content script does without webextension-polyfill (a third of its bytes).
 * Message listeners answer through `sendResponse`, which both browsers support; a listener
 * that returns a promise is not understood by Chrome.
 */
export interface ExtApi {
  runtime: {
    /** Gone once the extension was reloaded or updated under this page. */
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    /** In Chrome, a web-accessible file with use_dynamic_url gets this session's URL. */
    getURL(path: string): string;
    onMessage: {
      addListener(
        listener: (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => undefined,
      ): void;
    };
  };
  storage: { onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void } };
  tabs?: { sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown> };
}

const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };

/** Firefox's `browser` where it exists, else Chrome's `chrome` (read at call time: tests install fakes). */
export function ext(): ExtApi {
  const api = g.browser?.runtime ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error("Backstory: no extension API here");
  return api;
}
