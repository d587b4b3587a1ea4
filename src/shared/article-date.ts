/**
 * When an article was published, from what its page says (issue 13). Pure logic: the content
 * script collects the candidates (src/content/article-date-reader.ts); this reads each one as a
 * calendar date and decides, in order of trust, which to believe.
 *
 * A date is a calendar day as the publication wrote it ("2019-11-20T23:30:00-05:00" is the 20th,
 * in the publication's own zone): a card says "when this was written, 20 Nov 2019", and a
 * timeline's items are dated to the day at best.
 */

/** A calendar day, as "YYYY-MM-DD" (compares as a string). */
export type Day = string;

/** Where a candidate was found, most trusted first. */
export const DATE_SOURCES = ["jsonld", "meta", "time", "url", "text"] as const;
export type DateSource = (typeof DATE_SOURCES)[number];
/** Where the date in force came from: the page (a DateSource), or the reader, who corrected it in the popup. */
export type ArticleDateSource = DateSource | "reader";

export interface DateCandidate {
  source: DateSource;
  /** What the page says, as written ("2019-11-20T06:07:00Z", "November 20, 2019 / 1:07 AM", a URL path). */
  value: string;
  /**
   * A publication date; a "created" one (JSON-LD's dateCreated: some sites set it when they
   * re-save an old article, so it counts only where no source gives a publication date); or a
   * "modified"/"updated" one, never taken as the publication date.
   */
  kind: "published" | "created" | "modified";
}

export interface ArticleDate {
  published: Day;
  /** The most trusted "updated" date on or after the publication date, if the page gives one. */
  updated: Day | null;
  source: DateSource;
}

const MONTHS: Record<string, number> = {};
// English, French and German month names and their usual abbreviations (the corpus's languages).
for (const [i, names] of [
  "january jan janvier janv januar jän",
  "february feb febr février févr februar",
  "march mar mars märz mär",
  "april apr avril avr",
  "may mai",
  "june jun juin juni",
  "july jul juillet juil juli",
  "august aug août aout",
  "september sep sept septembre",
  "october oct octobre oktober okt",
  "november nov novembre",
  "december dec décembre déc dezember dez",
].entries())
  for (const name of names.split(" ")) MONTHS[name] = i + 1;

const MONTH = "([a-zà-ÿ]{3,9})\\.?";
/** "November 20, 2019", "Nov. 20 2019", "Fri May 10, 2019". */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "iu");
/** "20 November 2019", "20. November 2019", "1er mai 2019". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:er|\\.)?\\s+${MONTH}\\s+(\\d{4})\\b`, "iu");
/** ISO 8601 and its relatives: "2019-11-20", "2019-11-20T06:07:00Z", "2019/11/20 06:07". */
const ISO = /\b(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ]|\b)/;
/** Compact: "20191120" (some meta tags), only where the whole value is the date. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\d{4,6})?$/;
/** A date in a URL path: "/2019/11/20/", "/2019-11-20-", "/20191120/". */
const URL_PATH = /\/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?=[-/_.]|$)|\/((?:19|20)\d{2})(\d{2})(\d{2})\//;
/** Day first with dots, as German and French pages write it: "20.11.2019". */
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;

function day(year: number, month: number, date: number): Day | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || date < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (date > days) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

/** The calendar day a candidate's text names, or null when it names none (or an impossible one). */
export function parseDay(value: string, source: DateSource): Day | null {
  const text = value.trim();
  if (source === "url") {
    const m = URL_PATH.exec(text.replace(/[?#].*$/, ""));
    if (!m) return null;
    return m[1] ? day(+m[1], +m[2], +m[3]) : day(+m[4], +m[5], +m[6]);
  }
  const iso = ISO.exec(text);
  if (iso) return day(+iso[1], +iso[2], +iso[3]);
  const compact = COMPACT.exec(text);
  if (compact) return day(+compact[1], +compact[2], +compact[3]);
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy && MONTHS[mdy[1].toLowerCase()]) return day(+mdy[3], MONTHS[mdy[1].toLowerCase()], +mdy[2]);
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy && MONTHS[dmy[2].toLowerCase()]) return day(+dmy[3], MONTHS[dmy[2].toLowerCase()], +dmy[1]);
  const dotted = DOTTED.exec(text);
  if (dotted) return day(+dotted[3], +dotted[2], +dotted[1]);
  return null;
}

/** The earliest day a news article can carry, and how far past today a clock may be off. */
const EARLIEST: Day = "1900-01-01";

/** Today plus one day, as a Day (a page's clock, or its zone, may run ahead of ours by hours). */
function latestAllowed(now: Date): Day {
  const t = new Date(now.getTime() + 24 * 3600 * 1000);
  return day(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()) ?? "9999-12-31";
}

/**
 * The article's date: the most trusted publication date that is possible (from 1900 to today),
 * or null when there is none. A less trusted source that names another day is ignored; so is a
 * "modified" date, except as `updated`.
 */
export function chooseArticleDate(candidates: readonly DateCandidate[], now: Date): ArticleDate | null {
  const latest = latestAllowed(now);
  const valid = (c: DateCandidate): Day | null => {
    const d = parseDay(c.value, c.source);
    return d && d >= EARLIEST && d <= latest ? d : null;
  };
  let best: { day: Day; rank: number; source: DateSource } | null = null;
  for (const c of candidates) {
    if (c.kind === "modified") continue;
    const d = valid(c);
    // Every publication date ranks before every "created" one; within each, by source.
    const rank = DATE_SOURCES.indexOf(c.source) + (c.kind === "created" ? DATE_SOURCES.length : 0);
    if (d && (!best || rank < best.rank)) best = { day: d, rank, source: c.source };
  }
  if (!best) return null;
  let updated: Day | null = null;
  for (const c of candidates) {
    if (c.kind !== "modified") continue;
    const d = valid(c);
    if (d && d > best.day && (!updated || d > updated)) updated = d;
  }
  return { published: best.day, updated, source: best.source };
}
