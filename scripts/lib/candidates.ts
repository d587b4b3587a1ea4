// Candidate terms for glossary editors: capitalised phrases and acronyms that recur on a page.

const STOP = new Set(
  "A An And As At But By For From He Her His I If In It Its Mr Mrs Ms Dr No Not Of On Or Our She So The Their There They This Those To We What When Where Which Who Why With You Your Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Read More Share Sign Subscribe Advertisement Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Follow Facebook Twitter Instagram Email Print Comments Image Photo Getty Images AP Reuters AFP Now Photos Photo All Rights Reserved Click Conditions Continue That Terms Privacy Policy Menu Search Home Video Videos News More Log Login Sign Skip Content Close Open Next Previous Page Copyright Cookies Settings Undo Media Watch Listen Related Latest Top Trending Share Tweet Like Comment Reply Advertise Contact About Help Terms Use Here See Also Show Hide Load View Loading Play Pause Back Today Yesterday Read Full Story Stories Opinion Sports Business Politics World Tech Technology Science Health Entertainment Style Travel Lifestyle Live Most Popular Sections Site Map Subscribe Subscriber Subscribers Account Edition Edit Updated Published Posted".split(
    " ",
  ),
);

// One to four capitalised words (allowing "of", "the", "and" inside), or an acronym of 2–6 capitals/digits.
const PHRASE =
  /\b(?:\p{Lu}[\p{L}'’-]+)(?:\s+(?:(?:of|the|and|for|de|du|von)\s+)?\p{Lu}[\p{L}'’-]+){0,3}\b|\b\p{Lu}[\p{Lu}\d]{1,5}\b/gu;

/**
 * Counts candidate terms in `text`, leaving out those `isKnown` recognises (already a form of
 * an entry) and those seen fewer than `min` times. Sentence-initial single words are common
 * words more often than names, so single words must also appear mid-sentence once.
 */
export function findCandidates(
  text: string,
  isKnown: (term: string) => boolean,
  min = 2,
): { term: string; count: number }[] {
  const counts = new Map<string, { count: number; midSentence: boolean }>();
  for (const m of text.matchAll(PHRASE)) {
    const words = m[0].replace(/['’]s$/u, "").split(/\s+/);
    while (words.length && STOP.has(words[0])) words.shift();
    while (words.length && STOP.has(words[words.length - 1])) words.pop();
    if (!words.length) continue;
    const term = words.join(" ");
    if (term.length < 2 || isKnown(term)) continue;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 2), m.index).trim();
    const midSentence = before !== "" && !/[.!?:"“]$/.test(before);
    const c = counts.get(term) ?? { count: 0, midSentence: false };
    c.count++;
    c.midSentence ||= midSentence;
    counts.set(term, c);
  }
  return [...counts]
    .filter(([term, c]) => c.count >= min && (term.includes(" ") || /^\p{Lu}[\p{Lu}\d]+$/u.test(term) || c.midSentence))
    .map(([term, c]) => ({ term, count: c.count }))
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
}
