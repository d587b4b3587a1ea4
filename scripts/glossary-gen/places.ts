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
import type { Snapshots } from "./snapshots.ts";

const CONTINENT: Record<string, string> = {
  AF: "Africa",
  AS: "Asia",
  EU: "Europe",
  NA: "North America",
  OC: "Oceania",
  SA: "South America",
  AN: "Antarctica",
};

/** Countries that span two continents, which GeoNames files under one. */
const TRANSCONTINENTAL: Record<string, string> = {
  RU: "Europe and Asia",
  TR: "Asia and Europe",
  KZ: "Asia and Europe",
  EG: "Africa and Asia",
  AZ: "Asia and Europe",
  GE: "Asia and Europe",
};

/** Territories that are not sovereign states, and the state they belong to or are claimed by. */
const TERRITORY_OF: Record<string, string> = {
  AS: "the United States",
  AI: "the United Kingdom",
  AW: "the Netherlands",
  AX: "Finland",
  BL: "France",
  BM: "the United Kingdom",
  BQ: "the Netherlands",
  BV: "Norway",
  CC: "Australia",
  CK: "the Realm of New Zealand (self-governing, in free association with New Zealand)",
  CW: "the Netherlands",
  CX: "Australia",
  FK: "the United Kingdom (claimed by Argentina)",
  FO: "Denmark",
  GF: "France",
  GG: "the United Kingdom",
  GI: "the United Kingdom (claimed by Spain)",
  GL: "Denmark",
  GP: "France",
  GS: "the United Kingdom (claimed by Argentina)",
  GU: "the United States",
  HK: "China (a special administrative region)",
  HM: "Australia",
  IM: "the United Kingdom",
  IO: "the United Kingdom (claimed by Mauritius; a treaty signed in 2025 would transfer it to Mauritius)",
  JE: "the United Kingdom",
  KY: "the United Kingdom",
  MF: "France",
  MO: "China (a special administrative region)",
  MP: "the United States",
  MQ: "France",
  MS: "the United Kingdom",
  NC: "France",
  NF: "Australia",
  NU: "the Realm of New Zealand (self-governing, in free association with New Zealand)",
  PF: "France",
  PM: "France",
  PN: "the United Kingdom",
  PR: "the United States",
  RE: "France",
  SH: "the United Kingdom",
  SJ: "Norway",
  SX: "the Netherlands",
  TC: "the United Kingdom",
  TF: "France",
  TK: "New Zealand",
  UM: "the United States",
  VG: "the United Kingdom",
  VI: "the United States",
  WF: "France",
  YT: "France (claimed by Comoros)",
};
/** Not generated: obsolete codes, and places whose status is disputed, which need a written entry. */
const SKIP_COUNTRIES = new Set(["AN", "CS", "EH", "PS", "TW", "XK", "AQ"]);
/** Written entries that hold a country under a name the data spells differently. */
const WRITTEN_COUNTRY: Record<string, string> = { GE: "georgia-country", JO: "jordan", TD: "chad", NE: "niger" };

/** Names news uses for a country besides GeoNames' and CLDR's (abbreviations, older names). */
const COUNTRY_ALIASES: Record<string, string[]> = {
  US: ["US", "U.S.", "USA", "U.S.A.", "United States of America"],
  GB: ["UK", "U.K.", "Britain", "Great Britain"],
  AE: ["UAE", "U.A.E."],
  CG: ["Congo-Brazzaville"],
  CZ: ["Czech Republic"],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire"],
  SZ: ["Eswatini", "Swaziland"],
  CV: ["Cape Verde"],
  TL: ["East Timor", "Timor-Leste"],
  RU: ["Russian Federation"],
  VA: ["Vatican City", "Holy See"],
  LA: ["Lao PDR"],
  SY: ["Syrian Arab Republic"],
  VN: ["Viet Nam"],
  BN: ["Brunei Darussalam"],
  FM: ["Federated States of Micronesia"],
};

/**
 * What a country's people and things are called ("American", "Chinese"): the commonest way a
 * news page names a country, so they explain it too. Written by hand (CLDR has no demonyms);
 * ambiguous ones are left out ("Georgian": the country, the US state, the era; "Indian": also
 * Native American; "Congolese", "Guinean", "Dominican", "Macedonian": two countries or more).
 */
const DEMONYMS: Record<string, string[]> = {
  US: ["American", "Americans"],
  GB: ["British", "Briton", "Britons"],
  FR: ["French"],
  DE: ["German", "Germans"],
  RU: ["Russian", "Russians"],
  IT: ["Italian", "Italians"],
  ES: ["Spanish", "Spaniards"],
  CA: ["Canadian", "Canadians"],
  AU: ["Australian", "Australians"],
  MX: ["Mexican", "Mexicans"],
  BR: ["Brazilian", "Brazilians"],
  UA: ["Ukrainian", "Ukrainians"],
  IR: ["Iranian", "Iranians"],
  IL: ["Israeli", "Israelis"],
  SA: ["Saudi", "Saudis"],
  EG: ["Egyptian", "Egyptians"],
  PK: ["Pakistani", "Pakistanis"],
  AF: ["Afghan", "Afghans"],
  IQ: ["Iraqi", "Iraqis"],
  SY: ["Syrian", "Syrians"],
  LB: ["Lebanese"],
  NG: ["Nigerian", "Nigerians"],
  ZA: ["South African", "South Africans"],
  KE: ["Kenyan", "Kenyans"],
  ET: ["Ethiopian", "Ethiopians"],
  PL: ["Polish", "Poles"],
  NL: ["Dutch"],
  BE: ["Belgian", "Belgians"],
  SE: ["Swedish", "Swedes"],
  NO: ["Norwegian", "Norwegians"],
  DK: ["Danish", "Danes"],
  FI: ["Finnish", "Finns"],
  IE: ["Irish"],
  PT: ["Portuguese"],
  GR: ["Greek", "Greeks"],
  AT: ["Austrian", "Austrians"],
  CH: ["Swiss"],
  HU: ["Hungarian", "Hungarians"],
  CZ: ["Czech", "Czechs"],
  RO: ["Romanian", "Romanians"],
  BG: ["Bulgarian", "Bulgarians"],
  RS: ["Serbian", "Serbs"],
  HR: ["Croatian", "Croats"],
  AR: ["Argentine", "Argentinian", "Argentines", "Argentinians"],
  CL: ["Chilean", "Chileans"],
  CO: ["Colombian", "Colombians"],
  PE: ["Peruvian", "Peruvians"],
  VN: ["Vietnamese"],
  TH: ["Thai"],
  ID: ["Indonesian", "Indonesians"],
  PH: ["Filipino", "Filipinos", "Philippine"],
  MY: ["Malaysian", "Malaysians"],
  BD: ["Bangladeshi", "Bangladeshis"],
  LK: ["Sri Lankan", "Sri Lankans"],
  NP: ["Nepali", "Nepalese"],
  NZ: ["New Zealander", "New Zealanders"],
  AE: ["Emirati", "Emiratis"],
  QA: ["Qatari", "Qataris"],
  KW: ["Kuwaiti", "Kuwaitis"],
  YE: ["Yemeni", "Yemenis"],
  LY: ["Libyan", "Libyans"],
  MA: ["Moroccan", "Moroccans"],
  DZ: ["Algerian", "Algerians"],
  KZ: ["Kazakh", "Kazakhstani"],
  GH: ["Ghanaian", "Ghanaians"],
  SO: ["Somali", "Somalis"],
  ER: ["Eritrean", "Eritreans"],
  RW: ["Rwandan", "Rwandans"],
  UG: ["Ugandan", "Ugandans"],
  TZ: ["Tanzanian", "Tanzanians"],
  SN: ["Senegalese"],
  EC: ["Ecuadorian", "Ecuadorians"],
  BO: ["Bolivian", "Bolivians"],
  UY: ["Uruguayan", "Uruguayans"],
  PY: ["Paraguayan", "Paraguayans"],
  SV: ["Salvadoran", "Salvadorans"],
  GT: ["Guatemalan", "Guatemalans"],
  HN: ["Honduran", "Hondurans"],
  PA: ["Panamanian", "Panamanians"],
  LT: ["Lithuanian", "Lithuanians"],
  LV: ["Latvian", "Latvians"],
  EE: ["Estonian", "Estonians"],
  SK: ["Slovak", "Slovaks"],
  SI: ["Slovenian", "Slovenians"],
  BA: ["Bosnian", "Bosnians"],
  AL: ["Albanian", "Albanians"],
  CY: ["Cypriot", "Cypriots"],
  IS: ["Icelandic", "Icelanders"],
  LU: ["Luxembourgish"],
  MT: ["Maltese"],
  KH: ["Cambodian", "Cambodians"],
  LA: ["Laotian", "Lao"],
  MN: ["Mongolian", "Mongolians"],
  UZ: ["Uzbek", "Uzbeks"],
  OM: ["Omani", "Omanis"],
  BH: ["Bahraini", "Bahrainis"],
  ZM: ["Zambian", "Zambians"],
  MZ: ["Mozambican", "Mozambicans"],
  AO: ["Angolan", "Angolans"],
  CM: ["Cameroonian", "Cameroonians"],
  CI: ["Ivorian", "Ivorians"],
  LR: ["Liberian", "Liberians"],
  SL: ["Sierra Leonean", "Sierra Leoneans"],
  MW: ["Malawian", "Malawians"],
  NA: ["Namibian", "Namibians"],
  BW: ["Botswanan"],
  JM: ["Jamaican", "Jamaicans"],
  TT: ["Trinidadian"],
  PR: ["Puerto Rican", "Puerto Ricans"],
  HK: ["Hongkonger", "Hongkongers"],
};

/** Household names: the countries a general reader needs no card to place (not underlined). */
const HOUSEHOLD_COUNTRIES = new Set([
  "US",
  "CN",
  "IN",
  "RU",
  "GB",
  "FR",
  "DE",
  "JP",
  "IT",
  "CA",
  "BR",
  "MX",
  "AU",
  "ES",
  "KR",
  "IL",
  "UA",
  "IR",
  "SA",
  "EG",
  "PK",
  "TR",
]);

/** Countries whose first-level divisions are generated, and what a division is called there. */
const DIVISIONS: Record<string, string> = {
  US: "one of the 50 states of the United States",
  CA: "a province or territory of Canada",
  AU: "a state or territory of Australia",
  IN: "a state or union territory of India",
  DE: "one of the 16 states (Länder) of Germany",
  CN: "a province-level division of China",
  BR: "a state of Brazil",
  MX: "a state of Mexico",
  RU: "a federal subject of Russia",
  JP: "a prefecture of Japan",
  IT: "a region of Italy",
  ES: "an autonomous community of Spain",
  FR: "a region of France",
  GB: "one of the four countries of the United Kingdom",
  NG: "a state of Nigeria",
  PK: "a province or territory of Pakistan",
  ID: "a province of Indonesia",
  ZA: "a province of South Africa",
  KR: "a province-level division of South Korea",
  AR: "a province of Argentina",
  UA: "an oblast or region of Ukraine",
  PL: "a voivodeship (province) of Poland",
  PH: "a region of the Philippines",
  IR: "a province of Iran",
  TR: "a province of Turkey",
  NL: "a province of the Netherlands",
  BE: "a region of Belgium",
  AT: "a state of Austria",
  CH: "a canton of Switzerland",
  SE: "a county of Sweden",
  NZ: "a region of New Zealand (or, for the Chatham Islands, a territory outside its regions)",
  CO: "a department of Colombia",
  CL: "a region of Chile",
  PE: "a region of Peru",
  VE: "a state of Venezuela",
  EG: "a governorate of Egypt",
  IQ: "a governorate of Iraq",
  SY: "a governorate of Syria",
  AF: "a province of Afghanistan",
  KE: "a county of Kenya",
  SD: "a state of Sudan",
  MM: "a state or region of Myanmar",
  TH: "a province of Thailand",
  MY: "a state or federal territory of Malaysia",
  BD: "a division of Bangladesh",
  SA: "a province of Saudi Arabia",
  IL: "a district of Israel",
};
/**
 * Divisions whose status the generic sentence would misstate: a federal district that is no
 * state, and territories whose control is disputed (said neutrally, as the facts stand).
 */
const DIVISION_STATUS: Record<string, string> = {
  "US.DC": "The federal district of the United States, outside any state, which is the national capital.",
  "UA.20":
    "A city with special status in Crimea, recognised by most countries as part of Ukraine; Russia has controlled it since 2014 and claims to have annexed it.",
  "UA.14":
    "An oblast (region) of eastern Ukraine, almost all of it held by Russian forces, part since 2014 and the rest since 2022; Russia claims to have annexed it, which most countries reject.",
  "UA.12": "The capital city of Ukraine, which has special status and is not part of any oblast.",
  "PK.06":
    "A self-governing territory administered by Pakistan, part of the former princely state of Jammu and Kashmir; India claims it as part of its territory.",
  "PK.07":
    "A territory administered by Pakistan in the north of the former princely state of Jammu and Kashmir; India claims it as part of its territory.",
  "IN.30":
    "A state of north-east India, its capital Itanagar; China claims most of it as part of Tibet, under the name Zangnan.",
  "IN.41":
    "A union territory of India, part of the former princely state of Jammu and Kashmir, which Pakistan also claims; India claims Aksai Chin, administered by China, as part of Ladakh.",
  "IL.03":
    "A district of northern Israel. Israel administers the Golan Heights, captured from Syria in 1967, as part of it; most countries regard the Golan as Syrian territory under Israeli occupation.",
  "BR.07": "The federal district of Brazil, outside any state, which holds the national capital, Brasília.",
  "AR.07": "The autonomous city of Buenos Aires, Argentina's capital, which is not part of any province.",
  "VE.25": "The capital district of Venezuela, which holds Caracas; it is not a state.",
  "VE.24": "The federal dependencies of Venezuela: its offshore islands outside any state.",
  "NG.11": "The Federal Capital Territory of Nigeria, outside any state, which holds the national capital, Abuja.",
  "CO.34": "The capital district of Colombia, Bogotá, which is outside any department.",
  "PE.LMA": "The province of Metropolitan Lima, which holds the national capital and is outside Peru's regions.",
};

/** Where "Its capital is X" would take a side. */
const CAPITAL_CLAUSE: Record<string, string> = {
  IL: " Its government sits in Jerusalem, which it calls its capital; most countries keep their embassies in Tel Aviv.",
};

/** A sentence added to every city of a region whose control is disputed (as of the snapshot). */
const REGION_NOTE: Record<string, string> = {
  "UA.11":
    " Russia has controlled Crimea since 2014 and claims to have annexed it; most countries recognise it as part of Ukraine.",
  "UA.20":
    " Russia has controlled Crimea since 2014 and claims to have annexed it; most countries recognise it as part of Ukraine.",
  "MD.58": " Transnistria is a breakaway region of Moldova that no UN member recognises.",
  "MD.62":
    " Bender is controlled by the authorities of Transnistria, a breakaway region of Moldova that no UN member recognises.",
  "UA.14":
    " Russian forces hold almost all of the Luhansk region, which Russia claims to have annexed; most countries recognise it as part of Ukraine.",
  "SO.20":
    " The region is governed by Somaliland, which declared independence in 1991; Somalia, and most countries, regard it as part of Somalia.",
  "IN.12":
    " India and Pakistan each claim the whole of the former princely state of Jammu and Kashmir and administer parts of it; China administers another part.",
  "PK.06":
    " India and Pakistan each claim the whole of the former princely state of Jammu and Kashmir and administer parts of it; China administers another part.",
  "PK.07":
    " India and Pakistan each claim the whole of the former princely state of Jammu and Kashmir and administer parts of it; China administers another part.",
};

/** Cities whose status a template would misstate, said neutrally. */
const CITY_STATUS: Record<string, string> = {
  Jerusalem:
    "City that Israel governs in full and calls its capital; most countries regard East Jerusalem, captured in 1967, as occupied, and Palestinians claim it as the capital of a future state. Holy to Jews, Christians and Muslims.",
  Donetsk:
    "City in eastern Ukraine, the centre of its Donetsk region, held by Russian-backed forces since 2014 and by Russia since 2022, which claims to have annexed the region; most countries reject that.",
  Luhansk:
    "City in eastern Ukraine, the centre of its Luhansk region, held by Russian-backed forces since 2014 and by Russia since 2022, which claims to have annexed the region; most countries reject that.",
  Sevastopol:
    "Port city in Crimea and base of Russia's Black Sea Fleet; recognised by most countries as part of Ukraine, it has been controlled since 2014 by Russia, which claims to have annexed it.",
  Makiivka:
    "City in Ukraine's Donetsk region, next to Donetsk, held by Russian-backed forces since 2014 and by Russia since 2022, which claims to have annexed the region; most countries reject that.",
  Horlivka:
    "City in Ukraine's Donetsk region, held by Russian-backed forces since 2014 and by Russia since 2022, which claims to have annexed the region; most countries reject that.",
  Melitopol:
    "City in Ukraine's Zaporizhzhia region, occupied by Russian forces since 2022; Russia claims to have annexed the region, which most countries reject.",
  Berdyansk:
    "Port city in Ukraine's Zaporizhzhia region, on the Sea of Azov, occupied by Russian forces since 2022; Russia claims to have annexed the region, which most countries reject.",
  Nicosia:
    "Capital of Cyprus, divided since 1974: the Republic of Cyprus governs the south, and the Turkish Cypriot administration, whose state only Turkey recognises, holds the north and calls it its capital.",
};

/** Cities from this population up are generated (plus every national capital). */
export const CITY_MIN_POPULATION = 100_000;

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

export function generatePlaces(
  snap: Snapshots,
  registry: FormRegistry,
  written: ReadonlyMap<string, { title: string }>,
) {
  const asOf = snap.geonames.date;
  const countryName = new Map(snap.geonames.countries.map((c) => [c.iso, c.name]));
  const en = snap.cldr.regions.en;
  const properWords = new Set(Object.values(en).flatMap((n) => n.split(/[\s-]+/)));

  // Cities by country and admin1, for capitals and largest cities of divisions.
  const cities = snap.geonames.cities.filter((c) => c.population >= CITY_MIN_POPULATION || c.featureCode === "PPLC");
  const admin1Name = new Map(snap.geonames.admin1.map((a) => [a.code, a.name]));

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
        ...(c.country === "US" ? [] : []),
      ],
      extraForms: c.asciiName !== c.name ? [c.asciiName] : [],
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
      const shortForms = [...(full ? [] : [c.name]), ...demonyms];
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
