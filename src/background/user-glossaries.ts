import { IMPORT_LIMITS, validateEntries } from "../glossary/import.ts";
import { ext } from "../shared/ext-api.ts";
import { USER_GLOSSARIES_KEY } from "../shared/settings.ts";
import {
  GLOSSARIES_VERSION,
  glossariesFromStored,
  type StoredGlossaries,
  type UserGlossary,
} from "./stored-glossaries.ts";

export type { UserGlossary } from "./stored-glossaries.ts";

/** Reads the stored glossaries: the intact ones (a malformed one is left out and reported). */
export async function inspectUserGlossaries(): Promise<ReturnType<typeof glossariesFromStored>> {
  return glossariesFromStored((await ext().storage.local.get(USER_GLOSSARIES_KEY))[USER_GLOSSARIES_KEY]);
}

export async function readUserGlossaries(): Promise<UserGlossary[]> {
  return (await inspectUserGlossaries()).glossaries;
}

/** The storage item holding `glossaries`: written alone, or with a feed's status in the same write. */
export function glossariesItem(glossaries: UserGlossary[]): Record<string, StoredGlossaries> {
  return { [USER_GLOSSARIES_KEY]: { version: GLOSSARIES_VERSION, glossaries } };
}

async function write(glossaries: UserGlossary[]): Promise<void> {
  await ext().storage.local.set(glossariesItem(glossaries));
}

let queue: Promise<unknown> = Promise.resolve();
/**
 * Changes to the glossaries, one at a time: each reads the whole list, changes it and writes it
 * back, so a feed's update must not overwrite an import made while it was being fetched.
 */
export function serially<T>(change: () => Promise<T>): Promise<T> {
  const run = queue.then(change, change);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Adds a glossary after validating it again (the options page's check is for the preview;
 * this one is the gate). On any problem nothing is written: the stored glossaries stay as
 * they were. Returns the problems, or the new glossary.
 */
export function addUserGlossary(name: string, rows: unknown[]): Promise<{ errors: string[]; glossary?: UserGlossary }> {
  return serially(() => add(name, rows));
}

async function add(name: string, rows: unknown[]): Promise<{ errors: string[]; glossary?: UserGlossary }> {
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

export function updateUserGlossary(id: string, change: (g: UserGlossary) => UserGlossary | null): Promise<boolean> {
  return serially(() => update(id, change));
}

async function update(id: string, change: (g: UserGlossary) => UserGlossary | null): Promise<boolean> {
  const glossaries = await readUserGlossaries();
  const index = glossaries.findIndex((g) => g.id === id);
  if (index < 0) return false;
  const next = change(glossaries[index]);
  const list = next ? glossaries.with(index, next) : glossaries.filter((g) => g.id !== id);
  await write(list);
  return true;
}
