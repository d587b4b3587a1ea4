import { describe, expect, it } from "vitest";
import { prng } from "../../scripts/lib/prng.ts";
import { CATEGORIES } from "../../src/shared/categories.ts";
import { ContentRequestSchema } from "../../src/shared/content-messages.ts";
import { isContentRequest } from "../../src/shared/content-request.ts";
import { BackgroundRequestSchema } from "../../src/shared/messages.ts";
import { fuzzMessages } from "../support/fuzz-messages.ts";

const VALID_BACKGROUND: unknown[] = [
  { type: "backstory:get-page-config", host: "example.com" },
  { type: "backstory:lookup", ids: ["meng-wanzhou"] },
  { type: "backstory:lookup", ids: Array.from({ length: 50 }, (_, i) => `entry-${i}`) },
  { type: "backstory:get-settings" },
  ...CATEGORIES.map((category) => ({ type: "backstory:set-category", category, enabled: false })),
  { type: "backstory:set-site-enabled", host: "news.example.org", enabled: true },
  { type: "backstory:set-site-enabled", host: "h".repeat(253), enabled: false },
];

const accepts = (schema: typeof BackgroundRequestSchema | typeof ContentRequestSchema, value: unknown) =>
  schema.safeParse(value).success;

describe("BackgroundRequestSchema", () => {
  it("accepts each valid message, unchanged", () => {
    for (const message of VALID_BACKGROUND) {
      const parsed = BackgroundRequestSchema.safeParse(message);
      expect(parsed.success, JSON.stringify(message)).toBe(true);
      expect(parsed.data).toEqual(message);
    }
  });

  it("rejects unknown and unprefixed types", () => {
    for (const type of [
      "backstory:unknown",
      "get-settings",
      "BACKSTORY:GET-SETTINGS",
      "",
      "backstory:get-page-stats",
    ]) {
      expect(accepts(BackgroundRequestSchema, { type }), type).toBe(false);
    }
    expect(accepts(BackgroundRequestSchema, {})).toBe(false);
    expect(accepts(BackgroundRequestSchema, { type: 1 })).toBe(false);
  });

  it("rejects extra fields", () => {
    expect(accepts(BackgroundRequestSchema, { type: "backstory:get-settings", extra: 1 })).toBe(false);
    expect(accepts(BackgroundRequestSchema, { type: "backstory:lookup", ids: ["a"], host: "example.com" })).toBe(false);
    expect(
      accepts(BackgroundRequestSchema, { type: "backstory:set-category", category: "person", enabled: true, x: null }),
    ).toBe(false);
  });

  it("rejects missing fields and wrong field types", () => {
    const bad: unknown[] = [
      { type: "backstory:get-page-config" },
      { type: "backstory:get-page-config", host: 42 },
      { type: "backstory:get-page-config", host: ["example.com"] },
      { type: "backstory:lookup" },
      { type: "backstory:lookup", ids: "meng-wanzhou" },
      { type: "backstory:lookup", ids: [1, 2] },
      { type: "backstory:lookup", ids: [""] },
      { type: "backstory:lookup", ids: ["x".repeat(101)] },
      { type: "backstory:set-category", category: "person" },
      { type: "backstory:set-category", category: "person", enabled: "true" },
      { type: "backstory:set-category", category: "people", enabled: true },
      { type: "backstory:set-site-enabled", host: "example.com" },
      { type: "backstory:set-site-enabled", host: "example.com", enabled: 1 },
      { type: "backstory:set-site-enabled", host: "", enabled: true },
    ];
    for (const message of bad) {
      expect(accepts(BackgroundRequestSchema, message), JSON.stringify(message)).toBe(false);
    }
  });

  it("rejects empty and oversized id lists", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `entry-${i}`);
    expect(accepts(BackgroundRequestSchema, { type: "backstory:lookup", ids: ids(0) })).toBe(false);
    expect(accepts(BackgroundRequestSchema, { type: "backstory:lookup", ids: ids(50) })).toBe(true);
    expect(accepts(BackgroundRequestSchema, { type: "backstory:lookup", ids: ids(51) })).toBe(false);
    expect(accepts(BackgroundRequestSchema, { type: "backstory:lookup", ids: ids(10_000) })).toBe(false);
  });

  it("rejects hosts over 253 characters", () => {
    const host = (n: number) => "a".repeat(n);
    for (const type of ["backstory:get-page-config", "backstory:set-site-enabled"]) {
      const message = (h: string) =>
        type === "backstory:get-page-config" ? { type, host: h } : { type, host: h, enabled: false };
      expect(accepts(BackgroundRequestSchema, message(host(253))), type).toBe(true);
      expect(accepts(BackgroundRequestSchema, message(host(254))), type).toBe(false);
    }
  });

  it("rejects values that are not objects", () => {
    for (const value of [
      undefined,
      null,
      0,
      "backstory:get-settings",
      true,
      [],
      [{ type: "backstory:get-settings" }],
    ]) {
      expect(accepts(BackgroundRequestSchema, value), String(value)).toBe(false);
    }
  });
});

describe("ContentRequestSchema", () => {
  it("accepts the page-stats request", () => {
    expect(accepts(ContentRequestSchema, { type: "backstory:get-page-stats" })).toBe(true);
  });

  it("rejects everything else", () => {
    const bad: unknown[] = [
      { type: "backstory:get-page-stats", host: "example.com" },
      { type: "backstory:get-settings" },
      { type: "get-page-stats" },
      {},
      null,
      "backstory:get-page-stats",
    ];
    for (const message of bad) {
      expect(accepts(ContentRequestSchema, message), JSON.stringify(message)).toBe(false);
    }
  });
});

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const KEYS = ["type", "host", "ids", "category", "enabled", "extra", "constructor", "toString", "0", ""];
const TYPES = [
  "backstory:get-page-config",
  "backstory:lookup",
  "backstory:get-settings",
  "backstory:set-category",
  "backstory:set-site-enabled",
  "backstory:get-page-stats",
];

function randomString(random: Random): string {
  const length = pick(random, [0, 1, 3, 12, 100, 101, 253, 254]);
  const alphabet = "abc-:.XYZ \u00e9\u4e2d\ud83d\ude00";
  let s = "";
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

/** Any JSON value; never one of our message types as a string. */
function randomJson(random: Random, depth = 0): unknown {
  const kind = Math.floor(random() * (depth > 3 ? 4 : 6));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick(random, [0, -1, 1.5, 1e308, -0, 50, 51, 253]);
    case 3:
      return randomString(random);
    case 4:
      return Array.from({ length: Math.floor(random() * 5) }, () => randomJson(random, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 5); i > 0; i--) o[pick(random, KEYS)] = randomJson(random, depth + 1);
      return o;
    }
  }
}

/** A value likely to be near a valid message: right field names, random values. */
function randomNearMessage(random: Random): Record<string, unknown> {
  const o: Record<string, unknown> = { type: pick(random, TYPES) };
  for (let i = Math.floor(random() * 4); i > 0; i--) {
    const key = pick(random, KEYS.slice(1, 5).concat(random() < 0.1 ? ["extra"] : []));
    o[key] = pick(random, [
      () => randomJson(random, 2),
      () => random() < 0.5,
      () => pick(random, CATEGORIES),
      () => "example.com",
      () => randomString(random),
      () => Array.from({ length: pick(random, [0, 1, 50, 51]) }, () => pick(random, ["a", "", "x".repeat(100)])),
    ])();
  }
  return o;
}

/** An independent statement of the protocol, to compare the schemas against. */
function oracle(value: unknown, direction: "background" | "content"): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(",");
  const isHost = (h: unknown) => typeof h === "string" && h.length >= 1 && h.length <= 253;
  if (direction === "content") return keys === "type" && o.type === "backstory:get-page-stats";
  switch (o.type) {
    case "backstory:get-page-config":
      return keys === "host,type" && isHost(o.host);
    case "backstory:lookup":
      return (
        keys === "ids,type" &&
        Array.isArray(o.ids) &&
        o.ids.length >= 1 &&
        o.ids.length <= 50 &&
        o.ids.every((id) => typeof id === "string" && id.length >= 1 && id.length <= 100)
      );
    case "backstory:get-settings":
      return keys === "type";
    case "backstory:set-category":
      return (
        keys === "category,enabled,type" &&
        (CATEGORIES as readonly unknown[]).includes(o.category) &&
        typeof o.enabled === "boolean"
      );
    case "backstory:set-site-enabled":
      return keys === "enabled,host,type" && isHost(o.host) && typeof o.enabled === "boolean";
    default:
      return false;
  }
}

describe("fuzzing the schemas", () => {
  it("never throws and never accepts random JSON", () => {
    const random = prng(1);
    for (let i = 0; i < 2000; i++) {
      const value = randomJson(random);
      const where = JSON.stringify(value);
      expect(BackgroundRequestSchema.safeParse(value).success, where).toBe(false);
      expect(ContentRequestSchema.safeParse(value).success, where).toBe(false);
    }
  });

  it("accepts exactly what the protocol allows, for values close to valid messages", () => {
    const random = prng(2);
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const value = random() < 0.2 ? structuredClone(pick(random, VALID_BACKGROUND)) : randomNearMessage(random);
      const where = JSON.stringify(value);
      const background = BackgroundRequestSchema.safeParse(value).success;
      expect(background, where).toBe(oracle(value, "background"));
      expect(ContentRequestSchema.safeParse(value).success, where).toBe(oracle(value, "content"));
      if (background) accepted++;
    }
    // Both outcomes were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(1900);
  });
});

/** Messages near the content script's own: its types and field names, values valid or not. */
function randomNearContentMessage(random: Random): unknown {
  const o: Record<string, unknown> = {
    type: pick(random, [
      "backstory:get-page-stats",
      "backstory:show-entry",
      "backstory:navigate",
      "backstory:set-article-date",
      "backstory:lookup",
    ]),
  };
  for (let i = Math.floor(random() * 3); i > 0; i--) {
    o[pick(random, ["id", "direction", "day", "extra", "type"])] = pick(random, [
      () => randomJson(random, 2),
      () => pick(random, ["next", "previous", "Next", "sideways", "", "2019-06-10", "2019-6-10", null]),
      () => "x".repeat(pick(random, [0, 1, 100, 101])),
      () => randomString(random),
      () => undefined,
    ])();
  }
  return o;
}

describe("isContentRequest (the content script's check, without zod)", () => {
  const VALID_CONTENT: unknown[] = [
    { type: "backstory:get-page-stats" },
    { type: "backstory:show-entry", id: "meng-wanzhou" },
    { type: "backstory:show-entry", id: "x".repeat(100) },
    { type: "backstory:show-entry", id: "\u{1F600}".repeat(100) }, // 100 code points, 200 UTF-16 units
    { type: "backstory:navigate", direction: "next" },
    { type: "backstory:navigate", direction: "previous" },
    { type: "backstory:set-article-date", day: "2019-06-10" },
    { type: "backstory:set-article-date", day: null },
  ];
  const INVALID_CONTENT: unknown[] = [
    { type: "backstory:set-article-date", day: "2019-6-10" },
    { type: "backstory:set-article-date", day: "10 June 2019" },
    { type: "backstory:set-article-date", day: 20190610 },
    { type: "backstory:set-article-date" },
    { type: "backstory:set-article-date", day: null, extra: 1 },
    { type: "backstory:get-page-stats", host: "example.com" },
    { type: "backstory:show-entry" },
    { type: "backstory:show-entry", id: "" },
    { type: "backstory:show-entry", id: "x".repeat(101) },
    { type: "backstory:show-entry", id: "\u{1F600}".repeat(101) },
    { type: "backstory:show-entry", id: 7 },
    { type: "backstory:show-entry", id: "a", extra: 1 },
    { type: "backstory:navigate", direction: "sideways" },
    { type: "backstory:navigate" },
    { type: "backstory:navigate", direction: "next", id: "a" },
    { type: "backstory:get-settings" },
    { type: "get-page-stats" },
    {},
    [],
    [{ type: "backstory:get-page-stats" }],
    null,
    undefined,
    "backstory:get-page-stats",
    // (Not tried: an object whose type is inherited, which zod reads and the check does not.
    // Messages arrive structured-cloned: plain objects with own properties only.)
  ];

  it("accepts and refuses what the schema does, on valid and invalid messages", () => {
    for (const message of VALID_CONTENT) {
      expect(isContentRequest(message), JSON.stringify(message)).toBe(true);
      expect(accepts(ContentRequestSchema, message), JSON.stringify(message)).toBe(true);
    }
    for (const message of INVALID_CONTENT) {
      expect(isContentRequest(message), JSON.stringify(message)).toBe(false);
      expect(accepts(ContentRequestSchema, message), JSON.stringify(message)).toBe(false);
    }
  });

  it("refuses every fuzz message, as the schema does", () => {
    for (const message of fuzzMessages(3000, 7)) {
      expect(isContentRequest(message), JSON.stringify(message)).toBe(false);
    }
  });

  it("agrees with the schema on random values and values close to valid messages", () => {
    const random = prng(3);
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const roll = random();
      const value =
        roll < 0.1
          ? structuredClone(pick(random, VALID_CONTENT))
          : roll < 0.3
            ? randomJson(random)
            : roll < 0.4
              ? randomNearMessage(random)
              : randomNearContentMessage(random);
      const verdict = isContentRequest(value);
      expect(verdict, JSON.stringify(value)).toBe(accepts(ContentRequestSchema, value));
      if (verdict) accepted++;
    }
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(4700);
  });
});
