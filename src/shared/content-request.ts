/**
 * The requests a content script answers (from the popup and the background), and a hand-written
 * check of them. The zod schema beside it (content-messages.ts) states the same protocol; the
 * content script uses this check instead, so that zod is not in the script every frame of every
 * page evaluates (about 15 KB). A unit test holds the two to the same verdict on every message
 * it tries, the fuzz messages included.
 */
export type ContentRequest =
  | { type: "backstory:get-page-stats" }
  /** The popup's list: scroll to the entry's first mention and open its card. */
  | { type: "backstory:show-entry"; id: string }
  /** The keyboard commands (from the background): the next or previous mention, with its card. */
  | { type: "backstory:navigate"; direction: "next" | "previous" }
  /** The popup: the reader's date for this page's article (a day, YYYY-MM-DD), or null to read it from the page again. */
  | { type: "backstory:set-article-date"; day: string | null };

/**
 * An entry id, as everywhere in the protocol: 1 to 100 characters, counted as zod counts them
 * (code points: a surrogate pair is one, a lone surrogate one too — as the string iterator does).
 */
const isEntryId = (id: unknown): boolean =>
  typeof id === "string" && id.length >= 1 && (id.length <= 100 || [...id].length <= 100);

/** True for exactly the messages ContentRequestSchema accepts: known type, its fields, no others. */
export function isContentRequest(message: unknown): message is ContentRequest {
  if (typeof message !== "object" || message === null || Array.isArray(message)) return false;
  const m = message as Record<string, unknown>;
  const keys = Object.keys(m).sort().join(",");
  switch (m.type) {
    case "backstory:get-page-stats":
      return keys === "type";
    case "backstory:show-entry":
      return keys === "id,type" && isEntryId(m.id);
    case "backstory:navigate":
      return keys === "direction,type" && (m.direction === "next" || m.direction === "previous");
    case "backstory:set-article-date":
      return (
        keys === "day,type" && (m.day === null || (typeof m.day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(m.day)))
      );
    default:
      return false;
  }
}
