import { useState } from "preact/hooks";
import { t } from "../shared/i18n.ts";
import { formatDate } from "../shared/labels.ts";
import type { PageStats } from "../shared/protocol-types.ts";

/**
 * Which date Backstory read for the page's article ("Article from 20 Nov 2019"), on which cards
 * base what was true then; the reader may correct it for this page, or go back to the page's own.
 */
export function ArticleDate({
  date,
  onSet,
}: {
  date: PageStats["articleDate"];
  onSet: (day: string | null) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(date?.day ?? "");
  const today = new Date().toISOString().slice(0, 10);
  const label = date
    ? t(date.source === "reader" ? "popupArticleDateReader" : "popupArticleDate", formatDate(date.day))
    : t("popupArticleNoDate");
  if (!editing)
    return (
      <p class="muted article-date">
        {label}{" "}
        <button
          type="button"
          class="link"
          onClick={() => {
            setValue(date?.day ?? "");
            setEditing(true);
          }}
        >
          {t("popupArticleDateChange")}
        </button>
      </p>
    );
  return (
    <form
      class="article-date"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) void onSet(value).then(() => setEditing(false));
      }}
    >
      <label>
        {t("popupArticleDateLabel")}{" "}
        <input
          type="date"
          value={value}
          max={today}
          min="1900-01-01"
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      </label>{" "}
      <button type="submit" disabled={!value}>
        {t("popupArticleDateSave")}
      </button>{" "}
      {date?.source === "reader" && (
        <button type="button" class="link" onClick={() => void onSet(null).then(() => setEditing(false))}>
          {t("popupArticleDatePage")}
        </button>
      )}
    </form>
  );
}
