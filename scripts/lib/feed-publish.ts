// Makes a signed glossary feed (src/feeds/format.ts) from pack files: validated and linted as
// the build does, then written as the files a static host serves. Used by `npm run feed` and by
// the tests, which publish feeds of their own.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { FEED_FORMAT, FEED_LIMITS, type FeedIndex, FeedIndexSchema, SIGNATURE_SUFFIX } from "../../src/feeds/format.ts";
import { lintGlossary } from "../../src/glossary/lint.ts";
import { type PackSource, validatePacks } from "../../src/glossary/load.ts";
import { commonEnglishWords } from "./common-words.ts";

export interface FeedMeta {
  id: string;
  title: string;
  publisher: string;
  version: number;
  /** ISO 8601; now by default. */
  published?: string;
}

/** A new Ed25519 key pair: the private key as PKCS #8 PEM, the public key as 32 bytes in base64. */
export function newFeedKeys(): { privatePem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: rawPublicKey(publicKey),
  };
}

/** The 32 raw bytes of an Ed25519 public key, in base64 (what a reader pastes to subscribe). */
export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: "jwk" }) as { x?: string };
  if (!jwk.x) throw new Error("not an Ed25519 key");
  return Buffer.from(jwk.x, "base64url").toString("base64");
}

export function publicKeyOf(privatePem: string): string {
  return rawPublicKey(createPublicKey(createPrivateKey(privatePem)));
}

/**
 * The feed's files (path → bytes), in the order to upload them: packs, then the index, then its
 * signature (a reader who checks mid-upload then finds the old index, or a signature that does
 * not verify yet, and keeps what they have). `context` are packs the feed's entries may refer to
 * (the bundled glossary): checked together, problems reported only for the feed's own files.
 */
export function publishFeed(
  packs: readonly PackSource[],
  meta: FeedMeta,
  privatePem: string,
  context: readonly PackSource[] = [],
  today = new Date().toISOString().slice(0, 10),
): { files: [string, Uint8Array][]; index: FeedIndex } | { problems: string[] } {
  const own = new Set(packs.map((p) => p.file));
  const { packs: loaded, errors } = validatePacks([...packs, ...contextWithout(packs, context)]);
  const problems = [...errors, ...lintGlossary(loaded, { today, commonWords: commonEnglishWords() })].filter((p) =>
    [...own].some((file) => p.startsWith(`${file}:`)),
  );
  if (problems.length) return { problems };
  const files: [string, Uint8Array][] = [];
  const listed: FeedIndex["packs"] = [];
  for (const pack of loaded.filter((p) => own.has(p.file))) {
    const data = Buffer.from(JSON.stringify({ pack: pack.pack, title: pack.title, entries: pack.entries }));
    const file = `packs/${pack.pack}.json`;
    if (listed.some((p) => p.file === file)) return { problems: [`${pack.file}: a second pack named "${pack.pack}"`] };
    files.push([file, data]);
    listed.push({
      file,
      bytes: data.length,
      sha256: createHash("sha256").update(data).digest("hex"),
      entries: pack.entries.length,
    });
  }
  const index: FeedIndex = {
    format: FEED_FORMAT,
    id: meta.id,
    title: meta.title,
    publisher: meta.publisher,
    version: meta.version,
    published: meta.published ?? new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    packs: listed,
  };
  const checked = FeedIndexSchema.safeParse(index);
  if (!checked.success) {
    return { problems: checked.error.issues.map((i) => `index: ${i.path.join(".") || "(index)"}: ${i.message}`) };
  }
  const tooLarge = listed.find((p) => p.bytes > FEED_LIMITS.packBytes);
  if (tooLarge)
    return { problems: [`${tooLarge.file}: ${tooLarge.bytes} bytes, over the ${FEED_LIMITS.packBytes}-byte limit`] };
  const indexBytes = Buffer.from(`${JSON.stringify(index, null, 2)}\n`);
  const signature = sign(null, indexBytes, createPrivateKey(privatePem)).toString("base64");
  files.push(["index.json", indexBytes], [`index.json${SIGNATURE_SUFFIX}`, Buffer.from(`${signature}\n`)]);
  return { files, index };
}

/** The context packs without the feed's own files, and without entries the feed replaces (same id). */
function contextWithout(packs: readonly PackSource[], context: readonly PackSource[]): PackSource[] {
  const own = new Set(packs.map((p) => p.file));
  const ids = new Set<string>();
  for (const p of packs) {
    try {
      for (const e of (JSON.parse(p.text) as { entries?: { id?: unknown }[] }).entries ?? [])
        if (typeof e?.id === "string") ids.add(e.id);
    } catch {
      // Reported by validatePacks.
    }
  }
  return context
    .filter((c) => !own.has(c.file))
    .map((c) => {
      const pack = JSON.parse(c.text) as { entries: { id: string }[] };
      return { file: c.file, text: JSON.stringify({ ...pack, entries: pack.entries.filter((e) => !ids.has(e.id)) }) };
    });
}
