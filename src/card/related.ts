import type { Entry } from "../glossary/schema.ts";

/**
 * The related entries a card lists for `shown` (at most eight; never the card's own first
 * entry). Apart from Card.tsx so that the content script can look them up when a hover starts
 * without carrying the card's code.
 */
export function relatedIds(shown: Entry, main: Entry): string[] {
  return shown.related.filter((id) => id !== main.id).slice(0, 8);
}
