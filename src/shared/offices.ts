/**
 * Offices as they were (issue 13): who held an office on an article's day. Pure: the card
 * controller asks for the holder's entry, and the card renders the office's history.
 */
import type { Office, OfficeHolder, TimelineItem } from "../glossary/schema.ts";
import { normalizeForm } from "../matcher/chars.ts";
import type { Day } from "./article-date.ts";
import { type ThenAndSince, thenAndSince } from "./timeline.ts";

/**
 * The holder on `day`, when that is certain: they took office before it and left after it. On
 * a day of handover the article may have been written before or after it, so there is no
 * answer; nor before the first listed holder, nor in a vacancy; nor, for the last holder, after
 * `knownUntil` (the office entry's asOf): the list may not know of a change since.
 */
export function holderOn(office: Office, day: Day, knownUntil?: Day): OfficeHolder | null {
  for (const holder of office.holders) {
    const ended = holder.to ? day < holder.to : !knownUntil || day <= knownUntil;
    if (holder.from < day && ended) return holder;
  }
  return null;
}

/**
 * Whether the page's words name the office's holder by a bare title ("The Prime Minister"), as
 * against a full form of the office ("British prime minister", often before someone's name:
 * "former British prime minister Tony Blair"), which is explained as the office.
 */
export function namesHolder(office: Office, matchedText: string): boolean {
  const words = normalizeForm(matchedText).toLowerCase();
  return office.titles.some((title) => normalizeForm(title) === words);
}

/**
 * Whether the page leaves no doubt that a bare title means `country`'s office: the page names
 * that country (itself, its offices or their holders) at least twice, and at least twice as
 * often as any other. The matcher already left the title unmarked where two countries with an
 * office of that title are named; this also catches a country the glossary has no office for
 * ("Pakistan's prime minister" on a page that names India once) and a name inside a longer one
 * ("New Mexico" is not Mexico: only resolved mentions count).
 */
export function countryIsClear(mentions: ReadonlyMap<string, number>, country: string): boolean {
  const own = mentions.get(country) ?? 0;
  if (own < 2) return false;
  for (const [other, n] of mentions) if (other !== country && n * 2 > own) return false;
  return true;
}

/** The holders as a timeline: each holder from the day they took office to the day they left. */
export function holdersTimeline(office: Office): TimelineItem[] {
  return office.holders.map((h) => (h.to ? { text: h.name, from: h.from, to: h.to } : { text: h.name, from: h.from }));
}

/**
 * The office seen from `day`: who held it then, and who held it after. Null when the holder
 * then is not certain (see holderOn) or still holds it: the card is then as today.
 */
export function officeThenAndSince(office: Office, day: Day, knownUntil?: Day): ThenAndSince | null {
  if (!holderOn(office, day, knownUntil)) return null;
  return thenAndSince(holdersTimeline(office), day);
}
