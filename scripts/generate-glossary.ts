// npm run glossary:generate — turns the dated data snapshots in data/snapshots into the
// generated packs in src/glossary/generated. Deterministic: the same snapshots and written
// packs give byte-identical files (test/unit/glossary-generate.test.ts checks it). Written
// entries always win: a generated entry never takes a name a written entry has.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type LoadedPack, validatePacks } from "../src/glossary/load.ts";
import { FormRegistry, type GeneratedEntry, words } from "./glossary-gen/common.ts";
import { generateCompanies } from "./glossary-gen/companies.ts";
import { generateCongress } from "./glossary-gen/congress.ts";
import { generateCurrencies } from "./glossary-gen/currencies.ts";
import { generatePlaces } from "./glossary-gen/places.ts";
import { readSnapshots } from "./glossary-gen/snapshots.ts";
import { GENERATED_DIR, PACKS_DIR, readPacks } from "./lib/read-packs.ts";

export interface GeneratedPack {
  pack: string;
  title: string;
  generated: { from: string; licence: string; date: string };
  entries: GeneratedEntry[];
}

/** The generated packs as file name → text. Pure apart from reading the snapshots. */
export function generatePacks(written: readonly LoadedPack[]): Map<string, string> {
  const snap = readSnapshots();
  const writtenEntries = written.flatMap((p) => p.entries);
  const registry = new FormRegistry(writtenEntries);
  const writtenById = new Map(writtenEntries.map((e) => [e.id, e]));
  const places = generatePlaces(snap, registry, writtenById);
  const stateName = (code: string) => snap.geonames.admin1ByCode.get(`US.${code}`)?.name ?? code;
  const { congress, executives } = generateCongress(snap, registry, stateName);
  const companies = generateCompanies(snap, registry);
  const currencies = generateCurrencies(snap, registry);
  const geonames = {
    from: "GeoNames (countryInfo, admin1CodesASCII, cities15000)",
    licence: "CC BY 4.0",
    date: snap.geonames.date,
  };
  const packs: GeneratedPack[] = [
    {
      pack: "countries",
      title: "Countries and territories",
      generated: { ...geonames, from: `${geonames.from}; Unicode CLDR ${snap.cldr.cldr}` },
      entries: places.country,
    },
    { pack: "divisions", title: "States, provinces and regions", generated: geonames, entries: places.division },
    { pack: "cities", title: "Cities", generated: geonames, entries: places.city },
    {
      pack: "us-congress",
      title: "Members of the US Congress",
      generated: { from: "unitedstates/congress-legislators", licence: "CC0 1.0", date: snap.congress.date },
      entries: congress,
    },
    {
      pack: "us-presidents",
      title: "US presidents and vice presidents",
      generated: {
        from: "unitedstates/congress-legislators (executive.yaml)",
        licence: "CC0 1.0",
        date: snap.congress.date,
      },
      entries: executives,
    },
    {
      pack: "sp500-companies",
      title: "S&P 500 companies",
      generated: { from: "datasets/s-and-p-500-companies", licence: "ODC PDDL 1.0", date: snap.sp500.date },
      entries: companies,
    },
    {
      pack: "currencies",
      title: "Currencies",
      generated: {
        from: `Unicode CLDR ${snap.cldr.cldr}; GeoNames countryInfo`,
        licence: "Unicode License v3; CC BY 4.0",
        date: snap.geonames.date,
      },
      entries: currencies,
    },
  ];
  const files = new Map<string, string>();
  for (const p of packs) {
    for (const e of p.entries)
      if (words(e.summary) > 60) throw new Error(`generated entry "${e.id}": summary over 60 words`);
    const entries = p.entries.map(({ shortForms, context, related, ...e }) => ({
      ...e,
      ...(shortForms.length ? { shortForms } : {}),
      ...(context.length ? { context } : {}),
      ...(related.length ? { related } : {}),
    }));
    files.set(`${p.pack}.json`, `${JSON.stringify({ ...p, entries }, null, 1)}\n`);
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { packs, errors } = validatePacks(readPacks(PACKS_DIR));
  if (errors.length) {
    console.error(errors.join("\n"));
    process.exit(1);
  }
  const files = generatePacks(packs);
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const name of readdirSync(GENERATED_DIR)) if (!files.has(name)) rmSync(join(GENERATED_DIR, name));
  let total = 0;
  for (const [name, text] of files) {
    writeFileSync(join(GENERATED_DIR, name), text);
    const n = (JSON.parse(text) as GeneratedPack).entries.length;
    total += n;
    console.log(`${name}: ${n} entries`);
  }
  console.log(`${total} generated entries in ${files.size} packs`);
}
