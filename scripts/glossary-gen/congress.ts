// Members of the US Congress (current) and every president and vice president, from the
// unitedstates/congress-legislators snapshot (CC0).
import { type FormRegistry, type GeneratedEntry, ordinal, possessive, year } from "./common.ts";
import type { Person, Snapshots, Term } from "./snapshots.ts";

const PARTY: Record<string, string> = { Democrat: "Democratic", Republican: "Republican", Independent: "independent" };
const NON_STATES: Record<string, string> = {
  DC: "the District of Columbia",
  PR: "Puerto Rico",
  GU: "Guam",
  VI: "the US Virgin Islands",
  AS: "American Samoa",
  MP: "the Northern Mariana Islands",
};

/** "1993–1995" ranges of consecutive terms of one type, merged. */
function spans(terms: readonly Term[], type: string): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  for (const t of terms.filter((t) => t.type === type)) {
    const last = out[out.length - 1];
    // Terms that follow on within a few days (swearing-in dates) are one span.
    if (last && Date.parse(t.start) - Date.parse(last.end) < 40 * 86_400_000) last.end = t.end;
    else out.push({ start: t.start, end: t.end });
  }
  return out;
}

/** At most this many timeline items (the schema's limit): the latest spans, which older articles most need. */
const MAX_ITEMS = 8;

/**
 * A member's seats in Congress as a timeline (issue 13): each span in the House or the Senate,
 * dated from the term data; the span still under way has no end (it holds as of the snapshot).
 */
function seatTimeline(p: Person, placeOf: (t: Term) => string, asOf: string) {
  const items: { text: string; from: string; to?: string; role: string; start: string }[] = [];
  for (const type of ["rep", "sen"] as const) {
    const terms = p.terms.filter((t) => t.type === type);
    for (const s of spans(p.terms, type)) {
      const first = terms.find((t) => t.start === s.start) ?? terms[0];
      const where = placeOf(first);
      items.push({
        text: type === "sen" ? `US senator for ${where}` : `Member of the US House of Representatives for ${where}`,
        from: s.start,
        ...(s.end > asOf ? {} : { to: s.end }),
        role: "congress-seat",
        start: s.start,
      });
    }
  }
  items.sort((a, b) => a.start.localeCompare(b.start));
  return items.slice(-MAX_ITEMS).map(({ start: _, ...item }) => item);
}

/** A president's and vice president's terms as a timeline, oldest first. */
function executiveTimeline(p: Person, asOf: string) {
  const items = [
    ...spans(p.terms, "viceprez").map((s) => ({ text: "Vice President of the United States", ...s })),
    ...spans(p.terms, "prez").map((s) => ({ text: "President of the United States", ...s })),
  ].sort((a, b) => a.start.localeCompare(b.start));
  return items
    .slice(-MAX_ITEMS)
    .map(({ text, start, end }) => ({ text, from: start, ...(end > asOf ? {} : { to: end }), role: "office" }));
}

function names(p: Person): string[] {
  const { first, last, nickname, official_full, middle, suffix } = p.name;
  const list = [official_full, `${nickname ?? first} ${last}`, `${first} ${last}`];
  if (middle && /^[A-Z]\.?$/.test(middle.trim())) list.push(`${first} ${middle.replace(/\.?$/, ".")} ${last}`);
  if (suffix) list.push(`${nickname ?? first} ${last} ${suffix}`);
  return [...new Set(list.filter((n): n is string => !!n && n.split(" ").length >= 2))];
}

/** The Biographical Directory of Congress (every legislator and president is in it) and Wikipedia. */
function sourcesOf(p: Person, name: string) {
  const title = p.id.wikipedia ?? name;
  return [
    { title: `Congress.gov Bioguide: ${name}`, url: `https://bioguide.congress.gov/search/bio/${p.id.bioguide}` },
    {
      title: `Wikipedia: ${title}`,
      url: `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, "_"))}`,
    },
  ];
}

export function generateCongress(snap: Snapshots, registry: FormRegistry, stateName: (code: string) => string) {
  const asOf = snap.congress.date;
  const out: GeneratedEntry[] = [];
  const people = [...snap.congress.legislators].sort((a, b) => a.id.bioguide.localeCompare(b.id.bioguide));
  for (const p of people) {
    const current = p.terms[p.terms.length - 1];
    const all = names(p);
    if (all.some((n) => registry.anyOwnerOf(n))) continue; // a written entry already explains them
    const party = PARTY[current.party ?? ""] ?? current.party ?? "";
    const place = current.state ? (NON_STATES[current.state] ?? stateName(current.state)) : "";
    const sen = current.type === "sen";
    const chamberSpans = spans(p.terms, current.type);
    const since = year(chamberSpans[chamberSpans.length - 1].start);
    let summary: string;
    if (sen)
      summary = `${party} US senator for ${place} since ${since}; the current term runs to January ${year(current.end)}.`;
    else if (NON_STATES[current.state ?? ""])
      summary = `${party} non-voting delegate to the US House of Representatives for ${place} since ${since}.`;
    else if (!current.district)
      summary = `${party} member of the US House of Representatives for ${place} (its single, at-large seat) since ${since}.`;
    else
      summary = `${party} member of the US House of Representatives for ${possessive(place)} ${ordinal(current.district)} congressional district since ${since}.`;
    const other = spans(p.terms, sen ? "rep" : "sen");
    if (other.length) {
      const s = other[0];
      summary += sen
        ? ` Earlier a House member, ${year(s.start)}–${year(other[other.length - 1].end)}.`
        : ` Earlier a US senator, ${year(s.start)}–${year(other[other.length - 1].end)}.`;
    }
    const short = p.name.last;
    const titled = sen
      ? [`Sen. ${all[0]}`, `Senator ${all[0]}`]
      : NON_STATES[current.state ?? ""]
        ? [`Del. ${all[0]}`, `Delegate ${all[0]}`]
        : [`Rep. ${all[0]}`, `Representative ${all[0]}`];
    const id = registry.freeId(all[0], current.state ?? "", "congress");
    const entry = registry.add({
      id,
      title: all[0],
      category: "person",
      forms: [...all, ...titled],
      shortForms: [short, ...(sen ? [`Sen. ${short}`, `Senator ${short}`] : [`Rep. ${short}`])],
      context: [],
      summary,
      asOf,
      sources: sourcesOf(p, all[0]),
      related: [],
      familiarity: sen ? "general" : "specialist",
      timeline: seatTimeline(p, (t) => (t.state ? (NON_STATES[t.state] ?? stateName(t.state)) : ""), asOf),
    });
    if (entry) out.push(entry);
  }

  const executives: GeneratedEntry[] = [];
  for (const p of snap.congress.executive) {
    const all = names(p);
    if (all.some((n) => registry.anyOwnerOf(n))) continue;
    const prez = spans(p.terms, "prez");
    const vp = spans(p.terms, "viceprez");
    const parties = [...new Set(p.terms.map((t) => t.party).filter((x): x is string => !!x && x !== "no party"))];
    const span = (s: { start: string; end: string }[]) => s.map((x) => `${year(x.start)}–${year(x.end)}`).join(" and ");
    const parts: string[] = [];
    if (prez.length) parts.push(`President of the United States, ${span(prez)}`);
    if (vp.length)
      parts.push(`${prez.length ? "earlier vice president" : "Vice President of the United States"}, ${span(vp)}`);
    if (!parts.length) continue;
    const partyText = parties.length ? ` (${parties.join(", then ")})` : "";
    const summary = `${parts.join("; ")}${partyText}.`;
    const id = registry.freeId(all[0], "us-president");
    const entry = registry.add({
      id,
      title: all[0],
      category: "person",
      forms: [...all, ...(prez.length ? [`President ${all[0]}`] : [`Vice President ${all[0]}`])],
      shortForms: [p.name.last, ...(prez.length ? [`President ${p.name.last}`] : [])],
      context: [],
      summary,
      asOf,
      sources: sourcesOf(p, all[0]),
      related: [],
      familiarity: prez.length ? "general" : "specialist",
      timeline: executiveTimeline(p, asOf),
    });
    if (entry) executives.push(entry);
  }
  return { congress: out, executives };
}
