import type { Category } from "../shared/categories.ts";
import { type MessageKey, t, uiLanguage } from "./i18n.ts";

const CATEGORY_KEYS: Record<Category, { one: MessageKey; many: MessageKey }> = {
  person: { one: "categoryPersonOne", many: "categoryPersonMany" },
  organization: { one: "categoryOrganizationOne", many: "categoryOrganizationMany" },
  place: { one: "categoryPlaceOne", many: "categoryPlaceMany" },
  event: { one: "categoryEventOne", many: "categoryEventMany" },
  policy: { one: "categoryPolicyOne", many: "categoryPolicyMany" },
  concept: { one: "categoryConceptOne", many: "categoryConceptMany" },
};

/** A category's display name: singular (the card) or plural (the popup's switches). */
export function categoryLabel(category: Category, form: "one" | "many"): string {
  return t(CATEGORY_KEYS[category][form]);
}

/**
 * `day` ("2025-06-01") written in `language` with `options`, in UTC (a date, not a moment: no
 * zone may move it a day); `fallback` when it is not a date or the language tag is unknown.
 */
function writeDay(day: string, options: Intl.DateTimeFormatOptions, language: string, fallback: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return fallback;
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: "UTC" }).format(date);
  } catch {
    return fallback; // an unknown language tag
  }
}

/** "2025-06-01" as a date in the reader's language ("1 June 2025", "1 juin 2025"). */
export function formatDate(iso: string, language = uiLanguage()): string {
  return writeDay(iso, { day: "numeric", month: "long", year: "numeric" }, language, iso);
}

/** A date as precise as known ("2005", "2018-12", "2021-09-24"), written in the reader's language. */
export function formatPartialDate(date: string, language = uiLanguage()): string {
  if (date.length === 4) return date;
  const day = date.length === 7 ? `${date}-01` : date;
  const options: Intl.DateTimeFormatOptions = { month: "short", year: "numeric" };
  return writeDay(day, date.length === 10 ? { ...options, day: "numeric" } : options, language, date);
}

/** Only http(s) URLs are ever rendered as links. */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}
