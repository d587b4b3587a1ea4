/**
 * The extension APIs the content script, the background worker and the shared messaging use,
 * taken from the browser directly: in Manifest V3 both Chrome's `chrome` and Firefox's
 * `browser` return promises. webextension-polyfill was a third of the content script's bytes,
 * and in the worker, traced in Chromium, its set-up alone took 20 ms of every worker start
 * (it touches every API namespace). Message listeners answer through `sendResponse`, which
 * both browsers support; a listener that returns a promise is not understood by Chrome.
 */
export interface ExtApi {
  runtime: {
    /** Gone once the extension was reloaded or updated under this page. */
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    /** In Chrome, a web-accessible file with use_dynamic_url gets this session's URL. */
    getURL(path: string): string;
    /** The browser started (not fired when only the extension is reloaded or the worker restarts). */
    onStartup?: { addListener(listener: () => void): void };
    /** Installed or updated (an update may clear the alarms: src/background/feeds.ts). */
    onInstalled?: { addListener(listener: () => void): void };
    onMessage: {
      addListener(
        listener: (
          message: unknown,
          sender: MessageSender,
          sendResponse: (response: unknown) => void,
        ) => true | undefined,
      ): void;
    };
  };
  storage: {
    onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void };
    sync: StorageArea;
    local: StorageArea;
  };
  tabs?: {
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
  };
  commands?: { onCommand: { addListener(listener: (command: string) => void): void } };
  /** The worker's schedule (feeds: issue 14). */
  alarms?: {
    create(name: string, info: { periodInMinutes?: number; delayInMinutes?: number; when?: number }): Promise<void>;
    get(name: string): Promise<{ name: string } | undefined>;
    clear(name: string): Promise<boolean>;
    onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
  };
  scripting?: {
    executeScript(injection: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown>;
  };
}

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What the worker learns of a message's sender. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

const g = globalThis as { browser?: ExtApi; chrome?: ExtApi };

/** Firefox's `browser` where it exists, else Chrome's `chrome` (read at call time: tests install fakes). */
export function ext(): ExtApi {
  const api = g.browser?.runtime ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error("Backstory: no extension API here");
  return api;
}
