import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { PackSource } from "../../src/glossary/load.ts";

export const PACKS_DIR = new URL("../../src/glossary/packs/", import.meta.url).pathname;

/** Reads every pack file, in a stable order, with paths relative to the project root. */
export function readPacks(dir = PACKS_DIR): PackSource[] {
  const root = new URL("../../", import.meta.url).pathname;
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ file: relative(root, join(dir, name)), text: readFileSync(join(dir, name), "utf8") }));
}
