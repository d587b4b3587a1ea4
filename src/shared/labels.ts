import type { Category } from "../shared/categories.ts";

/** Display names of the categories, singular (card) and plural (popup switches). */
export const CATEGORY_LABEL: Record<Category, { one: string; many: string }> = {
  person: { one: "Person", many: "People" },
  organization: { one: "Organization", many: "Organizations" },
  place: { one: "Place", many: "Places" },
  event: { one: "Event", many: "Events" },
  policy: { one: "Policy", many: "Policies" },
  concept: { one: "Concept", many: "Concepts" },
};

/** "2025-06-01" as "1 June 2025", the same in every locale of the page. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const month = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ][m - 1];
  return `${d} ${month} ${y}`;
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
