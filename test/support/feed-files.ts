// A small signed feed, made in memory with the publisher's own code, for unit and end-to-end tests.
import { type FeedMeta, newFeedKeys, publishFeed } from "../../scripts/lib/feed-publish.ts";

export const FEED_KEYS = newFeedKeys();

/** A pack file's text with entries made from [id, form, summary] triples. */
export function packText(pack: string, entries: [string, string, string][]): string {
  return JSON.stringify({
    pack,
    title: pack,
    entries: entries.map(([id, form, summary]) => ({
      id,
      title: form,
      category: "concept",
      forms: [form],
      summary,
      asOf: "2026-11-01",
      sources: [{ title: "Example", url: "https://example.org/" }],
    })),
  });
}

/** The files of a feed (path → bytes) publishing the given packs, signed with `privatePem`. */
export function feedFiles(
  packs: { file: string; text: string }[],
  meta: Partial<FeedMeta> = {},
  privatePem = FEED_KEYS.privatePem,
): Map<string, Uint8Array> {
  const result = publishFeed(
    packs,
    { id: "test-feed", title: "Test feed", publisher: "Backstory tests", version: 1, ...meta },
    privatePem,
  );
  if ("problems" in result) throw new Error(result.problems.join("\n"));
  return new Map(result.files);
}
