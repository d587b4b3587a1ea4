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

/** A page that names the test feed's two entries (and nothing the bundled glossary explains by them). */
export const FEED_TEST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed test</title></head>
<body><article><h1>Talks resume</h1><p>Delegates met in Geneva on Monday to revive the Zorblat Accord, which
lapsed last year, and to agree on a new Quibble Index for measuring progress.</p></article></body></html>`;

/** The test feed's one pack, its summaries saying which version they come from. */
export const newsroomPack = (version: number) => ({
  file: "packs/newsroom.json",
  text: packText("newsroom", [
    ["zorblat-accord", "Zorblat Accord", `A made-up treaty, as the feed's version ${version} explains it.`],
    ["quibble-index", "Quibble Index", "A made-up measure of disagreement between delegations."],
  ]),
});
