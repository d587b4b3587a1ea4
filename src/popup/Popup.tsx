import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { CategorySwitch } from "../shared/CategorySwitch.tsx";
import { CATEGORIES, type Category } from "../shared/categories.ts";
import { countOf } from "../shared/count.ts";
import { useEntryTitles } from "../shared/entry-titles.ts";
import { t } from "../shared/i18n.ts";
import { categoryLabel } from "../shared/labels.ts";
import { useLatestSettings } from "../shared/latest-settings.ts";
import { ModeChoice } from "../shared/ModeChoice.tsx";
import type { PageEntry, PageStats } from "../shared/protocol-types.ts";
import { sendToBackground, sendToTab } from "../shared/runtime.ts";
import { isSiteEnabled, type MarkMode, SETTINGS_KEY } from "../shared/settings.ts";
import { ArticleDate } from "./ArticleDate.tsx";
import { findTargetTab } from "./target-tab.ts";

/** The page may still be reading (or change): its stats are asked for again this often while the popup is open. */
const STATS_REFRESH_MS = 1500;

/** "1 mention", "12 mentions". */
const mentions = (n: number) => countOf(n, "mentionsOne", "mentionsMany");

/**
 * The toolbar popup: this site's switch, the reading mode, a switch per category with this
 * page's counts, and the page's entries by category (choosing one shows it on the page).
 */
export function Popup() {
  const [settings, showSettings] = useLatestSettings();
  const [stats, setStats] = useState<PageStats | null>(null);
  const [tabId, setTabId] = useState<number | undefined>();
  const [notice, setNotice] = useState("");
  const titles = useEntryTitles(stats?.entries.map((e) => e.id) ?? []);

  const refreshStats = async (id: number | undefined) => {
    if (id === undefined) return;
    try {
      setStats(await sendToTab(id, { type: "backstory:get-page-stats" }));
    } catch {
      setStats(null); // no content script there (a browser page, a store page, a PDF)
    }
  };

  useEffect(() => {
    void showSettings(sendToBackground({ type: "backstory:get-settings" }));
    let timer: ReturnType<typeof setInterval> | undefined;
    void findTargetTab().then((id) => {
      setTabId(id);
      void refreshStats(id);
      timer = setInterval(() => void refreshStats(id), STATS_REFRESH_MS);
    });
    // Changed elsewhere (the options page, a card's "I know this"): show the new values.
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>) => {
      if (!(SETTINGS_KEY in changes)) return;
      void showSettings(sendToBackground({ type: "backstory:get-settings" }));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      clearInterval(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  if (!settings) return <p class="muted">{t("loading")}</p>;

  /** Asks the page again once it has applied a change (it does so through storage.onChanged). */
  const statsSoon = () => setTimeout(() => void refreshStats(tabId), 300);
  const setCategory = async (category: Category, enabled: boolean) => {
    await showSettings(sendToBackground({ type: "backstory:set-category", category, enabled }));
    statsSoon();
  };
  const setSite = async (enabled: boolean) => {
    if (!stats) return;
    await showSettings(sendToBackground({ type: "backstory:set-site-enabled", host: stats.host, enabled }));
    statsSoon();
  };
  const setFamiliar = async (enabled: boolean) => {
    await showSettings(sendToBackground({ type: "backstory:set-underline-familiar", enabled }));
  };
  const setMode = async (mode: MarkMode) => {
    await showSettings(sendToBackground({ type: "backstory:set-mode", mode }));
  };
  const setArticleDay = async (day: string | null) => {
    if (tabId === undefined) return;
    try {
      await sendToTab(tabId, { type: "backstory:set-article-date", day });
    } catch {
      // the page went away
    }
    await refreshStats(tabId);
  };
  const showEntry = async (id: string) => {
    if (tabId === undefined) return;
    setNotice("");
    let shown = false;
    try {
      shown = (await sendToTab(tabId, { type: "backstory:show-entry", id })).shown;
    } catch {
      // the page went away
    }
    if (!shown) {
      setNotice(t("popupEntryGone"));
      void refreshStats(tabId);
      return;
    }
    // A toolbar popup closes so the reader sees the card; opened as a tab, it stays.
    if (!(await browser.tabs.getCurrent())) window.close();
  };

  const siteOn = stats ? isSiteEnabled(settings, stats.host) : false;
  const total = stats ? CATEGORIES.reduce((n, c) => n + stats.counts[c], 0) : 0;

  return (
    <>
      <h1>
        <img src="icons/icon-32.png" alt="" /> {t("extName")}
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
            {stats ? t("popupSiteOn", stats.host) : t("popupSiteUnknown")}
          </label>
        </div>
        {/* Not a live region: the count is refreshed while the page is read, and would be re-announced. */}
        <p class="muted">
          {!stats ? t("popupUnavailable") : siteOn ? t("popupMentionsOnPage", mentions(total)) : t("popupSiteOff")}
        </p>
        {stats?.truncated && siteOn && <p class="muted">{t("popupTruncated")}</p>}
        {stats && siteOn && settings.thenAndSince && (
          <ArticleDate date={stats.articleDate} onSet={(day) => setArticleDay(day)} />
        )}
      </fieldset>

      <ModeChoice
        mode={settings.mode}
        onChange={(m) => void setMode(m)}
        underlineFamiliar={settings.underlineFamiliar}
        onFamiliarChange={(on) => void setFamiliar(on)}
        rowClass="row"
      />

      <fieldset>
        <legend>{t("popupCategoriesLegend")}</legend>
        {CATEGORIES.map((c) => (
          <div class="row" key={c}>
            <CategorySwitch category={c} on={settings.categories[c]} onChange={(on) => void setCategory(c, on)} />
            {stats && (
              <span class="count" title={t("popupCountTitle")}>
                {stats.counts[c]}
              </span>
            )}
          </div>
        ))}
      </fieldset>

      {stats && siteOn && <PageEntries entries={stats.entries} titles={titles} onShow={(id) => void showEntry(id)} />}
      {notice && (
        <p class="muted" role="status">
          {notice}
        </p>
      )}

      <p>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t("popupOptionsLink")}
        </button>
      </p>
    </>
  );
}

/** The page's entries under their categories' headings (categories in the usual order, entries in page order). */
function PageEntries({
  entries,
  titles,
  onShow,
}: {
  entries: PageEntry[];
  titles: ReadonlyMap<string, string>;
  onShow: (id: string) => void;
}) {
  const groups = CATEGORIES.map((c) => ({ category: c, entries: entries.filter((e) => e.category === c) })).filter(
    (g) => g.entries.length > 0,
  );
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading">{t("popupEntriesHeading")}</h2>
      {groups.length === 0 ? (
        <p class="muted">{t("popupNoEntries")}</p>
      ) : (
        <>
          <p class="muted">{t("popupEntriesHint")}</p>
          <div class="entries">
            {groups.map((g) => (
              <div key={g.category}>
                <h3 id={`entries-${g.category}`}>{categoryLabel(g.category, "many")}</h3>
                <ul aria-labelledby={`entries-${g.category}`}>
                  {g.entries.map((e) => {
                    const title = titles.get(e.id) ?? e.text;
                    return (
                      <li key={e.id}>
                        <button type="button" class="entry" onClick={() => onShow(e.id)}>
                          <span class="entry-title">{title}</span>
                          {/* Read as "2 mentions"; seen as "2". */}
                          <span class="count" aria-hidden="true">
                            {e.count}
                          </span>
                          <span class="visually-hidden">{mentions(e.count)}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
