// Malformed messages for the fuzz tests: random JSON, and our own message types with fields
// missing, mistyped, too long or extra. Deterministic (seeded), and every one is checked
// against the real schemas so that none is accidentally valid (a valid one could change state).
import { prng } from "../../scripts/lib/prng.ts";
import { ContentRequestSchema } from "../../src/shared/content-messages.ts";
import { BackgroundRequestSchema } from "../../src/shared/messages.ts";

const TYPES = [
  "get-page-config",
  "lookup",
  "load-card",
  "get-settings",
  "set-category",
  "set-site-enabled",
  "set-mode",
  "set-mark-style",
  "set-entry-known",
  "reset-settings",
  "list-glossaries",
  "import-glossary",
  "set-glossary-enabled",
  "delete-glossary",
  "export-glossary",
  "get-page-stats",
  "show-entry",
  "navigate",
  "get-storage-report",
].map((t) => `backstory:${t}`);

const FIELDS = ["host", "ids", "category", "enabled", "mode", "markStyle", "id", "known", "name", "entries", "kind"];

export function fuzzMessages(count: number, seed: number): unknown[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const str = (max: number) =>
    Array.from({ length: Math.floor(r() * max) }, () => String.fromCharCode(Math.floor(r() * 0x2fff))).join("");
  const value = (depth: number): unknown => {
    const k = Math.floor(r() * (depth > 2 ? 6 : 9));
    switch (k) {
      case 0:
        return null;
      case 1:
        return r() < 0.5;
      case 2:
        return pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER, 3.5, -0]);
      case 3:
        return str(12);
      case 4:
        return str(depth === 0 ? 2000 : 40);
      case 5:
        return pick(["", "backstory:", "__proto__", "constructor", "<img src=x onerror=alert(1)>", "a".repeat(300)]);
      case 6:
        return Array.from({ length: Math.floor(r() * (depth === 0 ? 60 : 5)) }, () => value(depth + 1));
      case 7:
        return Object.fromEntries(Array.from({ length: Math.floor(r() * 5) }, () => [pick(FIELDS), value(depth + 1)]));
      default:
        return { type: pick(TYPES), [pick(FIELDS)]: value(depth + 1) };
    }
  };
  const message = (): unknown => {
    switch (Math.floor(r() * 5)) {
      case 0:
        return value(0);
      case 1: // one of ours, fields scrambled
        return { type: pick(TYPES), ...Object.fromEntries(FIELDS.filter(() => r() < 0.3).map((f) => [f, value(1)])) };
      case 2: // one of ours with an extra field
        return { type: pick(TYPES), host: "example.com", enabled: true, extra: value(1) };
      case 3: // a type that is not ours, or not quite
        return { type: pick(["backstory:nope", "BACKSTORY:get-settings", "get-settings", str(20)]), id: "x" };
      default: // limits: too many ids, too long strings
        return pick([
          { type: "backstory:lookup", ids: Array.from({ length: 51 }, (_, i) => `id-${i}`) },
          { type: "backstory:lookup", ids: ["x".repeat(101)] },
          { type: "backstory:set-site-enabled", host: "h".repeat(254), enabled: true },
          { type: "backstory:set-entry-known", id: "", known: true },
          { type: "backstory:import-glossary", name: "n".repeat(201), entries: [{}] },
          { type: "backstory:show-entry", id: "y".repeat(101) },
          { type: "backstory:navigate", direction: "sideways" },
        ]);
    }
  };
  const out: unknown[] = [];
  while (out.length < count) {
    const m = message();
    if (BackgroundRequestSchema.safeParse(m).success || ContentRequestSchema.safeParse(m).success) continue;
    out.push(m);
  }
  return out;
}
