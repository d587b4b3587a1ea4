import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { CATEGORIES, type Category } from "../shared/categories.ts";
import { categoryLabel } from "../shared/labels.ts";
import type { PageStats } from "../shared/protocol-types.ts";
import { sendToBackground, sendToTab } from "../shared/runtime.ts";
import type { Settings } from "../shared/settings.ts";
import { findTargetTab } from "./target-tab.ts";

/** The toolbar popup: a switch per category with this page's counts, and one for this site. */
export function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [stats, setStats] = useState<PageStats | null>(null);
  const [tabId, setTabId] = useState<number | undefined>();

  const refreshStats = async (id: number | undefined) => {
    if (id === undefined) return;
    try {
      setStats(await sendToTab(id, { type: "backstory:get-page-stats" }));
    } catch {
      setStats(null); // no content script there (a browser page, a store page, a PDF)
    }
  };

  useEffect(() => {
    void sendToBackground({ type: "backstory:get-settings" }).then((r) => setSettings(r.settings));
    void findTargetTab().then((id) => {
      setTabId(id);
      void refreshStats(id);
    });
  }, []);

  if (!settings) return <p class="muted">Loading…</p>;

  const setCategory = async (category: Category, enabled: boolean) => {
    setSettings((await sendToBackground({ type: "backstory:set-category", category, enabled })).settings);
  };
  const setSite = async (enabled: boolean) => {
    if (!stats) return;
    setSettings((await sendToBackground({ type: "backstory:set-site-enabled", host: stats.host, enabled })).settings);
    // The page applies the change on its own; ask again once it has.
    setTimeout(() => void refreshStats(tabId), 300);
  };
  const siteOn = stats ? !settings.disabledSites.includes(stats.host) : false;
  const total = stats ? CATEGORIES.reduce((n, c) => n + stats.counts[c], 0) : 0;

  return (
    <>
      <h1>
        <img src="icons/icon-32.png" alt="" /> Backstory
      </h1>
      <fieldset>
        <div class="row">
          <label>
            <input
              type="checkbox"
              role="switch"
              aria-checked={siteOn}
              checked={siteOn}
              disabled={!stats}
              onChange={(e) => void setSite(e.currentTarget.checked)}
            />
            {stats ? `On ${stats.host}` : "This site"}
          </label>
        </div>
        <p class="muted" aria-live="polite">
          {stats
            ? `${total} ${total === 1 ? "mention" : "mentions"} on this page`
            : "Backstory does not run on this page."}
        </p>
      </fieldset>
      <fieldset>
        <legend>Explain</legend>
        {CATEGORIES.map((c) => (
          <div class="row" key={c}>
            <label>
              <input
                type="checkbox"
                role="switch"
                aria-checked={settings.categories[c]}
                checked={settings.categories[c]}
                onChange={(e) => void setCategory(c, e.currentTarget.checked)}
              />
              {categoryLabel(c, "many")}
            </label>
            {stats && (
              <span class="count" title="Mentions on this page">
                {stats.counts[c]}
              </span>
            )}
          </div>
        ))}
      </fieldset>
      <p>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Glossaries and options
        </button>
      </p>
    </>
  );
}
