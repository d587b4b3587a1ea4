import browser from "webextension-polyfill";
import type { CompiledGlossary } from "../glossary/compile.ts";
import type { Entry } from "../glossary/schema.ts";

export interface GlossaryStore {
  compiled: CompiledGlossary;
  byId: Map<string, Entry>;
}

let loading: Promise<GlossaryStore> | null = null;

/**
 * The bundled glossary, read on first use behind one promise. The worker may be stopped at
 * any moment, so nothing else holds state; the next request simply loads it again.
 */
export function loadGlossary(): Promise<GlossaryStore> {
  loading ??= fetch(browser.runtime.getURL("glossary.json"))
    .then((r) => {
      if (!r.ok) throw new Error(`glossary.json: HTTP ${r.status}`);
      return r.json() as Promise<CompiledGlossary>;
    })
    .then((compiled) => ({ compiled, byId: new Map(compiled.entries.map((e) => [e.id, e])) }))
    .catch((error) => {
      loading = null; // let the next request try again
      throw error;
    });
  return loading;
}
