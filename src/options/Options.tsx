import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { CategorySwitch } from "../shared/CategorySwitch.tsx";
import { CATEGORIES, type Category } from "../shared/categories.ts";
import { countOf } from "../shared/count.ts";
import { useEntryTitles } from "../shared/entry-titles.ts";
import { type MessageKey, t } from "../shared/i18n.ts";
import { formatDate } from "../shared/labels.ts";
import { useLatestSettings } from "../shared/latest-settings.ts";
import { ModeChoice } from "../shared/ModeChoice.tsx";
import type { GlossaryList } from "../shared/protocol-types.ts";
import { sendToBackground } from "../shared/runtime.ts";
import {
  FEEDS_KEY,
  MARK_STYLES,
  type MarkMode,
  type MarkStyle,
  SETTINGS_KEY,
  USER_GLOSSARIES_KEY,
} from "../shared/settings.ts";
import { downloadJson, fileNameFor } from "./download.ts";
import { FeedDetails, FeedSubscribe } from "./Feeds.tsx";
import { GlossaryImport } from "./GlossaryImport.tsx";
import { GlossaryRow } from "./GlossaryRow.tsx";
import { StorageNotice } from "./StorageNotice.tsx";

const STYLE_KEYS: Record<MarkStyle, MessageKey> = {
  dotted: "optionsStyleDotted",
  solid: "optionsStyleSolid",
  tint: "optionsStyleTint",
};

/**
 * The options page: how marks look and which are shown, categories, the terms the reader
 * knows, sites switched off, bundled packs, the reader's glossaries (import, export, delete),
 * and a reset. Every change is saved by the background at once; open pages follow it.
 */
export function Options() {
  const [list, setList] = useState<GlossaryList | null>(null);
  const [settings, showSettings] = useLatestSettings();
  const [status, setStatus] = useState("");
  const refresh = async () => {
    setList(await sendToBackground({ type: "backstory:list-glossaries" }));
    await showSettings(sendToBackground({ type: "backstory:get-settings" }));
  };
  useEffect(() => {
    void refresh();
    // Changed elsewhere (the popup, a card's "I know this", another browser): show the new values.
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>) => {
      if (SETTINGS_KEY in changes || USER_GLOSSARIES_KEY in changes || FEEDS_KEY in changes) void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const setEnabled = async (kind: "pack" | "user", id: string, enabled: boolean) => {
    await sendToBackground({ type: "backstory:set-glossary-enabled", kind, id, enabled });
    await refresh();
  };
  const exportGlossary = async (id: string) => {
    const data = await sendToBackground({ type: "backstory:export-glossary", id });
    if (data) downloadJson(fileNameFor(data.name), data);
  };
  const remove = async (id: string, name: string) => {
    if (!confirm(t("optionsDeleteConfirm", name))) return;
    await sendToBackground({ type: "backstory:delete-glossary", id });
    await refresh();
  };
  const siteOn = async (host: string) => {
    await showSettings(sendToBackground({ type: "backstory:set-site-enabled", host, enabled: true }));
  };
  const setStyle = async (markStyle: MarkStyle) => {
    await showSettings(sendToBackground({ type: "backstory:set-mark-style", markStyle }));
  };
  const setFamiliar = async (enabled: boolean) => {
    await showSettings(sendToBackground({ type: "backstory:set-underline-familiar", enabled }));
  };
  const setThenAndSince = async (enabled: boolean) => {
    await showSettings(sendToBackground({ type: "backstory:set-then-and-since", enabled }));
  };
  const setMode = async (mode: MarkMode) => {
    await showSettings(sendToBackground({ type: "backstory:set-mode", mode }));
  };
  const setCategory = async (category: Category, enabled: boolean) => {
    await showSettings(sendToBackground({ type: "backstory:set-category", category, enabled }));
  };
  const unknow = async (id: string) => {
    await showSettings(sendToBackground({ type: "backstory:set-entry-known", id, known: false }));
  };
  const reset = async () => {
    if (!confirm(t("optionsResetConfirm"))) return;
    await sendToBackground({ type: "backstory:reset-settings" });
    await refresh();
    setStatus(t("optionsResetDone"));
  };

  if (!list || !settings) return <p class="muted">{t("loading")}</p>;
  return (
    <>
      <h1>{t("extName")}</h1>
      <p class="muted">{t("optionsIntro")}</p>
      <StorageNotice version={settings} />

      <section aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">{t("optionsAppearanceHeading")}</h2>
        <fieldset>
          <legend>{t("optionsStyleLegend")}</legend>
          {MARK_STYLES.map((s) => (
            <label class="choice" key={s}>
              <input
                type="radio"
                name="mark-style"
                value={s}
                checked={settings.markStyle === s}
                onChange={() => void setStyle(s)}
              />
              <span class="choice-text">{t(STYLE_KEYS[s])}</span>
              <span class="preview" aria-hidden="true">
                <span class={`sample sample-${s}`}>{t("optionsStyleSample")}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <ModeChoice
          mode={settings.mode}
          onChange={(m) => void setMode(m)}
          underlineFamiliar={settings.underlineFamiliar}
          onFamiliarChange={(on) => void setFamiliar(on)}
          labelClass="choice"
        />
        <fieldset>
          <legend>{t("optionsThenLegend")}</legend>
          <label class="choice">
            <input
              type="checkbox"
              name="then-and-since"
              checked={settings.thenAndSince}
              onChange={(e) => void setThenAndSince(e.currentTarget.checked)}
            />
            {t("optionsThenAndSince")}
          </label>
        </fieldset>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t("optionsCategoriesHeading")}</h2>
        <p class="muted">{t("optionsCategoriesHint")}</p>
        <ul class="list">
          {CATEGORIES.map((c) => (
            <li key={c}>
              <CategorySwitch category={c} on={settings.categories[c]} onChange={(on) => void setCategory(c, on)} />
            </li>
          ))}
        </ul>
      </section>

      <KnownEntries ids={settings.knownEntries} onUnknow={(id) => void unknow(id)} />

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t("optionsSitesHeading")}</h2>
        {settings.disabledSites.length === 0 && <p class="muted">{t("optionsSitesEmpty")}</p>}
        <ul class="list">
          {settings.disabledSites.map((host) => (
            <li key={host}>
              <span class="grow">{host}</span>
              <button type="button" onClick={() => void siteOn(host)} aria-label={t("optionsSiteOnLabel", host)}>
                {t("optionsSiteOn")}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading">{t("optionsPacksHeading")}</h2>
        <ul class="list">
          {list.packs.map((p) => (
            <GlossaryRow
              key={p.id}
              name={p.title}
              detail={countOf(p.count, "entriesOne", "entriesMany")}
              enabled={p.enabled}
              onToggle={(on) => void setEnabled("pack", p.id, on)}
              onExport={() => void exportGlossary(p.id)}
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="user-heading">
        <h2 id="user-heading">{t("optionsUserHeading")}</h2>
        {list.user.length === 0 && <p class="muted">{t("optionsUserEmpty")}</p>}
        <ul class="list">
          {list.user.map((g) => (
            <GlossaryRow
              key={g.id}
              name={g.name}
              detail={t(
                "optionsUserDetail",
                countOf(g.count, "entriesOne", "entriesMany"),
                formatDate(g.importedAt.slice(0, 10)),
              )}
              enabled={g.enabled}
              onToggle={(on) => void setEnabled("user", g.id, on)}
              onExport={() => void exportGlossary(g.id)}
              onDelete={() => void remove(g.id, g.name)}
            >
              {g.feed && <FeedDetails id={g.id} name={g.name} feed={g.feed} onChanged={refresh} />}
            </GlossaryRow>
          ))}
        </ul>
        <GlossaryImport onSaved={refresh} />
        <FeedSubscribe onSaved={refresh} />
      </section>

      <section aria-labelledby="reset-heading">
        <h2 id="reset-heading">{t("optionsResetHeading")}</h2>
        <p class="muted">{t("optionsResetHint")}</p>
        <p>
          <button type="button" onClick={() => void reset()}>
            {t("optionsResetButton")}
          </button>
        </p>
        {status && (
          <p role="status" class="muted">
            {status}
          </p>
        )}
      </section>
    </>
  );
}

/** The entries the reader said they know, by title, each with a button to underline it again. */
function KnownEntries({ ids, onUnknow }: { ids: string[]; onUnknow: (id: string) => void }) {
  const titles = useEntryTitles(ids);
  return (
    <section aria-labelledby="known-heading">
      <h2 id="known-heading">{t("optionsKnownHeading")}</h2>
      {ids.length === 0 ? (
        <p class="muted">{t("optionsKnownEmpty", t("cardKnow"))}</p>
      ) : (
        <p class="muted">{t("optionsKnownHint")}</p>
      )}
      <ul class="list">
        {ids.map((id) => {
          // An id no glossary has any more (a pack switched off, a glossary deleted) shows as itself.
          const title = titles.get(id) ?? id;
          return (
            <li key={id}>
              <span class="grow">{title}</span>
              <button type="button" onClick={() => onUnknow(id)} aria-label={t("optionsKnownUndoLabel", title)}>
                {t("optionsKnownUndo")}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
