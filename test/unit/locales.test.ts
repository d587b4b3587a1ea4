import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatMessage } from "../support/i18n.ts";

const DIR = join(import.meta.dirname, "../../src/_locales");
type Messages = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;
const read = (lang: string): Messages => JSON.parse(readFileSync(join(DIR, lang, "messages.json"), "utf8"));
const en = read("en");
const locales = readdirSync(DIR).filter((l) => l !== "en");
/** The substitutions a message takes ($1, $2…), through its placeholders. */
const slots = (m: Messages[string]) =>
  [...m.message.matchAll(/\$([a-z0-9_@]+)\$/gi)]
    .map(([, name]) => m.placeholders?.[name.toLowerCase()]?.content ?? `missing placeholder ${name}`)
    .sort();

describe("_locales", () => {
  it("has English and at least one more complete locale", () => {
    expect(locales.length).toBeGreaterThanOrEqual(1);
  });

  it("describes every English message for translators, with valid keys", () => {
    for (const [key, m] of Object.entries(en)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(m.description, key).toBeTruthy();
      expect(m.message.trim(), key).not.toBe("");
    }
  });

  for (const lang of locales) {
    it(`${lang}: translates every message, with the same substitutions`, () => {
      const other = read(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(slots(other[key]), `${lang} ${key}`).toEqual(slots(en[key]));
        expect(formatMessage(other, key, ["X", "Y"]), `${lang} ${key}`).not.toMatch(/\$[a-z]/i);
      }
    });
  }

  it("has every message the manifest names", () => {
    const manifest = readFileSync(join(import.meta.dirname, "../../manifest.json"), "utf8");
    for (const [, key] of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) expect(en[key], key).toBeDefined();
  });

  it("has no message left unused by the code or the manifest", () => {
    const sources = [join(import.meta.dirname, "../../src"), join(import.meta.dirname, "../../manifest.json")];
    let code = "";
    const walk = (p: string) => {
      try {
        for (const f of readdirSync(p)) walk(join(p, f));
      } catch {
        if (/\.(tsx?|json|html)$/.test(p) && !p.includes("_locales")) code += readFileSync(p, "utf8");
      }
    };
    for (const s of sources) walk(s);
    const unused = Object.keys(en).filter((key) => !code.includes(key));
    expect(unused).toEqual([]);
  });
});
