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

/** "2025-06-01" as a date in the reader's language ("1 June 2025", "1 juin 2025"). */
export function formatDate(iso: string, language = uiLanguage()): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(date);
  } catch {
    return iso; // an unknown language tag
  }
}

/** A date as precise as known ("2005", "2018-12", "2021-09-24"), written in the reader's language. */
export function formatPartialDate(date: string, language = uiLanguage()): string {
  if (date.length === 4) return date;
  const when = new Date(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`);
  if (Number.isNaN(when.getTime())) return date;
  try {
    return new Intl.DateTimeFormat(language, {
      ...(date.length === 10 ? { day: "numeric" } : {}),
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(when);
  } catch {
    return date;
  }
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
