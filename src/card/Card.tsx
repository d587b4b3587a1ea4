import { useEffect, useState } from "preact/hooks";
import type { Entry } from "../glossary/schema.ts";
import { t, uiDirection } from "../shared/i18n.ts";
import { categoryLabel, formatDate, formatPartialDate, isWebUrl } from "../shared/labels.ts";
import { officeThenAndSince } from "../shared/offices.ts";
import { type ThenAndSince, thenAndSince } from "../shared/timeline.ts";
import { relatedIds } from "./related.ts";

export interface CardProps {
  /** The mention's entry first, then the entries found inside its phrase. */
  entries: readonly Entry[];
  /** The words on the page that matched. */
  matchedText: string;
  /** Entries by id, for related entries (opened inside the card). */
  lookup: (ids: string[]) => Promise<Entry[]>;
  /**
   * The first entry's related entries, when looked up before the card was shown: the card then
   * appears whole at once instead of growing (and moving) a moment later.
   */
  relatedOfFirst?: readonly Entry[];
  pinned: boolean;
  onPin: () => void;
  onClose: () => void;
  /** Whether the reader said they know an entry, and the switch for it ("I know this"). */
  isKnown: (id: string) => boolean;
  onKnown: (id: string, known: boolean) => void;
  /** The day the page's article was written, when known and the reader wants "then and since". */
  articleDay?: string | null;
  /**
   * The office the page named by its title ("the prime minister"), when the first entry is the
   * person who held it on the article's day.
   */
  heldOffice?: Entry | null;
}

/**
 * The explanation card. Every string is rendered as text: glossary text is never HTML.
 * Related and nested entries open inside the card; Back walks the way back.
 */
export function Card({
  entries,
  matchedText,
  lookup,
  relatedOfFirst,
  pinned,
  onPin,
  onClose,
  isKnown,
  onKnown,
  articleDay,
  heldOffice,
}: CardProps) {
  const main = entries[0];
  /** Entries opened inside the card, most recent last. */
  const [trail, setTrail] = useState<Entry[]>([]);
  const [related, setRelated] = useState<readonly Entry[]>(relatedOfFirst ?? []);
  const [known, setKnown] = useState<Record<string, boolean>>({});
  const shown = trail.at(-1) ?? main;
  const previous = trail.length > 1 ? trail[trail.length - 2] : main;
  const within = shown === main ? entries.slice(1) : [];
  const headingId = `backstory-card-title-${shown.id}`;
  const knows = known[shown.id] ?? isKnown(shown.id);
  const history = !articleDay
    ? null
    : shown.office
      ? officeThenAndSince(shown.office, articleDay, shown.asOf)
      : thenAndSince(shown.timeline, articleDay);

  useEffect(() => {
    let live = true;
    if (shown === main && relatedOfFirst) {
      setRelated(relatedOfFirst);
      return;
    }
    setRelated([]);
    const ids = relatedIds(shown, main);
    if (ids.length) {
      lookup(ids)
        .then((found) => live && setRelated(found))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [shown, main, lookup, relatedOfFirst]);

  const open = (entry: Entry) => setTrail([...trail, entry]);
  const setKnows = (value: boolean) => {
    setKnown({ ...known, [shown.id]: value });
    onKnown(shown.id, value);
  };

  return (
    <div
      class="card"
      role="dialog"
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-describedby={`${headingId}-summary`}
      dir={uiDirection()}
      data-pinned={pinned ? "" : undefined}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
      onClick={(e) => {
        // A click inside the card keeps it open (links and buttons do their own thing too).
        if (!pinned && !(e.target as Element).closest?.(".actions")) onPin();
      }}
    >
      <div class="top">
        <span class="category">{categoryLabel(shown.category, "one")}</span>
        <span class="actions">
          <button
            type="button"
            class="icon"
            aria-pressed={pinned}
            title={t(pinned ? "cardPinned" : "cardPin")}
            onClick={onPin}
          >
            <span aria-hidden="true">{pinned ? "●" : "○"}</span>
            {/* One name; aria-pressed says whether it is on (the tooltip may say it in words). */}
            <span class="visually-hidden">{t("cardPin")}</span>
          </button>
          <button type="button" class="icon" title={t("cardClose")} onClick={onClose}>
            <span aria-hidden="true">×</span>
            <span class="visually-hidden">{t("cardClose")}</span>
          </button>
        </span>
      </div>
      {trail.length > 0 && (
        <button type="button" class="link back" onClick={() => setTrail(trail.slice(0, -1))}>
          {t("cardBack", previous.title)}
        </button>
      )}
      <h2 id={headingId}>{shown.title}</h2>
      {shown === main && heldOffice && articleDay && (
        <p class="held-office">{t("cardHeldOffice", heldOffice.title, formatDate(articleDay))}</p>
      )}
      {history && articleDay && <ThenSince day={articleDay} history={history} />}
      <p class="summary" id={`${headingId}-summary`}>
        {shown.summary}
      </p>
      {shown.asOf && <p class="as-of">{t("cardAsOf", formatDate(shown.asOf))}</p>}
      <ul class="sources" aria-label={t("cardReadMore")}>
        {shown.sources
          .filter((s) => isWebUrl(s.url))
          .map((s) => (
            <li key={s.url}>
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
            </li>
          ))}
      </ul>
      {within.length > 0 && <EntryLinks label={t("cardWithin", matchedText)} entries={within} onOpen={open} />}
      {related.length > 0 && <EntryLinks label={t("cardRelated")} entries={related} onOpen={open} />}
      <div class="foot">
        <span class="matched">{shown === main ? t("cardMatched", matchedText) : ""}</span>
        {knows ? (
          <button type="button" class="link" onClick={() => setKnows(false)}>
            {t("cardKnown")}
          </button>
        ) : (
          <button type="button" class="link" onClick={() => setKnows(true)}>
            {t("cardKnow")}
          </button>
        )}
      </div>
    </div>
  );
}

/** A line of entries that open inside the card (nested in the phrase, or related). */
function EntryLinks({
  label,
  entries,
  onOpen,
}: {
  label: string;
  entries: readonly Entry[];
  onOpen: (e: Entry) => void;
}) {
  return (
    <p class="more">
      {label}{" "}
      {entries.map((e, i) => (
        <span key={e.id}>
          {i > 0 && " · "}
          <button type="button" class="link" onClick={() => onOpen(e)}>
            {e.title}
          </button>
        </span>
      ))}
    </p>
  );
}

/**
 * On an older article: what held on its day and what changed after (src/shared/timeline.ts),
 * before the summary, which is today's.
 */
function ThenSince({ day, history }: { day: string; history: ThenAndSince }) {
  return (
    <div class="then">
      <p class="then-label">{t("cardThen", formatDate(day))}</p>
      {history.held.length > 0 && (
        <ul>
          {history.held.map((item) => (
            <li key={`${item.from} ${item.text}`}>{t("cardBegan", formatPartialDate(item.from), item.text)}</li>
          ))}
        </ul>
      )}
      <p class="then-label">{t("cardSince")}</p>
      <ul>
        {history.since.map(({ item, change, at }) => (
          <li key={`${change} ${at} ${item.text}`}>
            {t(change === "began" ? "cardBegan" : "cardEnded", formatPartialDate(at), item.text)}
          </li>
        ))}
      </ul>
      <p class="then-label">{t("cardNow")}</p>
    </div>
  );
}
