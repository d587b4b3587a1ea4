// Currencies in use, with the countries that use them: English names from the CLDR snapshot,
// users from the GeoNames snapshot.
import { type FormRegistry, type GeneratedEntry, isRiskyName, listNames, withThe } from "./common.ts";
import type { Snapshots } from "./snapshots.ts";

/**
 * CLDR writes currency names in title case ("Japanese Yen"); news writes the unit in lower
 * case ("Japanese yen"). Words that stay capitalised: the first, acronyms, words of country
 * names, and demonyms (by their endings).
 */
export function runningTextName(name: string, properWords: ReadonlySet<string>): string {
  const words = name.split(" ");
  const proper = (i: number): boolean => {
    const w = words[i];
    if (i === 0 || /^[A-Z]{2,}$/.test(w) || /(?:an|ese|ish|ic|i|ss|ch)$/.test(w)) return true;
    // "New" begins country names ("New Zealand", "Papua New Guinean") but not "Israeli new shekel".
    if (w === "New") return i + 1 < words.length && proper(i + 1);
    return properWords.has(w);
  };
  return words.map((w, i) => (proper(i) ? w : w.toLowerCase())).join(" ");
}

const HOUSEHOLD = new Set(["USD", "EUR", "GBP", "JPY", "CNY"]);

export function generateCurrencies(snap: Snapshots, registry: FormRegistry): GeneratedEntry[] {
  const properWords = new Set(Object.values(snap.cldr.regions.en).flatMap((n) => n.split(/[\s-]+/)));
  const users = new Map<string, string[]>();
  for (const c of snap.geonames.countries) {
    if (!c.currencyCode || c.iso === "AN" || c.iso === "CS") continue;
    users.set(c.currencyCode, [...(users.get(c.currencyCode) ?? []), c.name]);
  }
  const out: GeneratedEntry[] = [];
  for (const code of [...users.keys()].sort()) {
    const cldrName = snap.cldr.currencies[code];
    if (!cldrName) continue;
    const name = runningTextName(cldrName, properWords);
    if (!name.includes(" ") && isRiskyName(name)) continue; // "Euro", "Rand" alone: a word
    if (registry.ownerOf(name) || registry.ownerOf(cldrName)) continue;
    const countries = (users.get(code) ?? []).sort();
    const summary =
      countries.length === 1
        ? `The currency of ${withThe(countries[0])}, with the ISO 4217 code ${code}.`
        : `Currency used in ${listNames(countries.map(withThe), 8)}, with the ISO 4217 code ${code}.`;
    const forms = [name, ...(name !== cldrName ? [cldrName] : []), ...(isRiskyName(code) ? [] : [code])];
    const entry = registry.add({
      id: registry.freeId(name, "currency"),
      title: name.charAt(0).toUpperCase() + name.slice(1),
      category: "concept",
      forms,
      shortForms: [],
      context: [],
      summary,
      asOf: snap.geonames.date,
      sources: [
        {
          title: `Wikipedia: ${cldrName}`,
          url: `https://en.wikipedia.org/wiki/${encodeURIComponent(cldrName.replace(/ /g, "_"))}`,
        },
        {
          title: "ISO 4217 currency codes (SIX)",
          url: "https://www.six-group.com/en/products-services/financial-information/data-standards.html",
        },
      ],
      related: [],
      familiarity: HOUSEHOLD.has(code) ? "household" : "general",
    });
    if (entry) out.push(entry);
  }
  return out;
}
