/**
 * Fetches a feed whole and decides whether it may replace what the reader has (issue 14): the
 * index's signature verifies with the feed's key, its version is greater than the one stored,
 * every pack is the size and digest the signed index says, and every entry is valid. Anything
 * else is refused with the reason in words, and nothing is stored by this module at all: the
 * caller writes only a `new` result. The fetch is passed in, so the rules are unit-tested.
 */
import { validateEntries } from "../glossary/import.ts";
import type { Entry } from "../glossary/schema.ts";
import { fromBase64 } from "../matcher/serialize.ts";
import { sha256Hex, verifyEd25519 } from "./crypto.ts";
import { body, FEED_CHECK_LIMIT_MS, FEED_TIMEOUT_MS, type Fetcher, Refusal, request, Stall } from "./fetch-bounded.ts";
import { FEED_LIMITS, type FeedIndex, feedUrls, packUrl, parseFeedIndex, parsePublicKey } from "./format.ts";

/** What the reader has of a feed: the index's id and version, and the validators of its last answer. */
export interface KnownFeed {
  id?: string;
  version?: number;
  /** The SHA-256 of the index of that version: the same version with other bytes is a publisher's mistake. */
  indexSha256?: string;
  etag?: string;
  lastModified?: string;
}

export type FeedCheck =
  /** The server says nothing changed (304), or it serves the version the reader has. */
  | { kind: "unchanged" }
  | {
      kind: "new";
      index: FeedIndex;
      entries: Entry[];
      /** The index's SHA-256 (see KnownFeed.indexSha256). */
      indexSha256: string;
      /** For the next check's conditional request. */
      etag?: string;
      lastModified?: string;
      /** Bytes read (the index, its signature, the packs). */
      bytes: number;
    }
  | { kind: "refused"; reason: string };

export type { Fetcher } from "./fetch-bounded.ts";

/**
 * Reads the feed at `address` as one whole. `known` is what the reader has (nothing when
 * subscribing). The requests carry no cookie, no referrer and nothing but the feed's own URLs.
 */
export async function readFeed(
  address: string,
  publicKeyText: string,
  known: KnownFeed,
  fetcher: Fetcher = (url, init) => fetch(url, init),
  timeoutMs = FEED_TIMEOUT_MS,
): Promise<FeedCheck> {
  try {
    return await check(address, publicKeyText, known, fetcher, timeoutMs);
  } catch (error) {
    if (error instanceof Refusal) return { kind: "refused", reason: error.message };
    throw error;
  }
}

async function check(
  address: string,
  publicKeyText: string,
  known: KnownFeed,
  fetcher: Fetcher,
  timeoutMs: number,
): Promise<FeedCheck> {
  const key = parsePublicKey(publicKeyText);
  if ("problem" in key) throw new Refusal(key.problem);
  let urls: ReturnType<typeof feedUrls>;
  try {
    urls = feedUrls(address);
  } catch (error) {
    throw new Refusal((error as Error).message);
  }
  // Given up on when the server is silent for `timeoutMs` (each byte that arrives restarts the
  // clock), or when the whole check runs past FEED_CHECK_LIMIT_MS: a slow line still gets its update.
  const stall = new Stall(timeoutMs);
  const signal = AbortSignal.any([stall.signal, AbortSignal.timeout(Math.max(timeoutMs, FEED_CHECK_LIMIT_MS))]);
  const get = (url: string, headers: Record<string, string> = {}) => request(fetcher, url, headers, signal, stall);
  const readBody = (response: Response, limit: number, what: string, exact = false) =>
    body(response, limit, what, exact, signal, stall);
  try {
    return await readWith(urls, key.key, known, get, readBody);
  } finally {
    stall.stop();
  }
}

async function readWith(
  urls: ReturnType<typeof feedUrls>,
  publicKey: Uint8Array,
  known: KnownFeed,
  get: (url: string, headers?: Record<string, string>) => Promise<Response>,
  readBody: (response: Response, limit: number, what: string, exact?: boolean) => Promise<Uint8Array>,
): Promise<FeedCheck> {
  const conditional: Record<string, string> = {};
  if (known.version !== undefined && known.etag) conditional["If-None-Match"] = known.etag;
  if (known.version !== undefined && known.lastModified) conditional["If-Modified-Since"] = known.lastModified;
  const indexResponse = await get(urls.index, conditional);
  if (indexResponse.status === 304 && known.version !== undefined) return { kind: "unchanged" };
  const indexBytes = await readBody(indexResponse, FEED_LIMITS.indexBytes, "The index (index.json)");
  const signature = await readBody(
    await get(urls.signature),
    FEED_LIMITS.signatureBytes,
    "The signature (index.json.sig)",
  );
  let signatureBytes: Uint8Array;
  try {
    signatureBytes = fromBase64(new TextDecoder().decode(signature).trim());
  } catch {
    throw new Refusal("The signature file (index.json.sig) is not base64.");
  }
  if (!(await verifies(publicKey, indexBytes, signatureBytes))) {
    throw new Refusal(
      "The index's signature does not verify with this feed's key: the index was changed after it was signed, or signed with another key.",
    );
  }
  const parsed = parseFeedIndex(new TextDecoder().decode(indexBytes));
  if ("problems" in parsed) throw new Refusal(`The index is not a valid feed index: ${listed(parsed.problems)}`);
  const index = parsed.index;
  if (known.id !== undefined && index.id !== known.id) {
    throw new Refusal(`This address now serves another feed ("${index.id}"), not "${known.id}".`);
  }
  const indexSha256 = await sha256Hex(indexBytes);
  if (known.version !== undefined) {
    if (index.version === known.version) {
      if (known.indexSha256 && known.indexSha256 !== indexSha256) {
        throw new Refusal(
          `The feed's version ${index.version} was published again with other content: its publisher must give each publication a greater version.`,
        );
      }
      return { kind: "unchanged" };
    }
    if (index.version < known.version) {
      throw new Refusal(
        `The feed offers version ${index.version}, older than version ${known.version}, which you have: an older version is never applied.`,
      );
    }
  }

  let total = indexBytes.length + signature.length;
  const entries: Entry[] = [];
  const ids = new Map<string, string>();
  for (const pack of index.packs) {
    const url = packUrl(urls.index, pack.file);
    // Stryker disable next-line all: unreachable while the index's schema allows only plain relative names; kept as the rule itself.
    if (new URL(url).origin !== urls.origin) throw new Refusal(`${pack.file} is not on the feed's own server.`);
    const data = await readBody(await get(url), pack.bytes, pack.file, true);
    if (data.length !== pack.bytes) {
      throw new Refusal(`${pack.file} is ${data.length} bytes; the signed index says ${pack.bytes}.`);
    }
    if ((await sha256Hex(data)) !== pack.sha256) {
      throw new Refusal(
        `${pack.file} does not match its digest in the signed index: it was changed after the index was signed.`,
      );
    }
    total += data.length;
    const rows = packRows(new TextDecoder().decode(data), pack.file);
    // Counted before validating: a signed pack of a million empty rows must not make a million messages.
    if (rows.length !== pack.entries) {
      throw new Refusal(`${pack.file} holds ${rows.length} entries; the signed index says ${pack.entries}.`);
    }
    const result = validateEntries(pack.file, rows);
    if (result.errors.length) throw new Refusal(`${pack.file}: ${listed(result.errors)}`);
    for (const entry of result.entries) {
      const other = ids.get(entry.id);
      if (other) throw new Refusal(`${pack.file}: the entry "${entry.id}" is also in ${other}.`);
      ids.set(entry.id, pack.file);
      entries.push(entry);
    }
  }
  return {
    kind: "new",
    index,
    entries,
    indexSha256,
    etag: indexResponse.headers.get("ETag") ?? undefined,
    lastModified: indexResponse.headers.get("Last-Modified") ?? undefined,
    bytes: total,
  };
}

/** Whether the signature verifies; a browser without Ed25519 (Chrome before 137) is told in words. */
async function verifies(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    return await verifyEd25519(publicKey, data, signature);
  } catch (error) {
    if ((error as Error)?.name === "NotSupportedError") {
      throw new Refusal(
        "This browser cannot check Ed25519 signatures, which feeds use: Chrome 137 or Firefox 129 and later can.",
      );
    }
    throw new Refusal(`The feed's key or signature could not be read: ${(error as Error).message}`);
  }
}

/** A pack file's entries: the glossary's pack format ({ pack, title, entries }) or a bare array. */
function packRows(text: string, file: string): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Refusal(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(json)) return json;
  const entries = (json as { entries?: unknown } | null)?.entries;
  if (Array.isArray(entries)) return entries;
  throw new Refusal(`${file} is not a pack: expected an object with an "entries" array.`);
}

/** The first few problems, and how many more: a reason must stay readable. */
function listed(problems: readonly string[], shown = 3): string {
  const more = problems.length - shown;
  return problems.slice(0, shown).join("; ") + (more > 0 ? `; and ${more} more` : "");
}
