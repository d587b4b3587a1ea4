// The readers' glossaries as stored (storage.local), read without any browser API so that the
// rules — versions, what counts as intact, what is reported — are unit-tested.
import type { Entry } from "../glossary/schema.ts";
import type { StorageProblem } from "../shared/settings-storage.ts";

/** A reader's own glossary, kept in storage.local (too large for sync). */
export interface UserGlossary {
  id: string;
  name: string;
  /** When these entries were stored (imported, or a feed's version applied: src/background/feeds.ts). */
  importedAt: string;
  enabled: boolean;
  entries: Entry[];
}

export const GLOSSARIES_VERSION = 1;

export interface StoredGlossaries {
  version: typeof GLOSSARIES_VERSION;
  glossaries: UserGlossary[];
}

function isGlossary(g: unknown): g is UserGlossary {
  if (typeof g !== "object" || g === null) return false;
  const x = g as Record<string, unknown>;
  return (
    typeof x.id === "string" &&
    typeof x.name === "string" &&
    typeof x.importedAt === "string" &&
    typeof x.enabled === "boolean" &&
    Array.isArray(x.entries)
  );
}

/**
 * The glossaries that are intact; each one that is not is left out and reported by name
 * (entries were validated when imported, and the background compiles them again on use).
 */
export function glossariesFromStored(raw: unknown): { glossaries: UserGlossary[]; problems: StorageProblem[] } {
  const problems: StorageProblem[] = [];
  if (raw === undefined || raw === null) return { glossaries: [], problems };
  const stored = raw as Partial<StoredGlossaries> & { version?: unknown };
  if (typeof raw !== "object" || !Array.isArray(stored.glossaries) || typeof stored.version !== "number") {
    return { glossaries: [], problems: [{ area: "glossaries", field: "*", reason: "malformed" }] };
  }
  if (stored.version > GLOSSARIES_VERSION) problems.push({ area: "glossaries", field: "*", reason: "newer-version" });
  const glossaries = stored.glossaries.filter((g) => {
    if (isGlossary(g)) return true;
    const name = typeof (g as { name?: unknown })?.name === "string" ? (g as { name: string }).name : "?";
    problems.push({ area: "glossaries", field: name, reason: "malformed" });
    return false;
  });
  return { glossaries, problems };
}
