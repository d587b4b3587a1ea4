import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { PackSource } from "../../src/glossary/load.ts";

/** Written packs: entries by hand, each read by a second person before it lands. */
export const PACKS_DIR = new URL("../../src/glossary/packs/", import.meta.url).pathname;
/** Generated packs: written by `npm run glossary:generate` from data/snapshots; never edited by hand. */
export const GENERATED_DIR = new URL("../../src/glossary/generated/", import.meta.url).pathname;

/**
 * Reads every pack file of the given folders (by default the written packs, then the generated
 * ones), in a stable order, with paths relative to the project root.
 */
export function readPacks(...dirs: string[]): PackSource[] {
  const root = new URL("../../", import.meta.url).pathname;
  return (dirs.length ? dirs : [PACKS_DIR, GENERATED_DIR]).flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => ({ file: relative(root, join(dir, name)), text: readFileSync(join(dir, name), "utf8") })),
  );
}
