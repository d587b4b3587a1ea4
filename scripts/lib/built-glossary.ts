// Reads the glossary as a build shipped it (dist/<browser>/glossary/: index and shards), for
// tests and the benchmark.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Entry } from "../../src/glossary/schema.ts";
import {
  type GlossaryIndex,
  INDEX_FILE,
  PACKS_FILE,
  type PackList,
  SHARD_COUNT,
  shardFile,
} from "../../src/glossary/shards.ts";

export function readBuiltGlossary(dist: string): { index: GlossaryIndex; packs: PackList; entries: Entry[] } {
  const read = <T>(file: string) => JSON.parse(readFileSync(join(dist, file), "utf8")) as T;
  const packs = read<PackList>(PACKS_FILE);
  const byId = new Map<string, Entry>();
  for (let s = 0; s < SHARD_COUNT; s++) for (const e of read<Entry[]>(shardFile(s))) byId.set(e.id, e);
  const entries = packs.flatMap((p) => p.entryIds.flatMap((id) => byId.get(id) ?? []));
  return { index: read<GlossaryIndex>(INDEX_FILE), packs, entries };
}
