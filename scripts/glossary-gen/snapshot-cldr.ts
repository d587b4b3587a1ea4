// Writes data/snapshots/cldr/names.json: region names (en, fr, de, es) and English currency
// names from the runtime's own CLDR data (Intl.DisplayNames). Run by hand when refreshing the
// snapshot (`npx tsx scripts/glossary-gen/snapshot-cldr.ts`); `npm run glossary:generate`
// reads the file, never Intl, so its output does not depend on the Node version.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const ROOT = new URL("../../", import.meta.url).pathname;
const countries = readFileSync(`${ROOT}data/snapshots/geonames/countryInfo.tsv`, "utf8")
  .split("\n")
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => l.split("\t"));
const regionCodes = countries.map((c) => c[0]).sort();
const currencyCodes = [...new Set(countries.map((c) => c[10]).filter(Boolean))].sort();
const regions: Record<string, Record<string, string>> = {};
for (const locale of ["en", "fr", "de", "es"]) {
  const names = new Intl.DisplayNames(locale, { type: "region", fallback: "none" });
  regions[locale] = Object.fromEntries(regionCodes.flatMap((c) => (names.of(c) ? [[c, names.of(c) as string]] : [])));
}
const currencyNames = new Intl.DisplayNames("en", { type: "currency", fallback: "none" });
const currencies = Object.fromEntries(
  currencyCodes.flatMap((c) => (currencyNames.of(c) ? [[c, currencyNames.of(c) as string]] : [])),
);
mkdirSync(`${ROOT}data/snapshots/cldr`, { recursive: true });
writeFileSync(
  `${ROOT}data/snapshots/cldr/names.json`,
  `${JSON.stringify(
    {
      source: "Unicode CLDR through the ICU data of Node.js",
      cldr: process.versions.cldr,
      icu: process.versions.icu,
      date: new Date().toISOString().slice(0, 10),
      regions,
      currencies,
    },
    null,
    1,
  )}\n`,
);
