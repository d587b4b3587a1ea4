/**
 * Fetches a feed whole and decides whether it may replace what the reader has (issue 14): the
 * index's signature verifies with the feed's key, its version is greater than the one stored,
 * every pack is the size and digest the signed index says, and every entry is valid. Anything
 * else is refused with the reason in words, and nothing is stored by this module at all: the
 * caller writes only a `new` result. The fetch is passed in, so the rules are unit-tested.
 */
import { validateEntries } from "../glossary/import.ts";
import type { Entry } from "../glossary/schema.ts";
import { sha256Hex, verifyEd25519 } from "./crypto.ts";
import {
  FEED_LIMITS,
  type FeedIndex,
  feedUrls,
  fromBase64,
  packUrl,
  parseFeedIndex,
  parsePublicKey,
} from "./format.ts";

/** What the reader has of a feed: the index's id and version, and the validators of its last answer. */
export interface KnownFeed {
  id?: string;
  version?: number;
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
      /** For the next check's conditional request. */
      etag?: string;
      lastModified?: string;
      /** Bytes read (the index, its signature, the packs). */
      bytes: number;
    }
  | { kind: "refused"; reason: string };

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export const FEED_TIMEOUT_MS = 20_000;

class Refusal extends Error {}

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
    return await read(address, publicKeyText, known, fetcher, timeoutMs);
  } catch (error) {
    if (error instanceof Refusal) return { kind: "refused", reason: error.message };
    throw error;
  }
}

async function read(
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
  const deadline = AbortSignal.timeout(timeoutMs);
  const get = (url: string, headers: Record<string, string> = {}) =>
    request(fetcher, url, headers, deadline, timeoutMs);

  const conditional: Record<string, string> = {};
  if (known.version !== undefined && known.etag) conditional["If-None-Match"] = known.etag;
  if (known.version !== undefined && known.lastModified) conditional["If-Modified-Since"] = known.lastModified;
  const indexResponse = await get(urls.index, conditional);
  if (indexResponse.status === 304 && known.version !== undefined) return { kind: "unchanged" };
  const indexBytes = await body(indexResponse, FEED_LIMITS.indexBytes, "The index (index.json)");
  const signature = await body(await get(urls.signature), FEED_LIMITS.signatureBytes, "The signature (index.json.sig)");
  let signatureBytes: Uint8Array;
  try {
    signatureBytes = fromBase64(new TextDecoder().decode(signature).trim());
  } catch {
    throw new Refusal("The signature file (index.json.sig) is not base64.");
  }
  if (!(await verifyEd25519(key.key, indexBytes, signatureBytes))) {
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
  if (known.version !== undefined) {
    if (index.version === known.version) return { kind: "unchanged" };
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
    if (new URL(url).origin !== urls.origin) throw new Refusal(`${pack.file} is not on the feed's own server.`);
    const data = await body(await get(url), pack.bytes, pack.file, true);
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
    const result = validateEntries(pack.file, rows);
    if (result.errors.length) throw new Refusal(`${pack.file}: ${listed(result.errors)}`);
    if (result.entries.length !== pack.entries) {
      throw new Refusal(`${pack.file} holds ${result.entries.length} entries; the signed index says ${pack.entries}.`);
    }
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
    etag: indexResponse.headers.get("ETag") ?? undefined,
    lastModified: indexResponse.headers.get("Last-Modified") ?? undefined,
    bytes: total,
  };
}

async function request(
  fetcher: Fetcher,
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Response> {
  const file = new URL(url).pathname.split("/").pop() || url;
  let response: Response;
  try {
    response = await fetcher(url, {
      method: "GET",
      headers,
      // Nothing about the reader: no cookies or credentials, no referrer, no cache shared with pages.
      credentials: "omit",
      referrerPolicy: "no-referrer",
      cache: "no-store",
      redirect: "error",
      signal,
    });
  } catch {
    if (signal.aborted) throw new Refusal(`The feed's server did not answer within ${timeoutMs / 1000} seconds.`);
    throw new Refusal(
      `The feed's server could not be reached for ${file} (offline, or a redirect, which feeds may not use).`,
    );
  }
  if (response.status !== 200 && response.status !== 304) {
    throw new Refusal(
      `The feed's server answered ${response.status}${response.statusText ? ` (${response.statusText})` : ""} for ${file}.`,
    );
  }
  return response;
}

/** The body, refused past `limit` bytes without reading on (a header that says so is believed first). */
async function body(response: Response, limit: number, what: string, exact = false): Promise<Uint8Array> {
  const tooLarge = () =>
    new Refusal(
      exact
        ? `${what} is larger than the signed index says (${limit} bytes).`
        : `${what} is larger than ${size(limit)}.`,
    );
  const declared = Number(response.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
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

const size = (bytes: number) => (bytes >= 1048576 ? `${bytes / 1048576} MB` : `${bytes / 1024} KB`);

/** The first few problems, and how many more: a reason must stay readable. */
function listed(problems: readonly string[], shown = 3): string {
  const more = problems.length - shown;
  return problems.slice(0, shown).join("; ") + (more > 0 ? `; and ${more} more` : "");
}
