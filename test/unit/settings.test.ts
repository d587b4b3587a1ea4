import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../src/shared/categories.ts";
import { DEFAULT_SETTINGS, isSiteEnabled, type Settings } from "../../src/shared/settings.ts";
import {
  inspectStoredSettings,
  SYNC_ITEM_BUDGET,
  settingsFromStored,
  settingsToWrite,
  storedFromSettings,
} from "../../src/shared/settings-storage.ts";

const allOn = Object.fromEntries(CATEGORIES.map((c) => [c, true]));
const rest = { mode: "first", markStyle: "dotted", knownEntries: [], underlineFamiliar: false, thenAndSince: true };

const settings = (overrides: Partial<Settings["categories"]> = {}, disabledSites: string[] = []): Settings => ({
  categories: { ...DEFAULT_SETTINGS.categories, ...overrides },
  disabledSites,
  disabledPacks: [],
  mode: "first",
  markStyle: "dotted",
  knownEntries: [],
  underlineFamiliar: false,
  thenAndSince: true,
});

describe("settingsFromStored", () => {
  it("gives the defaults when nothing is stored", () => {
    for (const raw of [undefined, null, {}]) {
      expect(settingsFromStored(raw)).toEqual({ categories: allOn, disabledSites: [], disabledPacks: [], ...rest });
    }
  });

  it("applies what is stored over the defaults", () => {
    const got = settingsFromStored({
      version: 2,
      categories: { person: false },
      disabledSites: ["example.com"],
      disabledPacks: [],
    });
    expect(got).toEqual({
      categories: { ...allOn, person: false },
      disabledSites: ["example.com"],
      disabledPacks: [],
      ...rest,
    });
  });

  it("falls back to the defaults for malformed data", () => {
    const malformed: unknown[] = [
      "settings",
      42,
      [],
      { version: "2", categories: { person: false } },
      { version: 0, categories: { person: false } },
      { categories: { person: false } },
      { version: 2, categories: { person: "no" } },
      { version: 2, categories: [] },
      { version: 2, disabledSites: "example.com" },
      { version: 2, disabledSites: [42] },
      { version: 2, disabledSites: [""] },
      { version: 2, disabledSites: ["x".repeat(254)] },
      { version: 2, mode: "some" },
      { version: 2, markStyle: 3 },
      { version: 2, knownEntries: "xi-jinping" },
      { version: 2, knownEntries: [""] },
    ];
    for (const raw of malformed) {
      expect(settingsFromStored(raw), JSON.stringify(raw)).toEqual({
        categories: allOn,
        disabledSites: [],
        disabledPacks: [],
        ...rest,
      });
    }
  });

  it("keeps the intact fields when another is malformed, and lower-cases hosts", () => {
    expect(
      settingsFromStored({
        version: 2,
        categories: { person: false, event: "no" },
        disabledSites: ["", "News.Example", 7],
      }),
    ).toEqual({ categories: { ...allOn, person: false }, disabledSites: ["news.example"], disabledPacks: [], ...rest });
  });

  it("stores the packs switched off, and drops malformed pack ids", () => {
    expect(storedFromSettings({ ...settingsFromStored(undefined), disabledPacks: ["places", "economy"] })).toEqual({
      version: 2,
      disabledPacks: ["economy", "places"],
    });
    expect(settingsFromStored({ version: 2, disabledPacks: ["places", "", 3] }).disabledPacks).toEqual(["places"]);
  });

  it("never hands out the shared defaults object", () => {
    const a = settingsFromStored(undefined);
    a.categories.person = false;
    a.disabledSites.push("example.com");
    expect(DEFAULT_SETTINGS.categories.person).toBe(true);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
    expect(settingsFromStored(undefined)).toEqual({ categories: allOn, disabledSites: [], disabledPacks: [], ...rest });
  });
});

describe("storedFromSettings", () => {
  it("stores only the version for the defaults", () => {
    expect(storedFromSettings(DEFAULT_SETTINGS)).toEqual({ version: 2 });
    expect(storedFromSettings(settingsFromStored(undefined))).toEqual({ version: 2 });
  });

  it("stores only what differs from the defaults", () => {
    expect(storedFromSettings(settings({ place: false }))).toEqual({ version: 2, categories: { place: false } });
    expect(storedFromSettings(settings({}, ["b.example", "a.example", "b.example"]))).toEqual({
      version: 2,
      disabledSites: ["b.example", "a.example"],
    });
  });

  it("stores the mode, the mark style and the entries the reader knows", () => {
    const s = { ...settings(), mode: "none", markStyle: "tint", knownEntries: ["un", "xi-jinping", "un"] } as Settings;
    const stored = storedFromSettings(s);
    expect(stored).toEqual({ version: 2, mode: "none", markStyle: "tint", knownEntries: ["un", "xi-jinping"] });
    expect(settingsFromStored(JSON.parse(JSON.stringify(stored)))).toEqual({
      ...s,
      knownEntries: ["un", "xi-jinping"],
    });
  });

  it("stores then-and-since only when the reader turned it off", () => {
    const off = { ...settings(), thenAndSince: false };
    expect(storedFromSettings(off)).toEqual({ version: 2, thenAndSince: false });
    expect(settingsFromStored({ version: 2, thenAndSince: false })).toEqual(off);
    expect(settingsFromStored({ version: 2, thenAndSince: "no" }).thenAndSince).toBe(true);
  });

  it("fits one storage.sync item, dropping the oldest of the longest list first", () => {
    const known = Array.from({ length: 600 }, (_, i) => `entry-number-${i}`);
    const sites = Array.from({ length: 100 }, (_, i) => `site-${i}.example`);
    const stored = storedFromSettings({ ...settings({}, sites), knownEntries: known });
    expect(new TextEncoder().encode(JSON.stringify(stored)).length).toBeLessThanOrEqual(SYNC_ITEM_BUDGET);
    expect(stored.knownEntries?.at(-1)).toBe("entry-number-599");
    expect(stored.knownEntries?.[0]).not.toBe("entry-number-0");
    expect(stored.disabledSites).toEqual(sites);
  });

  it("round-trips through storage", () => {
    const cases = [
      settings(),
      settings({ person: false, concept: false }),
      settings({}, ["example.com"]),
      settings({ event: false }, ["news.example", "example.org"]),
    ];
    for (const s of cases) {
      const stored = JSON.parse(JSON.stringify(storedFromSettings(s)));
      const back = settingsFromStored(stored);
      expect(back.categories).toEqual(s.categories);
      expect(back.disabledSites).toEqual(s.disabledSites);
      expect(storedFromSettings(back)).toEqual(stored);
    }
  });
});

describe("isSiteEnabled", () => {
  it("is on unless the site is disabled", () => {
    const s = settings({}, ["example.com"]);
    expect(isSiteEnabled(s, "example.com")).toBe(false);
    expect(isSiteEnabled(s, "news.example.com")).toBe(true);
    expect(isSiteEnabled(s, "example.org")).toBe(true);
    expect(isSiteEnabled(DEFAULT_SETTINGS, "example.com")).toBe(true);
  });

  it("ignores the case of the host", () => {
    const s = settings({}, ["example.com"]);
    expect(isSiteEnabled(s, "Example.COM")).toBe(false);
    expect(isSiteEnabled(s, "EXAMPLE.COM")).toBe(false);
  });
});

describe("stored settings: versions, migrations and problems", () => {
  it("migrates version 1 (Backstory 0.1): every field kept, lists in their stored order", () => {
    const v1 = {
      version: 1,
      categories: { place: false },
      disabledSites: ["a.example", "b.example"],
      disabledPacks: ["economy"],
    };
    const { settings, problems } = inspectStoredSettings(v1);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ...settingsFromStored(undefined),
      categories: { ...allOn, place: false },
      disabledSites: ["a.example", "b.example"],
      disabledPacks: ["economy"],
    });
    expect(storedFromSettings(settings)).toEqual({ ...v1, version: 2 });
  });

  it("reads what it knows of a newer version, and says so", () => {
    const { settings, problems } = inspectStoredSettings({ version: 3, mode: "all", futureField: { x: 1 } });
    expect(settings.mode).toBe("all");
    expect(problems).toEqual([{ area: "settings", field: "version", reason: "newer-version" }]);
  });

  it("names every field it had to drop, and keeps the rest", () => {
    const { settings, problems } = inspectStoredSettings({
      version: 2,
      categories: { person: false, place: "no" },
      disabledSites: ["ok.example", 42],
      mode: "loud",
      markStyle: "tint",
      knownEntries: "cop26",
    });
    expect(settings.categories.person).toBe(false);
    expect(settings.disabledSites).toEqual(["ok.example"]);
    expect(settings.markStyle).toBe("tint");
    expect(settings.mode).toBe("first");
    expect(problems.map((p) => p.field)).toEqual(["categories.place", "disabledSites", "mode", "knownEntries"]);
    expect(inspectStoredSettings("garbage").problems).toEqual([{ area: "settings", field: "*", reason: "malformed" }]);
    expect(inspectStoredSettings(undefined).problems).toEqual([]);
  });
});

describe("stored settings, at their edges", () => {
  const problemsOf = (raw: unknown) => inspectStoredSettings(raw).problems.map((p) => `${p.field}:${p.reason}`);

  it("refuses a version that is not a whole number from 1 up, keeping the defaults", () => {
    for (const version of ["2", 1.5, 0, -1, null]) {
      const { settings, problems } = inspectStoredSettings({ version, mode: "all" });
      expect(settings, String(version)).toEqual(DEFAULT_SETTINGS);
      expect(problems, String(version)).toEqual([{ area: "settings", field: "version", reason: "malformed" }]);
    }
  });

  it("migrates version 1 to 2 before reading", () => {
    expect(inspectStoredSettings({ version: 1, mode: "none" })).toEqual({
      settings: { ...DEFAULT_SETTINGS, mode: "none" },
      problems: [],
    });
  });

  it("drops categories stored as anything but an object of switches", () => {
    for (const categories of ["person", null, [true, false], 3]) {
      expect(problemsOf({ version: 2, categories }), JSON.stringify(categories)).toEqual(["categories:malformed"]);
      expect(settingsFromStored({ version: 2, categories }).categories).toEqual(DEFAULT_SETTINGS.categories);
    }
  });

  it("reads each list item by item: packs and known entries as they are, sites in lower case, the newest kept", () => {
    const settings = settingsFromStored({
      version: 2,
      disabledSites: ["News.Example", "b.example"],
      disabledPacks: ["economy", "sport"],
      knownEntries: ["cop26", "xi-jinping"],
    });
    expect(settings.disabledSites).toEqual(["news.example", "b.example"]);
    expect(settings.disabledPacks).toEqual(["economy", "sport"]);
    expect(settings.knownEntries).toEqual(["cop26", "xi-jinping"]);
    expect(problemsOf({ version: 2, disabledPacks: "economy" })).toEqual(["disabledPacks:malformed"]);
    expect(problemsOf({ version: 2, knownEntries: ["cop26", 7] })).toEqual(["knownEntries:malformed"]);
  });

  it("stores underlining household names only when it differs from the default", () => {
    expect(storedFromSettings({ ...DEFAULT_SETTINGS, underlineFamiliar: true })).toEqual({
      version: 2,
      underlineFamiliar: true,
    });
  });

  it("trims the longer list first to fit storage.sync, sites when they are longer", () => {
    const sites = Array.from({ length: 400 }, (_, i) => `a-rather-long-site-name-${i}.example`);
    const stored = storedFromSettings({ ...DEFAULT_SETTINGS, disabledSites: sites, knownEntries: ["cop26"] });
    expect(new TextEncoder().encode(JSON.stringify(stored)).length).toBeLessThanOrEqual(SYNC_ITEM_BUDGET);
    expect(stored.knownEntries).toEqual(["cop26"]);
    expect(stored.disabledSites?.at(-1)).toBe(sites.at(-1));
    expect(stored.disabledSites?.length).toBeLessThan(sites.length);
    // Each list trimmed only as far as needed: one item more would not fit.
    const one = JSON.stringify({ ...stored, disabledSites: sites.slice(-(stored.disabledSites?.length ?? 0) - 1) });
    expect(new TextEncoder().encode(one).length).toBeGreaterThan(SYNC_ITEM_BUDGET);
  });

  it("trims known entries when only they are stored, and never loops on what cannot shrink", () => {
    const known = Array.from({ length: 900 }, (_, i) => `an-entry-with-a-long-id-${i}`);
    const stored = storedFromSettings({ ...DEFAULT_SETTINGS, knownEntries: known });
    expect(stored.disabledSites).toBeUndefined();
    expect(stored.knownEntries?.at(-1)).toBe(known.at(-1));
    expect(new TextEncoder().encode(JSON.stringify(stored)).length).toBeLessThanOrEqual(SYNC_ITEM_BUDGET);
  });
});

describe("settingsToWrite: what goes over the stored item", () => {
  const next = { ...DEFAULT_SETTINGS, mode: "all" as const };

  it("writes this version's settings over anything of this version or older, or anything malformed", () => {
    for (const current of [
      undefined,
      null,
      "garbage",
      [1],
      { version: 1, mode: "none" },
      { version: 2 },
      { version: "3" },
    ]) {
      expect(settingsToWrite(current, next), JSON.stringify(current)).toEqual({ version: 2, mode: "all" });
    }
  });

  it("keeps a newer version's number and the fields it does not know, and sets the ones it knows", () => {
    const current = { version: 3, mode: "none", futureField: { x: 1 }, markStyle: "tint" };
    expect(settingsToWrite(current, next)).toEqual({ version: 3, mode: "all", futureField: { x: 1 } });
  });
});
