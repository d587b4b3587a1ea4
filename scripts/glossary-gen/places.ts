// Countries and territories, first-level divisions of the larger countries, and cities, from
// the GeoNames snapshot (CC BY 4.0) with region names from the CLDR snapshot.
import {
  aboutPeople,
  type FormRegistry,
  formKey,
  type GeneratedEntry,
  isRiskyName,
  listNames,
  withThe,
} from "./common.ts";
import { runningTextName } from "./currencies.ts";
import {
  CAPITAL_CLAUSE,
  CITY_ALIASES,
  CITY_MIN_POPULATION,
  CITY_STATUS,
  CONTINENT,
  COUNTRY_ALIASES,
  DEMONYMS,
  DIVISION_STATUS,
  DIVISIONS,
  HOUSEHOLD_COUNTRIES,
  REGION_NOTE,
  SKIP_COUNTRIES,
  TERRITORY_OF,
  TRANSCONTINENTAL,
  WRITTEN_COUNTRY,
} from "./place-facts.ts";
import type { Snapshots } from "./snapshots.ts";

interface Candidate {
  kind: "country" | "division" | "city";
  code: string; // ISO code, admin1 code or geonameid
  name: string;
  qualified: string[];
  extraForms: string[];
  population: number;
  capital: boolean;
  build: (id: string, forms: string[], shortForms: string[], context: string[]) => GeneratedEntry;
}

/** What every kind of candidate needs from the snapshots. */
interface PlaceContext {
  snap: Snapshots;
  asOf: string;
  countryName: Map<string, string>;
  properWords: Set<string>;
  /** The cities generated: from CITY_MIN_POPULATION up, and every capital. */
  cities: Snapshots["geonames"]["cities"];
  admin1Name: Map<string, string>;
}

function placeContext(snap: Snapshots): PlaceContext {
  const en = snap.cldr.regions.en;
  return {
    snap,
    asOf: snap.geonames.date,
    countryName: new Map(snap.geonames.countries.map((c) => [c.iso, c.name])),
    properWords: new Set(Object.values(en).flatMap((n) => n.split(/[\s-]+/))),
    cities: snap.geonames.cities.filter((c) => c.population >= CITY_MIN_POPULATION || c.featureCode === "PPLC"),
    admin1Name: new Map(snap.geonames.admin1.map((a) => [a.code, a.name])),
  };
}

/** Every country and territory, but those whose status needs a written entry. */
function countryCandidates(ctx: PlaceContext): Candidate[] {
  const { snap, asOf, countryName, properWords } = ctx;
  const candidates: Candidate[] = [];
  for (const c of snap.geonames.countries) {
    if (SKIP_COUNTRIES.has(c.iso)) continue;
    const sovereign = TERRITORY_OF[c.iso];
    const continent = TRANSCONTINENTAL[c.iso] ?? CONTINENT[c.continent];
    // GeoNames counts the Guantánamo base as a US–Cuba land border; readers do not.
    const neighbours = c.neighbours
      .filter((n) => !(c.iso === "US" && n === "CU") && !(c.iso === "CU" && n === "US"))
      .map((n) => (n === "PS" ? "the Palestinian territories" : countryName.get(n)))
      .filter((n): n is string => !!n && n !== c.name);
    const capitalClause = CAPITAL_CLAUSE[c.iso] ?? (c.capital ? ` Its capital is ${c.capital.trim()}.` : "");
    const currency =
      snap.cldr.currencies[c.currencyCode] && runningTextName(snap.cldr.currencies[c.currencyCode], properWords);
    const currencyClause = currency ? ` Currency: ${currency} (${c.currencyCode}).` : "";
    // GeoNames' populations come from censuses and estimates of various years: the card says
    // whose figure it is rather than dating it with the snapshot.
    // No population figure for countries: GeoNames' are years old, and a country's card is
    // read as current. (Cities' figures are attributed: "GeoNames gives its population as…")
    const people = c.population > 0 ? "" : " It has no permanent population.";
    const summary = sovereign
      ? `Territory of ${sovereign} in ${continent}.${people}${capitalClause}${currencyClause}`
      : `Country in ${continent}.${people}${capitalClause}${currencyClause}${
          neighbours.length ? ` It borders ${listNames(neighbours.map(withThe), 7)}.` : ""
        }`;
    const cldrNames = ["en", "fr", "de", "es"].map((l) => snap.cldr.regions[l][c.iso]).filter((n): n is string => !!n);
    candidates.push({
      kind: "country",
      code: c.iso,
      name: c.name,
      qualified: [],
      extraForms: [...(COUNTRY_ALIASES[c.iso] ?? []), ...cldrNames.filter((n) => !/[()&]| - |\bSAR\b/.test(n))],
      population: c.population,
      capital: false,
      build: (id, forms, shortForms, context) => ({
        id,
        title: c.name,
        category: "place",
        forms,
        shortForms,
        context,
        summary,
        asOf,
        sources: [
          {
            title: `Wikipedia: ${c.name}`,
            url: `https://en.wikipedia.org/wiki/${encodeURIComponent(c.name.replace(/ /g, "_"))}`,
          },
          { title: `GeoNames: ${c.name}`, url: `https://www.geonames.org/countries/${c.iso}/` },
        ],
        related: [],
        familiarity: HOUSEHOLD_COUNTRIES.has(c.iso) ? "household" : "general",
      }),
    });
  }

  return candidates;
}

/** The first-level divisions of the countries in DIVISIONS. */
function divisionCandidates(ctx: PlaceContext): Candidate[] {
  const { snap, asOf, countryName, cities } = ctx;
  const candidates: Candidate[] = [];
  for (const a of snap.geonames.admin1) {
    const iso = a.code.split(".")[0];
    const what = DIVISIONS[iso];
    if (!what || /^\d+$|[()]/.test(a.name)) continue;
    const inIt = cities.filter((c) => `${c.country}.${c.admin1}` === a.code);
    const capital = inIt.find((c) => c.featureCode === "PPLA");
    const largest = [...inIt].sort((x, y) => y.population - x.population)[0];
    // A division named like its own main city (Beijing, Tokyo, Moscow) is that city's entry.
    if (largest && formKey(largest.name) === formKey(a.name)) continue;
    const country = countryName.get(iso) ?? iso;
    let summary = DIVISION_STATUS[a.code] ?? `${what.charAt(0).toUpperCase()}${what.slice(1)}.`;
    if (DIVISION_STATUS[a.code]) {
      // Said as it is: no capital or largest-city clause from the data.
    } else if (capital && largest && capital !== largest)
      summary += ` Its capital is ${capital.name} and its largest city ${largest.name}.`;
    else if (capital) summary += ` Its capital and largest city is ${capital.name}.`;
    else if (largest) summary += ` Its largest city is ${largest.name}.`;
    candidates.push({
      kind: "division",
      code: a.code,
      name: a.name,
      qualified:
        iso === "US"
          ? [`State of ${a.name}`, `${a.name} state`, `${a.name} State`]
          : /\b(?:Province|Region|State|Oblast|Governorate|District|County|Prefecture)$/i.test(a.name)
            ? [`${a.name}, ${country}`]
            : [`${a.name}, ${country}`, `${a.name} province`, `${a.name} Province`],
      extraForms: a.asciiName !== a.name ? [a.asciiName] : [],
      population: largest?.population ?? 0,
      capital: false,
      build: (id, forms, shortForms, context) => ({
        id,
        title: iso === "US" || iso === "GB" ? a.name : `${a.name} (${country})`,
        category: "place",
        forms,
        shortForms,
        context,
        summary,
        asOf,
        sources: [
          {
            title: `Wikipedia: ${a.name}`,
            url: `https://en.wikipedia.org/wiki/${encodeURIComponent(a.name.replace(/ /g, "_"))}`,
          },
          { title: `GeoNames: ${a.name}`, url: `https://www.geonames.org/${a.geonameId}` },
        ],
        related: [],
        familiarity: "general",
      }),
    });
  }

  return candidates;
}

/** Every generated city, with its division and role (capital of the country or division). */
function cityCandidates(ctx: PlaceContext): Candidate[] {
  const { asOf, countryName, cities, admin1Name } = ctx;
  const candidates: Candidate[] = [];
  for (const c of cities) {
    const country = countryName.get(c.country);
    if (!country || SKIP_COUNTRIES.has(c.country)) continue;
    const admin1 = admin1Name.get(`${c.country}.${c.admin1}`);
    const region = admin1 && !/[()]/.test(admin1) ? admin1 : undefined;
    const where = region && formKey(region) !== formKey(c.name) ? `${region}, ${withThe(country)}` : withThe(country);
    const role =
      c.featureCode === "PPLC"
        ? ` It is the capital of ${withThe(country)}.`
        : c.featureCode === "PPLA" && region && formKey(region) !== formKey(c.name)
          ? ` It is the capital of ${region}.`
          : "";
    const people = c.population > 0 ? ` GeoNames gives its population as ${aboutPeople(c.population)}.` : "";
    candidates.push({
      kind: "city",
      code: String(c.geonameId),
      name: c.name,
      qualified: [
        `${c.name}, ${country}`,
        ...(region && formKey(region) !== formKey(c.name) ? [`${c.name}, ${region}`] : []),
      ],
      extraForms: [...(CITY_ALIASES[c.name] ?? []), ...(c.asciiName !== c.name ? [c.asciiName] : [])],
      population: c.population,
      capital: c.featureCode === "PPLC",
      build: (id, forms, shortForms, context) => ({
        id,
        title: c.name,
        category: "place",
        forms,
        shortForms,
        context,
        summary:
          CITY_STATUS[c.name] ?? `City in ${where}.${people}${role}${REGION_NOTE[`${c.country}.${c.admin1}`] ?? ""}`,
        asOf,
        sources: [{ title: `GeoNames: ${c.name}`, url: `https://www.geonames.org/${c.geonameId}` }],
        related: [],
        familiarity:
          c.population >= 5_000_000 || (c.featureCode === "PPLC" && HOUSEHOLD_COUNTRIES.has(c.country))
            ? "household"
            : "general",
      }),
    });
  }

  return candidates;
}

/**
 * Countries, then divisions, then cities, each largest first: a place whose name a written
 * entry has is left to it, a shared or everyday name is a short form licensed by where the
 * place is, and every name a place takes is registered so later places cannot take it.
 */
export function generatePlaces(
  snap: Snapshots,
  registry: FormRegistry,
  written: ReadonlyMap<string, { title: string }>,
) {
  const ctx = placeContext(snap);
  const { countryName, cities } = ctx;
  const en = snap.cldr.regions.en;
  const candidates = [...countryCandidates(ctx), ...divisionCandidates(ctx), ...cityCandidates(ctx)];

  // How many places share each bare name: a shared name is explained only where the page
  // decides it (a short form), unless one place dominates (a country, or a city ten times
  // larger than any namesake and over a million).
  const sharing = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = formKey(c.name);
    sharing.set(key, [...(sharing.get(key) ?? []), c]);
  }
  const dominant = (c: Candidate): boolean => {
    const group = sharing.get(formKey(c.name)) ?? [c];
    if (group.length === 1) return true;
    const others = group.filter((o) => o !== c);
    if (c.kind === "country") return !others.some((o) => o.kind === "country");
    if (c.kind !== "city" || c.population < 1_000_000) return false;
    return others.every((o) => o.kind === "city" && o.population * 10 <= c.population);
  };

  const idOf = new Map<string, string>(); // candidate code → entry id (written or generated)
  const out: Record<Candidate["kind"], GeneratedEntry[]> = { country: [], division: [], city: [] };
  const order: Candidate["kind"][] = ["country", "division", "city"];
  for (const kind of order) {
    const list = candidates
      .filter((c) => c.kind === kind)
      .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
    for (const c of list) {
      // Written entries win: the bare name, or a qualified form of an entry with this title.
      const writtenId =
        (kind === "country" ? WRITTEN_COUNTRY[c.code] : undefined) ??
        [c.name, en[c.code] ?? ""]
          .map((n) => (n ? registry.ownerOf(n) : undefined))
          .find((id) => id && written.has(id)) ??
        c.qualified
          .map((f) => registry.ownerOf(f))
          .find((id) => id && written.has(id) && formKey(written.get(id)?.title ?? "").startsWith(formKey(c.name)));
      if (writtenId) {
        idOf.set(c.code, writtenId);
        continue;
      }
      const iso =
        kind === "country"
          ? c.code
          : kind === "division"
            ? c.code.split(".")[0]
            : (snap.geonames.cityById.get(Number(c.code))?.country ?? "");
      const city = kind === "city" ? snap.geonames.cityById.get(Number(c.code)) : undefined;
      const admin1Id = city ? idOf.get(`${city.country}.${city.admin1}`) : undefined;
      const countryId = idOf.get(iso);
      const risky = isRiskyName(c.name);
      const big = c.population >= 1_000_000;
      // A division named like a larger place's name begins ("New York" of "New York City") is
      // usually that place in running text: the division is named in full ("New York State").
      const prefixOfCity =
        kind === "division" &&
        cities.some((x) => x.population > 1_000_000 && formKey(x.name).startsWith(`${formKey(c.name)} `));
      const full =
        dominant(c) &&
        !registry.ownerOf(c.name) &&
        !prefixOfCity &&
        (kind === "country" || !risky || (kind === "city" && big));
      // Where a short form is licensed: by its own full forms always; a city also by its
      // division, and (unless its name is an everyday word or a common name) by its country.
      // A division or country whose name lies inside the city's ("Kansas" in "Kansas City")
      // would license the city by its own name: it cannot be evidence.
      const region = city ? snap.geonames.admin1ByCode.get(`${city.country}.${city.admin1}`)?.name : undefined;
      const within = (outer: string | undefined) => !!outer && formKey(c.name).includes(formKey(outer));
      const context =
        kind === "city"
          ? [
              within(region) ? undefined : admin1Id,
              (!risky || c.capital) && !within(countryName.get(iso)) ? countryId : undefined,
            ].filter((id): id is string => !!id)
          : kind === "division" && !risky
            ? [countryId].filter((id): id is string => !!id)
            : [];
      // A country's aliases ("US", "UK") are deliberate: kept even where a word list flags them.
      const aliases = kind === "country" ? (COUNTRY_ALIASES[c.code] ?? []) : [];
      // A demonym is also a language ("Chinese" in a language menu) or a people: it explains
      // the country only where the page names the country near it.
      const demonyms = kind === "country" ? (DEMONYMS[c.code] ?? []) : [];
      // Qualified forms ("Portland, Oregon", "Guangdong province") are what identifies a place
      // whose bare name is shared or a word; where the bare name is a full form they add trie
      // nodes to every tab's matcher for text that rarely appears, except in US datelines.
      const qualified = !full || (kind === "city" && iso === "US") ? c.qualified : [];
      const forms = [
        ...(full ? [c.name] : []),
        ...qualified,
        ...aliases,
        ...(full ? c.extraForms.filter((f) => !aliases.includes(f) && !isRiskyName(f)) : []),
      ];
      // A division named like the start of a bigger city ("New York") leaves the bare name to
      // the city, where news means it; the division keeps its qualified forms.
      const shortForms = [...(full || prefixOfCity ? [] : [c.name]), ...demonyms];
      const qualifier =
        kind === "city"
          ? [
              snap.geonames.admin1ByCode.get(`${city?.country}.${city?.admin1}`)?.asciiName ?? "",
              countryName.get(iso) ?? "",
            ]
          : [countryName.get(iso) ?? ""];
      const id = registry.freeId(c.name, ...qualifier.filter(Boolean));
      const entry = registry.add(c.build(id, forms, shortForms, [...new Set(context)].sort()));
      if (!entry) continue;
      idOf.set(c.code, entry.id);
      out[kind].push(entry);
    }
  }
  return out;
}
