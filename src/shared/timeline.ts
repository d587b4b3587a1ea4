/**
 * What an entry's timeline says about the day an article was written (issue 13): what held
 * then, and what has changed since. Pure: the card renders the result.
 *
 * Timeline dates are as precise as known ("2005", "2018-12", "2021-09-24"); a day that falls
 * inside a date's period ("2021-05-03" inside "2021") leaves it open whether the item had
 * started or ended, and the card claims only what is certain.
 */
import type { TimelineItem } from "../glossary/schema.ts";
import type { Day } from "./article-date.ts";

/** -1 when partial date `p` is wholly before `day`, 1 when wholly after, 0 when `day` falls within it. */
export function placeAgainst(p: string, day: Day): -1 | 0 | 1 {
  const same = day.slice(0, p.length);
  return p < same ? -1 : p > same ? 1 : 0;
}

/** Certainly begun by `day`: started before it, or on that very day. */
const begunBy = (item: TimelineItem, day: Day) => {
  const at = placeAgainst(item.from, day);
  return at < 0 || (at === 0 && item.from.length === day.length);
};
/** Certainly still holding on `day`: no end, or an end wholly after it. */
const heldThrough = (item: TimelineItem, day: Day) => !item.to || placeAgainst(item.to, day) > 0;

export interface ThenAndSince {
  /** What held on the article's day, oldest first. */
  held: TimelineItem[];
  /** What changed after it, in the order it happened: items that began, and items of `held` that ended. */
  since: { item: TimelineItem; change: "began" | "ended"; at: string }[];
}

/**
 * The timeline seen from `day`; null when it says nothing changed after that day (the card is
 * then as today), or when nothing in it is certain at that day.
 */
export function thenAndSince(timeline: readonly TimelineItem[] | undefined, day: Day): ThenAndSince | null {
  if (!timeline?.length) return null;
  const held = timeline.filter((item) => begunBy(item, day) && heldThrough(item, day));
  const since: ThenAndSince["since"] = [];
  for (const item of timeline) {
    if (placeAgainst(item.from, day) > 0) since.push({ item, change: "began", at: item.from });
    else if (held.includes(item) && item.to) since.push({ item, change: "ended", at: item.to });
  }
  if (!since.length) return null;
  since.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { held, since };
}
