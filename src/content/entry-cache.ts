import type { Entry } from "../glossary/schema.ts";

/** The lookup request takes at most this many ids (BackgroundRequestSchema). */
const LOOKUP_BATCH = 50;

/**
 * Entries by id, asked of the background once each: a hover's lookup starts when the hover
 * does, and the card's own lookup 300 ms later joins the request still under way instead of
 * sending another. A failed request is forgotten, so the next lookup asks again.
 */
export class EntryCache {
  private entries = new Map<string, Entry>();
  private pending = new Map<string, Promise<unknown>>();

  constructor(private fetch: (ids: string[]) => Promise<Entry[]>) {}

  lookup = async (ids: string[]): Promise<Entry[]> => {
    // A clear() while a request is out leaves its answer in the maps it was made for.
    const { entries, pending } = this;
    const missing = [...new Set(ids)].filter((id) => !entries.has(id) && !pending.has(id));
    for (let i = 0; i < missing.length; i += LOOKUP_BATCH) {
      const batch = missing.slice(i, i + LOOKUP_BATCH);
      const request = this.fetch(batch)
        .then((found) => {
          for (const e of found) entries.set(e.id, e);
        })
        .finally(() => {
          for (const id of batch) pending.delete(id);
        });
      for (const id of batch) pending.set(id, request);
    }
    await Promise.all(new Set(ids.map((id) => pending.get(id)).filter((p) => p !== undefined)));
    return ids.map((id) => entries.get(id)).filter((e): e is Entry => e !== undefined);
  };

  /** Forgets every entry (the glossary changed). */
  clear(): void {
    this.entries = new Map();
    this.pending = new Map();
  }
}
