import { createHash, createPrivateKey, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newFeedKeys, publishFeed } from "../../scripts/lib/feed-publish.ts";
import { verifyEd25519 } from "../../src/feeds/crypto.ts";
import { feedUrls, parseFeedIndex, parsePublicKey } from "../../src/feeds/format.ts";
import { type Fetcher, readFeed } from "../../src/feeds/read-feed.ts";
import { afterCheck, isDue, nextCheckAfter } from "../../src/feeds/schedule.ts";
import { fromBase64 } from "../../src/matcher/serialize.ts";
import { FEED_KEYS, feedFiles, newsroomPack, packText } from "../support/feed-files.ts";

const ADDRESS = "https://feeds.example/news/index.json";
const pack = (version: number) => ({
  file: "packs/newsroom.json",
  text: packText("newsroom", [
    ["zorblat-accord", "Zorblat Accord", `A treaty, as explained in version ${version}.`],
    ["quibble-index", "Quibble Index", "A measure of disagreement."],
  ]),
});

/** A server of `files` under https://feeds.example/news/, recording what it was asked. */
function server(files: Map<string, Uint8Array>, options: { etag?: string } = {}) {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetcher: Fetcher = async (url, init) => {
    asked.push({ url, init });
    const headers = new Headers(init.headers);
    if (options.etag && headers.get("If-None-Match") === options.etag) return new Response(null, { status: 304 });
    const path = new URL(url).pathname.replace("/news/", "");
    const data = files.get(path);
    if (!data) return new Response("missing", { status: 404, statusText: "Not Found" });
    return new Response(new Uint8Array(data), { status: 200, headers: options.etag ? { ETag: options.etag } : {} });
  };
  return { fetcher, asked };
}

const reasonOf = async (files: Map<string, Uint8Array>, known = {}, key = FEED_KEYS.publicKey) => {
  const result = await readFeed(ADDRESS, key, known, server(files).fetcher);
  return result.kind === "refused" ? result.reason : result.kind;
};

describe("readFeed", () => {
  it("reads a signed feed whole: its index and every entry", async () => {
    const { fetcher, asked } = server(feedFiles([pack(1)]), { etag: '"v1"' });
    const result = await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, fetcher);
    expect(result.kind).toBe("new");
    if (result.kind !== "new") return;
    expect(result.index).toMatchObject({
      id: "test-feed",
      version: 1,
      title: "Test feed",
      publisher: "Backstory tests",
    });
    expect(result.entries.map((e) => e.id)).toEqual(["zorblat-accord", "quibble-index"]);
    expect(result.etag).toBe('"v1"');
    expect(asked.map((a) => a.url)).toEqual([
      ADDRESS,
      `${ADDRESS}.sig`,
      "https://feeds.example/news/packs/newsroom.json",
    ]);
    // Nothing about the reader goes with the requests.
    for (const { init } of asked) {
      expect(init).toMatchObject({ credentials: "omit", referrerPolicy: "no-referrer", redirect: "error" });
    }
  });

  it("asks conditionally once it has a version, and a 304 or the same version is 'unchanged'", async () => {
    const files = feedFiles([pack(1)]);
    const { fetcher, asked } = server(files, { etag: '"v1"' });
    expect(
      await readFeed(ADDRESS, FEED_KEYS.publicKey, { id: "test-feed", version: 1, etag: '"v1"' }, fetcher),
    ).toEqual({
      kind: "unchanged",
    });
    expect(new Headers(asked[0].init.headers).get("If-None-Match")).toBe('"v1"');
    expect(await reasonOf(files, { id: "test-feed", version: 1 })).toBe("unchanged");
    expect(await reasonOf(feedFiles([pack(2)], { version: 2 }), { id: "test-feed", version: 1 })).toBe("new");
  });

  it("refuses an older version than the one the reader has (no rollback)", async () => {
    expect(await reasonOf(feedFiles([pack(1)]), { id: "test-feed", version: 2 })).toBe(
      "The feed offers version 1, older than version 2, which you have: an older version is never applied.",
    );
  });

  it("refuses an index changed after signing, or signed with another key", async () => {
    const files = feedFiles([pack(1)]);
    const tampered = new Map(files);
    tampered.set(
      "index.json",
      new TextEncoder().encode(
        new TextDecoder().decode(files.get("index.json")).replace('"version": 1', '"version": 9'),
      ),
    );
    const bad =
      "The index's signature does not verify with this feed's key: the index was changed after it was signed, or signed with another key.";
    expect(await reasonOf(tampered)).toBe(bad);
    expect(await reasonOf(files, {}, newFeedKeys().publicKey)).toBe(bad);
    expect(await reasonOf(feedFiles([pack(1)], {}, newFeedKeys().privatePem))).toBe(bad);
  });

  it("refuses a pack that does not match its signed digest or size", async () => {
    const files = feedFiles([pack(1)]);
    const swapped = new Map(files);
    const text = new TextDecoder().decode(files.get("packs/newsroom.json")).replace("version 1", "version X");
    swapped.set("packs/newsroom.json", new TextEncoder().encode(text));
    expect(await reasonOf(swapped)).toBe(
      "packs/newsroom.json does not match its digest in the signed index: it was changed after the index was signed.",
    );
    const truncated = new Map(files);
    truncated.set("packs/newsroom.json", files.get("packs/newsroom.json")?.slice(0, 40) ?? new Uint8Array());
    expect(await reasonOf(truncated)).toMatch(/^packs\/newsroom\.json is 40 bytes; the signed index says \d+\.$/);
    const longer = new Map(files);
    longer.set("packs/newsroom.json", new Uint8Array([...(files.get("packs/newsroom.json") ?? []), 32, 32]));
    expect(await reasonOf(longer)).toMatch(
      /^packs\/newsroom\.json is larger than the signed index says \(\d+ bytes\)\.$/,
    );
  });

  it("refuses what the server does not have, and a server that cannot be reached or does not answer", async () => {
    const files = feedFiles([pack(1)]);
    const noPack = new Map(files);
    noPack.delete("packs/newsroom.json");
    expect(await reasonOf(noPack)).toBe("The feed's server answered 404 (Not Found) for newsroom.json.");
    expect(await reasonOf(new Map())).toBe("The feed's server answered 404 (Not Found) for index.json.");
    const dead: Fetcher = async () => {
      throw new TypeError("Failed to fetch");
    };
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, dead)).toEqual({
      kind: "refused",
      reason:
        "The feed's server could not be reached for index.json (offline, or a redirect, which feeds may not use).",
    });
    const silent: Fetcher = (_, init) =>
      new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("timeout"))));
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, silent, 50)).toEqual({
      kind: "refused",
      reason: "The feed's server stopped sending index.json for 0.05 seconds.",
    });
  });

  it("refuses an index over its size limit without reading it all", async () => {
    const huge = new Map([["index.json", new Uint8Array(300 * 1024)]]);
    expect(await reasonOf(huge)).toBe("The index (index.json) is larger than 256 KB.");
  });

  it("refuses invalid entries, naming the pack, the entry and the field", async () => {
    const bad = { file: "packs/bad.json", text: packText("bad", [["bad-entry", "Bad Entry", "x"]]) };
    const files = feedFiles([bad]);
    // Re-sign a pack whose entry breaks the schema after publishing (the publisher would refuse it).
    const text = JSON.stringify({ pack: "bad", title: "bad", entries: [{ id: "Bad Id", title: "t" }] });
    const { files: forged } = resignedWith(files, "packs/bad.json", text);
    expect(await reasonOf(forged)).toMatch(/^packs\/bad\.json: Row 1 \("Bad Id"\), field "id": /);
  });

  it("refuses an address that is not https (http only on 127.0.0.1) and a key that is not one", async () => {
    expect(() => feedUrls("http://feeds.example/index.json")).toThrow("A feed's address must start with https://.");
    expect(feedUrls("http://127.0.0.1:8080/feed/").index).toBe("http://127.0.0.1:8080/feed/index.json");
    expect(() => feedUrls("https://feeds.example/index.json?x=1")).toThrow("must not have a query");
    expect(parsePublicKey("not a key")).toEqual({
      problem: "A feed's public key is 44 characters of base64 (an Ed25519 key of 32 bytes).",
    });
    expect(await reasonOf(feedFiles([pack(1)]), {}, "AAAA")).toBe(
      "A feed's public key is 44 characters of base64 (an Ed25519 key of 32 bytes).",
    );
  });
});

describe("the feed index", () => {
  it("names each problem by its field", () => {
    expect(parseFeedIndex("{")).toEqual({ problems: [expect.stringMatching(/^not valid JSON/)] });
    const index = {
      format: 1,
      id: "Test Feed",
      title: "T",
      publisher: "P",
      version: 0,
      published: "2026-12-03T10:00:00Z",
      packs: [{ file: "../x.json", bytes: 10, sha256: "ab", entries: 1 }],
    };
    expect(parseFeedIndex(JSON.stringify(index))).toEqual({
      problems: [
        "id: must be kebab-case",
        "version: Too small: expected number to be >=1",
        "packs.0.file: must be a relative path of lower-case names ending in .json",
        "packs.0.sha256: must be 64 lower-case hex digits",
      ],
    });
  });
});

describe("the publisher", () => {
  it("signs the index's exact bytes with a key whose public half verifies them", async () => {
    const files = feedFiles([pack(1)]);
    const signature = fromBase64(new TextDecoder().decode(files.get("index.json.sig")).trim());
    const key = parsePublicKey(FEED_KEYS.publicKey);
    if ("problem" in key) throw new Error(key.problem);
    const index = files.get("index.json") ?? new Uint8Array();
    expect(await verifyEd25519(key.key, index, signature)).toBe(true);
    expect(await verifyEd25519(key.key, index.slice(1), signature)).toBe(false);
  });

  it("refuses packs the build would refuse, naming file, entry and field", () => {
    const text = JSON.stringify({ pack: "p", title: "P", entries: [{ id: "x", title: "X" }] });
    const result = publishFeed(
      [{ file: "p.json", text }],
      { id: "f", title: "F", publisher: "P", version: 1 },
      FEED_KEYS.privatePem,
    );
    expect(result).toEqual({
      problems: expect.arrayContaining([
        'p.json: entry "x" field "category": Invalid option: expected one of "person"|"organization"|"place"|"event"|"policy"|"concept"',
      ]),
    });
  });
});

/** The files with one pack replaced and the index re-signed to match (a publisher who signed bad entries). */
function resignedWith(files: Map<string, Uint8Array>, file: string, text: string) {
  const index = JSON.parse(new TextDecoder().decode(files.get("index.json")));
  const data = new TextEncoder().encode(text);
  for (const p of index.packs) {
    if (p.file === file) {
      p.bytes = data.length;
      p.sha256 = createHash("sha256").update(data).digest("hex");
    }
  }
  const indexBytes = new TextEncoder().encode(JSON.stringify(index));
  const signature = sign(null, indexBytes, createPrivateKey(FEED_KEYS.privatePem)).toString("base64");
  const out = new Map(files);
  out.set(file, data);
  out.set("index.json", indexBytes);
  out.set("index.json.sig", new TextEncoder().encode(signature));
  return { files: out };
}

describe("when feeds are checked", () => {
  const now = Date.parse("2026-12-03T10:00:00Z");
  const days = (iso: string) => (Date.parse(iso) - now) / 86_400_000;

  it("daily after a success; after failures in a row, in 1, 2, 4, then 7 days", () => {
    expect(days(nextCheckAfter(now, 0))).toBe(1);
    expect([1, 2, 3, 4, 5, 9].map((n) => days(nextCheckAfter(now, n)))).toEqual([1, 2, 4, 7, 7, 7]);
  });

  it("is due once its time has come, unless paused; a feed never checked is due", () => {
    const status = afterCheck(undefined, now);
    expect(isDue(status, now)).toBe(false);
    expect(isDue(status, now + 86_400_000)).toBe(true);
    expect(isDue({ ...status, paused: true }, now + 86_400_000)).toBe(false);
    expect(isDue(undefined, now)).toBe(true);
  });

  it("keeps the last success and counts failures until the next success clears them", () => {
    const ok = afterCheck(undefined, now);
    const failed = afterCheck(ok, now + 1000, "The feed's server answered 404 (Not Found) for index.json.");
    expect(failed).toMatchObject({
      lastSuccess: ok.lastSuccess,
      failures: 1,
      lastError: expect.stringContaining("404"),
    });
    const twice = afterCheck({ ...failed, paused: true }, now + 2000, "offline");
    expect(twice).toMatchObject({ failures: 2, paused: true, lastError: "offline" });
    expect(days(twice.nextCheck)).toBeCloseTo(2, 3);
    expect(afterCheck(twice, now + 3000)).toEqual({
      lastCheck: new Date(now + 3000).toISOString(),
      lastSuccess: new Date(now + 3000).toISOString(),
      failures: 0,
      nextCheck: nextCheckAfter(now + 3000, 0),
      paused: true,
    });
  });
});

describe("readFeed, more ways a feed is refused", () => {
  it("refuses a version it has, published again with other content", async () => {
    const files = feedFiles([newsroomPack(2)], { version: 2 });
    const { fetcher } = server(files);
    const first = await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, fetcher);
    if (first.kind !== "new") throw new Error("expected the feed");
    const known = { id: "test-feed", version: 2, indexSha256: first.indexSha256 };
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, known, fetcher)).toEqual({ kind: "unchanged" });
    expect(await reasonOf(feedFiles([newsroomPack(9)], { version: 2 }), known)).toBe(
      "The feed's version 2 was published again with other content: its publisher must give each publication a greater version.",
    );
  });

  it("refuses another feed at the same address, a count that disagrees, and an id in two packs", async () => {
    expect(
      await reasonOf(feedFiles([newsroomPack(2)], { id: "other-feed", version: 2 }), { id: "test-feed", version: 1 }),
    ).toBe('This address now serves another feed ("other-feed"), not "test-feed".');
    const files = feedFiles([newsroomPack(1)]);
    const index = JSON.parse(new TextDecoder().decode(files.get("index.json")));
    index.packs[0].entries = 3;
    expect(await reasonOf(resignedIndex(files, index))).toBe(
      "packs/newsroom.json holds 2 entries; the signed index says 3.",
    );
    // The publisher refuses an id in two packs; a forged index listing one pack twice is refused by the reader.
    const again = JSON.parse(new TextDecoder().decode(files.get("index.json")));
    again.packs.push({ ...again.packs[0], file: "packs/again.json" });
    const twice = resignedIndex(files, again);
    twice.set("packs/again.json", files.get("packs/newsroom.json") ?? new Uint8Array());
    expect(await reasonOf(twice)).toBe('packs/again.json: the entry "zorblat-accord" is also in packs/newsroom.json.');
  });

  it("refuses a body the server cuts off, and one it stops sending, in words", async () => {
    const files = feedFiles([newsroomPack(1)]);
    const cut: Fetcher = async (url) => {
      const path = new URL(url).pathname.replace("/news/", "");
      const data = files.get(path) ?? new Uint8Array();
      if (!path.startsWith("packs/")) return new Response(new Uint8Array(data));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(data.slice(0, 10));
          controller.error(new TypeError("terminated"));
        },
      });
      return new Response(stream);
    };
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, cut)).toEqual({
      kind: "refused",
      reason: "The feed's server cut packs/newsroom.json off before its end.",
    });
    const stalled: Fetcher = async (url) => {
      const path = new URL(url).pathname.replace("/news/", "");
      const data = files.get(path) ?? new Uint8Array();
      if (!path.startsWith("packs/")) return new Response(new Uint8Array(data));
      return new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(data.slice(0, 10)) }));
    };
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, stalled, 50)).toEqual({
      kind: "refused",
      reason: "The feed's server stopped sending packs/newsroom.json for 0.05 seconds.",
    });
  });
});

/** The feed's files with its index replaced by `index`, signed with the feed's key. */
function resignedIndex(files: Map<string, Uint8Array>, index: object): Map<string, Uint8Array> {
  const bytes = new TextEncoder().encode(JSON.stringify(index));
  const out = new Map(files);
  out.set("index.json", bytes);
  out.set(
    "index.json.sig",
    new TextEncoder().encode(sign(null, bytes, createPrivateKey(FEED_KEYS.privatePem)).toString("base64")),
  );
  return out;
}

describe("the small print of a feed", () => {
  const key = () => {
    const parsed = parsePublicKey(FEED_KEYS.publicKey);
    if ("problem" in parsed) throw new Error(parsed.problem);
    return parsed.key;
  };

  it("never verifies a signature of the wrong length", async () => {
    const files = feedFiles([newsroomPack(1)]);
    const signature = fromBase64(new TextDecoder().decode(files.get("index.json.sig")).trim());
    const index = files.get("index.json") ?? new Uint8Array();
    expect(await verifyEd25519(key(), index, signature.slice(0, 63))).toBe(false);
    expect(await verifyEd25519(key(), index, new Uint8Array([...signature, 0]))).toBe(false);
  });

  it("reads a key with spaces around it, and nothing around a key", () => {
    expect("key" in parsePublicKey(` ${FEED_KEYS.publicKey}\n`)).toBe(true);
    expect("problem" in parsePublicKey(`x${FEED_KEYS.publicKey}`)).toBe(true);
    expect("problem" in parsePublicKey(`${FEED_KEYS.publicKey}x`)).toBe(true);
  });

  it("names what is wrong with an address", () => {
    expect(() => feedUrls("not a url")).toThrow("That is not a web address.");
    expect(() => feedUrls("https://user:pw@feeds.example/index.json")).toThrow(
      "A feed's address must not hold a user name or password.",
    );
    expect(() => feedUrls("http://localhost/index.json")).toThrow("must start with https://");
    expect(() => feedUrls("http://127.0.0.2/index.json")).toThrow("must start with https://");
    expect(feedUrls("  https://feeds.example/news/index.json#top ").index).toBe(
      "https://feeds.example/news/index.json",
    );
  });

  it("refuses an index that lists a file twice, or more than a feed may hold in all", () => {
    const files = feedFiles([newsroomPack(1)]);
    const index = JSON.parse(new TextDecoder().decode(files.get("index.json")));
    const problems = (packs: object[]) => {
      const parsed = parseFeedIndex(JSON.stringify({ ...index, packs }));
      return "problems" in parsed ? parsed.problems : [];
    };
    const pack = index.packs[0];
    expect(problems([pack, pack])).toEqual(["packs: must not list a file twice"]);
    const big = (i: number) => ({ ...pack, file: `packs/p${i}.json`, bytes: 6 * 1024 * 1024 });
    expect(problems([big(1), big(2)])).toEqual([]);
    expect(problems([big(1), big(2), big(3)])).toEqual(["packs: must add up to at most 16 MB"]);
    const many = (i: number) => ({ ...pack, file: `packs/p${i}.json`, entries: 25_000 });
    expect(problems([many(1), many(2)])).toEqual([]);
    expect(problems([many(1), many(2), { ...many(3), entries: 1 }])).toEqual([
      "packs: must hold at most 50000 entries in all",
    ]);
    expect(parseFeedIndex("[]")).toEqual({ problems: ["(index): Invalid input: expected object, received array"] });
  });

  it("asks with both validators it has, and with none before it has a version", async () => {
    const files = feedFiles([newsroomPack(1)]);
    const { fetcher, asked } = server(files);
    await readFeed(
      ADDRESS,
      FEED_KEYS.publicKey,
      { id: "test-feed", version: 1, etag: '"a"', lastModified: "Tue, 01 Dec 2026 10:00:00 GMT" },
      fetcher,
    );
    const headers = new Headers(asked[0].init.headers);
    expect([headers.get("If-None-Match"), headers.get("If-Modified-Since")]).toEqual([
      '"a"',
      "Tue, 01 Dec 2026 10:00:00 GMT",
    ]);
    await readFeed(
      ADDRESS,
      FEED_KEYS.publicKey,
      { etag: '"a"', lastModified: "Tue, 01 Dec 2026 10:00:00 GMT" },
      fetcher,
    );
    const first = new Headers(asked.at(-3)?.init.headers);
    expect([first.get("If-None-Match"), first.get("If-Modified-Since")]).toEqual([null, null]);
    // A 304 to a reader who has nothing yet is not "unchanged": there is nothing to keep.
    const notModified: Fetcher = async () => new Response(null, { status: 304 });
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, notModified)).toMatchObject({ kind: "refused" });
  });

  it("names a signature that is not base64, an index that is not one, and packs that are not packs", async () => {
    const files = feedFiles([newsroomPack(1)]);
    const badSig = new Map(files).set("index.json.sig", new TextEncoder().encode("not base64!"));
    expect(await reasonOf(badSig)).toBe("The signature file (index.json.sig) is not base64.");
    const index = JSON.parse(new TextDecoder().decode(files.get("index.json")));
    expect(await reasonOf(resignedIndex(files, { ...index, version: "two", title: "" }))).toBe(
      "The index is not a valid feed index: title: Too small: expected string to have >=1 characters; version: Invalid input: expected number, received string",
    );
    const notJson = resignedPack(files, "{ not json");
    expect(await reasonOf(notJson)).toMatch(/^packs\/newsroom\.json is not valid JSON: /);
    const notPack = resignedPack(files, '{"items": []}');
    expect(await reasonOf(notPack)).toBe(
      'packs/newsroom.json is not a pack: expected an object with an "entries" array.',
    );
    const array = resignedPack(files, JSON.stringify(JSON.parse(newsroomPack(1).text).entries), 2);
    expect(await reasonOf(array)).toBe("new");
  });

  it("lists at most three problems of a pack, and says how many more", async () => {
    const files = feedFiles([newsroomPack(1)]);
    const rows = Array.from({ length: 5 }, (_, i) => ({ id: `Bad ${i}` }));
    const reason = await reasonOf(resignedPack(files, JSON.stringify({ entries: rows }), 5));
    expect(reason.split("; ")).toHaveLength(4);
    expect(reason).toMatch(/; and \d+ more$/);
  });

  it("states sizes in KB under a megabyte and in MB from one", async () => {
    expect(await reasonOf(new Map([["index.json", new Uint8Array(300 * 1024)]]))).toBe(
      "The index (index.json) is larger than 256 KB.",
    );
    const files = feedFiles([newsroomPack(1)]);
    const headerSays: Fetcher = async (url) => {
      const path = new URL(url).pathname.replace("/news/", "");
      return new Response(new Uint8Array(files.get(path) ?? new Uint8Array()), {
        headers: path === "index.json" ? { "Content-Length": String(2 * 1024 * 1024) } : {},
      });
    };
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, headerSays)).toEqual({
      kind: "refused",
      reason: "The index (index.json) is larger than 256 KB.",
    });
  });

  it("names a server's answer with its status text, or without one", async () => {
    const teapot: Fetcher = async () => new Response("no", { status: 418, statusText: "I'm a teapot" });
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, teapot)).toEqual({
      kind: "refused",
      reason: "The feed's server answered 418 (I'm a teapot) for index.json.",
    });
    const bare: Fetcher = async () => new Response("no", { status: 500 });
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, bare)).toEqual({
      kind: "refused",
      reason: "The feed's server answered 500 for index.json.",
    });
  });
});

/** The files with the pack's bytes replaced by `text` (and `entries` rows) and the index re-signed to match. */
function resignedPack(files: Map<string, Uint8Array>, text: string, entries = 2): Map<string, Uint8Array> {
  const data = new TextEncoder().encode(text);
  const index = JSON.parse(new TextDecoder().decode(files.get("index.json")));
  index.packs[0] = {
    ...index.packs[0],
    bytes: data.length,
    entries,
    sha256: createHash("sha256").update(data).digest("hex"),
  };
  const out = resignedIndex(files, index);
  out.set("packs/newsroom.json", data);
  return out;
}

describe("what a feed read reports", () => {
  it("counts every byte it read: index, signature and packs", async () => {
    const files = feedFiles([newsroomPack(1)]);
    const result = await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, server(files).fetcher);
    const total = [...files.values()].reduce((n, data) => n + data.length, 0);
    expect(result).toMatchObject({ kind: "new", bytes: total });
  });

  it("refuses a signature file over its limit", async () => {
    const files = new Map(feedFiles([newsroomPack(1)])).set("index.json.sig", new Uint8Array(2048).fill(65));
    expect(await reasonOf(files)).toBe("The signature (index.json.sig) is larger than 1 KB.");
  });

  it("counts a first failure from no status at all", () => {
    const now = Date.parse("2026-12-03T10:00:00Z");
    expect(afterCheck(undefined, now, "offline")).toEqual({
      lastCheck: new Date(now).toISOString(),
      lastError: "offline",
      failures: 1,
      nextCheck: nextCheckAfter(now, 1),
      paused: false,
    });
  });
});

describe("reading a feed's bodies", () => {
  it("joins a body that arrives in many chunks, byte for byte", async () => {
    const files = feedFiles([newsroomPack(1)]);
    const chunked: Fetcher = async (url) => {
      const data = files.get(new URL(url).pathname.replace("/news/", "")) ?? new Uint8Array();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < data.length; i += 7) controller.enqueue(data.slice(i, i + 7));
          controller.close();
        },
      });
      return new Response(stream);
    };
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, chunked)).toMatchObject({ kind: "new" });
  });

  it("names the index when it is the index the server stops sending", async () => {
    const stalled: Fetcher = async () =>
      new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array(3)) }));
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, stalled, 50)).toEqual({
      kind: "refused",
      reason: "The feed's server stopped sending index.json for 0.05 seconds.",
    });
  });

  it("takes a body of exactly its limit", async () => {
    const exact = new Map([["index.json", new Uint8Array(256 * 1024).fill(32)]]);
    const { fetcher } = server(exact);
    const withLength: Fetcher = async (url, init) => {
      const response = await fetcher(url, init);
      const body = new Uint8Array(await response.arrayBuffer());
      return new Response(body, { status: response.status, headers: { "Content-Length": String(body.length) } });
    };
    // Read whole (then refused for having no signature), not refused for its size.
    expect(await readFeed(ADDRESS, FEED_KEYS.publicKey, {}, withLength)).toEqual({
      kind: "refused",
      reason: "The feed's server answered 404 for index.json.sig.",
    });
  });

  it("says nothing of more problems when there are exactly three", async () => {
    const files = feedFiles([newsroomPack(1)]);
    const rows = Array.from({ length: 3 }, (_, i) => ({
      id: `bad-${i}`,
      title: "t",
      category: "concept",
      forms: ["x"],
      summary: "s",
      sources: [],
    }));
    const reason = await reasonOf(resignedPack(files, JSON.stringify({ entries: rows }), 3));
    expect(reason.split("; ")).toHaveLength(3);
    expect(reason).not.toContain("more");
  });
});
