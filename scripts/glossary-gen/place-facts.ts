// Hand-written facts the place generator needs beside the data: continents, territories'
// status, aliases and demonyms, what divisions are called, and the sentences that say where
// a template would misstate a place. Every table was read by a second person (see
// docs/glossary-reviews/); change them as you would a written entry.
export const CONTINENT: Record<string, string> = {
  AF: "Africa",
  AS: "Asia",
  EU: "Europe",
  NA: "North America",
  OC: "Oceania",
  SA: "South America",
  AN: "Antarctica",
};

/** Countries that span two continents, which GeoNames files under one. */
export const TRANSCONTINENTAL: Record<string, string> = {
  RU: "Europe and Asia",
  TR: "Asia and Europe",
  KZ: "Asia and Europe",
  EG: "Africa and Asia",
  AZ: "Asia and Europe",
  GE: "Asia and Europe",
};

/** Territories that are not sovereign states, and the state they belong to or are claimed by. */
export const TERRITORY_OF: Record<string, string> = {
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
export const SKIP_COUNTRIES = new Set(["AN", "CS", "EH", "PS", "TW", "XK", "AQ"]);
/** Written entries that hold a country under a name the data spells differently. */
export const WRITTEN_COUNTRY: Record<string, string> = { GE: "georgia-country", JO: "jordan", TD: "chad", NE: "niger" };

/** Names news uses for a country besides GeoNames' and CLDR's (abbreviations, older names). */
export const COUNTRY_ALIASES: Record<string, string[]> = {
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
export const DEMONYMS: Record<string, string[]> = {
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
export const HOUSEHOLD_COUNTRIES = new Set([
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
export const DIVISIONS: Record<string, string> = {
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
export const DIVISION_STATUS: Record<string, string> = {
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
export const CAPITAL_CLAUSE: Record<string, string> = {
  IL: " Its government sits in Jerusalem, which it calls its capital; most countries keep their embassies in Tel Aviv.",
};

/** A sentence added to every city of a region whose control is disputed (as of the snapshot). */
export const REGION_NOTE: Record<string, string> = {
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

/** Names news uses for a city besides GeoNames' ("New York" for New York City). */
export const CITY_ALIASES: Record<string, string[]> = {
  "New York City": ["New York", "NYC"],
};

/** Cities whose status a template would misstate, said neutrally. */
export const CITY_STATUS: Record<string, string> = {
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
