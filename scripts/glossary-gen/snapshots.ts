// Reads the dated data snapshots in data/snapshots (see data/snapshots/README.md and NOTICE).
import { readFileSync } from "node:fs";
import { load as loadYaml } from "js-yaml";
import { parseCsv } from "../../src/glossary/import.ts";

export const SNAPSHOTS = new URL("../../data/snapshots/", import.meta.url).pathname;
const read = (path: string) => readFileSync(`${SNAPSHOTS}${path}`, "utf8");
const rows = (path: string) =>
  read(path)
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t"));

/** The date each snapshot was taken, as recorded in data/snapshots/README.md. */
export const SNAPSHOT_DATES = {
  geonames: "2025-11-27",
  congress: "2026-06-15",
  sp500: "2026-08-08",
} as const;

export interface Country {
  iso: string;
  name: string;
  capital: string;
  population: number;
  continent: string;
  currencyCode: string;
  neighbours: string[];
}
export interface Admin1 {
  code: string;
  name: string;
  asciiName: string;
  geonameId: number;
}
export interface City {
  geonameId: number;
  name: string;
  asciiName: string;
  featureCode: string;
  country: string;
  admin1: string;
  population: number;
}

export interface Term {
  type: string;
  start: string;
  end: string;
  state?: string;
  district?: number;
  party?: string;
  how?: string;
}
export interface Person {
  id: { bioguide: string; wikipedia?: string };
  name: { first: string; last: string; official_full?: string; nickname?: string; middle?: string; suffix?: string };
  bio?: { birthday?: string };
  terms: Term[];
}

export interface Company {
  symbol: string;
  security: string;
  sector: string;
  subIndustry: string;
  headquarters: string;
  dateAdded: string;
  cik: string;
  founded: string;
}

export function readSnapshots() {
  const countries: Country[] = rows("geonames/countryInfo.tsv").map((r) => ({
    iso: r[0],
    name: r[4].trim(),
    capital: r[5].trim(),
    population: Number(r[7]),
    continent: r[8],
    currencyCode: r[10],
    neighbours: r[17] ? r[17].split(",").filter(Boolean) : [],
  }));
  const admin1: Admin1[] = rows("geonames/admin1.tsv").map((r) => ({
    code: r[0],
    name: r[1],
    asciiName: r[2],
    geonameId: Number(r[3]),
  }));
  const cities: City[] = rows("geonames/cities.tsv").map((r) => ({
    geonameId: Number(r[0]),
    name: r[1],
    asciiName: r[2],
    featureCode: r[3],
    country: r[4],
    admin1: r[5],
    population: Number(r[6]),
  }));
  const cldr = JSON.parse(read("cldr/names.json")) as {
    date: string;
    cldr: string;
    regions: Record<string, Record<string, string>>;
    currencies: Record<string, string>;
  };
  const legislators = loadYaml(read("congress-legislators/legislators-current.yaml")) as Person[];
  const executive = loadYaml(read("congress-legislators/executive.yaml")) as Person[];
  const csv = parseCsv(read("s-and-p-500-companies/constituents.csv"));
  if ("error" in csv) throw new Error(`s-and-p-500-companies/constituents.csv: ${csv.error}`);
  const [header, ...companyRows] = csv.rows.filter((r) => r.some((f) => f !== ""));
  if (header.join(",") !== "Symbol,Security,GICS Sector,GICS Sub-Industry,Headquarters Location,Date added,CIK,Founded")
    throw new Error("s-and-p-500-companies/constituents.csv: unexpected columns");
  const companies: Company[] = companyRows.map((r) => ({
    symbol: r[0],
    security: r[1],
    sector: r[2],
    subIndustry: r[3],
    headquarters: r[4],
    dateAdded: r[5],
    cik: r[6],
    founded: r[7],
  }));
  return {
    geonames: {
      date: SNAPSHOT_DATES.geonames,
      countries,
      admin1,
      admin1ByCode: new Map(admin1.map((a) => [a.code, a])),
      cities,
      cityById: new Map(cities.map((c) => [c.geonameId, c])),
    },
    cldr,
    congress: { date: SNAPSHOT_DATES.congress, legislators, executive },
    sp500: { date: SNAPSHOT_DATES.sp500, companies },
  };
}
export type Snapshots = ReturnType<typeof readSnapshots>;
