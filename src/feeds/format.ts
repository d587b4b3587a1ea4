/**
 * A glossary feed (issue 14): a folder of static files any web host can serve.
 *
 *   index.json      what the feed is, its version, and its packs with their sizes and SHA-256 digests
 *   index.json.sig  the Ed25519 signature of index.json's exact bytes, in base64
 *   packs/*.json    the packs, in the glossary's own pack format
 *
 * Only the index is signed; each pack is bound to it by its digest. The reader subscribes with
 * the index's URL and the publisher's public key (32 bytes, base64). Pure: the publisher
 * (scripts/feed.ts) writes with it, the background worker reads with it.
 */
import * as z from "zod/mini";
import { worded } from "../glossary/schema.ts";
import { fromBase64 } from "../matcher/serialize.ts";

export const FEED_FORMAT = 1;

/** What a feed may hold: checked before a byte more is read (sizes) or anything is stored. */
export const FEED_LIMITS = {
  indexBytes: 256 * 1024,
  signatureBytes: 1024,
  packBytes: 8 * 1024 * 1024,
  totalBytes: 16 * 1024 * 1024,
  packs: 200,
  entries: 50_000,
} as const;

/** The name of the signature file next to the index. */
export const SIGNATURE_SUFFIX = ".sig";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A pack's path inside the feed's folder: plain relative names, no "..", no query. */
const PACK_FILE = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.json$/;
const MARKUP = /<[a-zA-Z/!]|&[a-zA-Z#][a-zA-Z0-9]*;/;

const text = (max: number) =>
  z.string(worded).check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !MARKUP.test(s), "must be plain text, not markup"),
  );
const count = (max: number) => z.number(worded).check(z.int(worded), z.minimum(0, worded), z.maximum(max, worded));

const FeedPackSchema = z.strictObject(
  {
    // Segments start with a letter or digit: no "..", no hidden files, nothing outside the folder.
    file: z.string(worded).check(z.regex(PACK_FILE, "must be a relative path of lower-case names ending in .json")),
    bytes: count(FEED_LIMITS.packBytes).check(z.minimum(1, worded)),
    sha256: z.string(worded).check(z.regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits")),
    entries: count(FEED_LIMITS.entries),
  },
  worded,
);
export type FeedPack = z.infer<typeof FeedPackSchema>;

export const FeedIndexSchema = z.strictObject(
  {
    format: z.literal(FEED_FORMAT, worded),
    /** Stays the same for the life of the feed: an index with another id is another feed. */
    id: z.string(worded).check(z.maxLength(64, worded), z.regex(kebab, "must be kebab-case")),
    title: text(120),
    publisher: text(120),
    /** Grows with every publication; a reader never applies a version at or below the one they have. */
    version: z.number(worded).check(z.int(worded), z.minimum(1, worded), z.maximum(Number.MAX_SAFE_INTEGER, worded)),
    /** When it was published (ISO 8601, UTC). */
    published: z.iso.datetime(worded),
    packs: z.array(FeedPackSchema, worded).check(
      z.minLength(1, worded),
      z.maxLength(FEED_LIMITS.packs, worded),
      z.refine((packs) => new Set(packs.map((p) => p.file)).size === packs.length, "must not list a file twice"),
      z.refine(
        (packs) => packs.reduce((n, p) => n + p.bytes, 0) <= FEED_LIMITS.totalBytes,
        `must add up to at most ${FEED_LIMITS.totalBytes / 1048576} MB`,
      ),
      z.refine(
        (packs) => packs.reduce((n, p) => n + p.entries, 0) <= FEED_LIMITS.entries,
        `must hold at most ${FEED_LIMITS.entries} entries in all`,
      ),
    ),
  },
  worded,
);
export type FeedIndex = z.infer<typeof FeedIndexSchema>;

/** The index's problems in words ("packs.0.sha256: must be 64 lower-case hex digits"), or the index. */
export function parseFeedIndex(json: string): { index: FeedIndex } | { problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = FeedIndexSchema.safeParse(raw);
  if (parsed.success) return { index: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(index)"}: ${issue.message}`),
  };
}

/** The bytes of a public key given as base64 (32 bytes for Ed25519), or why it is not one. */
export function parsePublicKey(text: string): { key: Uint8Array } | { problem: string } {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) {
    return { problem: "A feed's public key is 44 characters of base64 (an Ed25519 key of 32 bytes)." };
  }
  return { key: fromBase64(trimmed) };
}

/**
 * Where a feed's files are: the index at the URL the reader gave (a folder's URL means its
 * index.json), the signature beside it, packs inside the index's folder. Only https, or http on
 * 127.0.0.1 (a feed being tested on this machine). Throws with the reason in words.
 */
export function feedUrls(input: string): { index: string; signature: string; origin: string } {
  let url: URL;
  try {
    url = new URL(input); // the parser drops spaces around an address
  } catch {
    throw new Error("That is not a web address.");
  }
  const local = url.protocol === "http:" && url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !local) throw new Error("A feed's address must start with https://.");
  if (url.username || url.password) throw new Error("A feed's address must not hold a user name or password.");
  url.hash = "";
  if (url.search) throw new Error("A feed's address must not have a query (?…).");
  if (url.pathname.endsWith("/")) url.pathname += "index.json";
  return { index: url.href, signature: `${url.href}${SIGNATURE_SUFFIX}`, origin: url.origin };
}

/** A pack's URL, resolved against the index's: inside the same folder tree of the same origin. */
export function packUrl(indexUrl: string, file: string): string {
  return new URL(file, indexUrl).href;
}
