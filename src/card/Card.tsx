import { useState } from "preact/hooks";
import type { Entry } from "../glossary/schema.ts";
import { CATEGORY_LABEL, formatDate, isWebUrl } from "../shared/labels.ts";

export interface CardProps {
  /** The mention's entry first, then the entries found inside its phrase. */
  entries: readonly Entry[];
  /** The words on the page that matched. */
  matchedText: string;
  onClose: () => void;
}

/** The explanation card. Every string is rendered as text: glossary text is never HTML. */
export function Card({ entries, matchedText, onClose }: CardProps) {
  const [openId, setOpenId] = useState<string | null>(null);
  const main = entries[0];
  const shown = entries.find((e) => e.id === openId) ?? main;
  const within = shown === main ? entries.slice(1) : [];
  const headingId = `backstory-card-title-${shown.id}`;
  return (
    <div
      class="card"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      {shown !== main && (
        <button type="button" class="back" onClick={() => setOpenId(null)}>
          ← {main.title}
        </button>
      )}
      <div class="category">{CATEGORY_LABEL[shown.category].one}</div>
      <h2 id={headingId}>{shown.title}</h2>
      <p class="summary">{shown.summary}</p>
      {shown.asOf && <p class="as-of">As of {formatDate(shown.asOf)}</p>}
      <ul class="sources" aria-label="Read more">
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
      {within.length > 0 && (
        <div class="within">
          In “{matchedText}”:{" "}
          {within.map((e, i) => (
            <span key={e.id}>
              {i > 0 && " · "}
              <button type="button" onClick={() => setOpenId(e.id)}>
                {e.title}
              </button>
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
