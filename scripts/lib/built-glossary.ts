// Reads the glossary as a build shipped it (dist/<browser>/glossary/: matcher, index and shards), for
// tests and the benchmark.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Entry } from "../../src/glossary/schema.ts";
import {
  entriesInPackOrder,
  type GlossaryIndex,
  INDEX_FILE,
  MATCHER_FILE,
  PACKS_FILE,
  type PackList,
  SHARD_COUNT,
  shardFile,
} from "../../src/glossary/shards.ts";

export function readBuiltGlossary(dist: string): {
  index: GlossaryIndex;
  matcher: Uint8Array;
  packs: PackList;
  entries: Entry[];
} {
  const read = <T>(file: string) => JSON.parse(readFileSync(join(dist, file), "utf8")) as T;
  const packs = read<PackList>(PACKS_FILE);
  const shards = Array.from({ length: SHARD_COUNT }, (_, s) => read<Entry[]>(shardFile(s)));
  const entries = entriesInPackOrder(packs, shards);
  const matcher = new Uint8Array(readFileSync(join(dist, MATCHER_FILE)));
  return { index: read<GlossaryIndex>(INDEX_FILE), matcher, packs, entries };
}
