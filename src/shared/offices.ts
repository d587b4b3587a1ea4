/**
 * Offices as they were (issue 13): who held an office on an article's day. Pure: the card
 * controller asks for the holder's entry, and the card renders the office's history.
 */
import type { Office, OfficeHolder, TimelineItem } from "../glossary/schema.ts";
import type { Day } from "./article-date.ts";
import { type ThenAndSince, thenAndSince } from "./timeline.ts";

/**
 * The holder on `day`, when that is certain: they took office before it and left after it. On
 * a day of handover the article may have been written before or after it, so there is no
 * answer; nor before the first listed holder, nor in a vacancy.
 */
export function holderOn(office: Office, day: Day): OfficeHolder | null {
  for (const holder of office.holders) {
    if (holder.from < day && (!holder.to || day < holder.to)) return holder;
  }
  return null;
}

/** The holders as a timeline: each holder from the day they took office to the day they left. */
export function holdersTimeline(office: Office): TimelineItem[] {
  return office.holders.map((h) => (h.to ? { text: h.name, from: h.from, to: h.to } : { text: h.name, from: h.from }));
}

/**
 * The office seen from `day`: who held it then, and who held it after. Null when the holder
 * then is not certain (see holderOn) or still holds it: the card is then as today.
 */
export function officeThenAndSince(office: Office, day: Day): ThenAndSince | null {
  if (!holderOn(office, day)) return null;
  return thenAndSince(holdersTimeline(office), day);
}
