import browser from "webextension-polyfill";
import { IMPORT_LIMITS, validateEntries } from "../glossary/import.ts";
import type { Entry } from "../glossary/schema.ts";
import { USER_GLOSSARIES_KEY } from "../shared/settings.ts";

/** A reader's own glossary, kept in storage.local (too large for sync). */
export interface UserGlossary {
  id: string;
  name: string;
  importedAt: string;
  enabled: boolean;
  entries: Entry[];
}

interface Stored {
  version: 1;
  glossaries: UserGlossary[];
}

/** Reads the stored glossaries; one that no longer validates is left out (and logged), the rest kept. */
export async function readUserGlossaries(): Promise<UserGlossary[]> {
  const raw = (await browser.storage.local.get(USER_GLOSSARIES_KEY))[USER_GLOSSARIES_KEY] as Stored | undefined;
  if (raw?.version !== 1 || !Array.isArray(raw.glossaries)) return [];
  return raw.glossaries.filter((g) => {
    const ok =
      g &&
      typeof g.id === "string" &&
      typeof g.name === "string" &&
      Array.isArray(g.entries) &&
      typeof g.enabled === "boolean";
    if (!ok) console.warn("Backstory: a stored glossary is malformed and was left out", g?.id);
    return ok;
  });
}

async function write(glossaries: UserGlossary[]): Promise<void> {
  await browser.storage.local.set({ [USER_GLOSSARIES_KEY]: { version: 1, glossaries } satisfies Stored });
}

/**
 * Adds a glossary after validating it again (the options page's check is for the preview;
 * this one is the gate). On any problem nothing is written: the stored glossaries stay as
 * they were. Returns the problems, or the new glossary.
 */
export async function addUserGlossary(
  name: string,
  rows: unknown[],
): Promise<{ errors: string[]; glossary?: UserGlossary }> {
  const glossaries = await readUserGlossaries();
  if (glossaries.length >= IMPORT_LIMITS.glossaries) {
    return {
      errors: [`You have ${glossaries.length} glossaries; the limit is ${IMPORT_LIMITS.glossaries}. Delete one first.`],
    };
  }
  if (rows.length > IMPORT_LIMITS.entries) {
    return { errors: [`The file holds ${rows.length} entries; the limit is ${IMPORT_LIMITS.entries}.`] };
  }
  const result = validateEntries(name, rows);
  if (result.errors.length) return { errors: result.errors };
  const glossary: UserGlossary = {
    id: `user-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: name.trim().slice(0, 80) || "My glossary",
    importedAt: new Date().toISOString(),
    enabled: true,
    entries: result.entries,
  };
  try {
    await write([...glossaries, glossary]);
  } catch (error) {
    return { errors: [`The glossary could not be stored: ${(error as Error).message}`] };
  }
  return { errors: [], glossary };
}

export async function updateUserGlossary(
  id: string,
  change: (g: UserGlossary) => UserGlossary | null,
): Promise<boolean> {
  const glossaries = await readUserGlossaries();
  const index = glossaries.findIndex((g) => g.id === id);
  if (index < 0) return false;
  const next = change(glossaries[index]);
  const list = next ? glossaries.with(index, next) : glossaries.filter((g) => g.id !== id);
  await write(list);
  return true;
}
