import browser from "webextension-polyfill";

/**
 * The tab the popup speaks for. As a toolbar popup that is the active tab. Opened as a tab of
 * its own (by a test, or a reader who pinned it), it is the most recently used other tab;
 * `?tab=<id>` names one outright.
 */
export async function findTargetTab(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(named) && named > 0) return named;
  const self = await browser.tabs.getCurrent();
  const tabs = await browser.tabs.query({ currentWindow: true });
  if (!self) return tabs.find((t) => t.active)?.id;
  return tabs.filter((t) => t.id !== self.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]?.id;
}
