// Constituents of the S&P 500 index, from the datasets/s-and-p-500-companies snapshot (PDDL).

import { commonEnglishWords } from "../lib/common-words.ts";
import { type FormRegistry, type GeneratedEntry, isRiskyName } from "./common.ts";
import type { Snapshots } from "./snapshots.ts";

let common: Set<string> | null = null;
function veryCommon(word: string): boolean {
  common ??= commonEnglishWords(3000);
  return common.has(word.toLowerCase());
}

/** Legal suffixes news copy drops: "Apple Inc." is "Apple". */
const SUFFIX =
  /,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|plc|PLC|Ltd\.?|Limited|Holdings?|Group|N\.V\.|S\.A\.|AG|SE|L\.P\.)$/;

export function generateCompanies(snap: Snapshots, registry: FormRegistry): GeneratedEntry[] {
  const asOf = snap.sp500.date;
  const out: GeneratedEntry[] = [];
  const seen = new Set<string>();
  for (const c of [...snap.sp500.companies].sort((a, b) => a.symbol.localeCompare(b.symbol))) {
    // "Alphabet Inc. (Class A)" → "Alphabet Inc."; "Walt Disney Company (The)" → "The Walt
    // Disney Company"; "Lilly (Eli)" → "Eli Lilly": the list sorts by name, news does not.
    const name = c.security
      .replace(/\s*\((?:The\s+)?Class [A-Z]\)$/i, "")
      .replace(/^(.+?)\s*\(([^)]+)\)$/, "$2 $1")
      .trim();
    if (seen.has(c.cik)) continue; // two share classes, one company
    seen.add(c.cik);
    let base = name;
    while (SUFFIX.test(base)) base = base.replace(SUFFIX, "").trim();
    base = base.replace(/^The\s+/, "");
    if (registry.anyOwnerOf(name) || registry.anyOwnerOf(base)) continue; // a written entry (even by a short form) wins
    // A bare name that is an everyday word or a common name ("Target", "Ford") is a short
    // form: explained where the page also gives the company's full name.
    const safeBase = base !== name && base.length > 2 && !isRiskyName(base);
    const forms = [name, ...(safeBase ? [base] : [])];
    // A bare name among the 3,000 commonest English words ("News", "Ball") is left out: even
    // licensed by the company's full name, it would mark the word in the same block.
    const shortForms = base !== name && !safeBase && base.length > 2 && !veryCommon(base) ? [base] : [];
    if (isRiskyName(name) && forms.length === 1 && base === name) {
      // "Ball", "Progressive": the name alone is a word. Only "Name Corp."-like forms are safe.
      forms.splice(0, 1, `${name} Corporation`, `${name} Corp.`, `${name} Inc.`);
      shortForms.push(name);
    }
    // "1998 (1923 / 1874)": the present company's year, then its predecessors' (the earliest said).
    const founded = c.founded.match(/^\d{4}/)?.[0];
    const roots = [...c.founded.slice(4).matchAll(/\d{4}/g)].map((m) => m[0]).sort()[0];
    const hq = c.headquarters.replace(/;.*$/, "");
    const summary =
      `US-listed company in the ${c.subIndustry.toLowerCase().replace(/\b(ai|it|rei?ts?)\b/g, (m) => m.toUpperCase())} business (${c.sector} sector), headquartered in ${hq}` +
      `${founded ? ` and founded in ${founded}${roots ? ` (its roots go back to ${roots})` : ""}` : ""}. It is in the S&P 500 stock index${
        /^\d{4}-\d{2}-\d{2}$/.test(c.dateAdded) && c.dateAdded > "1957-03-04"
          ? `, which added it in ${c.dateAdded.slice(0, 4)}`
          : ""
      }. Ticker: ${c.symbol}.`;
    const id = registry.freeId(base, "company", c.symbol);
    const entry = registry.add({
      id,
      title: name,
      category: "organization",
      forms,
      shortForms,
      context: [],
      summary,
      asOf,
      sources: [
        {
          title: "Wikipedia: List of S&P 500 companies",
          url: "https://en.wikipedia.org/wiki/List_of_S%26P_500_companies",
        },
        { title: `SEC EDGAR filings: ${name}`, url: `https://www.sec.gov/edgar/browse/?CIK=${Number(c.cik)}` },
      ],
      related: [],
      familiarity: "general",
    });
    if (entry) out.push(entry);
  }
  return out;
}
