import { lintGlossary } from "../../src/glossary/lint.ts";
import { type LoadedPack, validatePacks } from "../../src/glossary/load.ts";
import { commonEnglishWords } from "./common-words.ts";
import { readPacks } from "./read-packs.ts";

/** Schema validation and lint of the bundled packs: what the build and `npm test` enforce. */
export function lintBundledGlossary(today = new Date().toISOString().slice(0, 10)): {
  loaded: LoadedPack[];
  packs: number;
  count: number;
  problems: string[];
} {
  const { packs, errors } = validatePacks(readPacks());
  const problems = [...errors, ...lintGlossary(packs, { today, commonWords: commonEnglishWords() })];
  return { loaded: packs, packs: packs.length, count: packs.reduce((n, p) => n + p.entries.length, 0), problems };
}
