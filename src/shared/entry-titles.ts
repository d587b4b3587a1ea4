import { useEffect, useRef, useState } from "preact/hooks";
import { sendToBackground } from "./runtime.ts";

/** The lookup request takes at most this many ids. */
const LOOKUP_BATCH = 50;

/**
 * The titles of entries (by id), fetched with backstory:lookup in batches the request accepts;
 * each id is asked for once. Ids no glossary has are simply missing from the map.
 */
export function useEntryTitles(ids: readonly string[]): ReadonlyMap<string, string> {
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const requested = useRef(new Set<string>());
  const key = ids.join("\n");
  useEffect(() => {
    const missing = ids.filter((id) => !requested.current.has(id));
    for (const id of missing) requested.current.add(id);
    for (let i = 0; i < missing.length; i += LOOKUP_BATCH) {
      void sendToBackground({ type: "backstory:lookup", ids: missing.slice(i, i + LOOKUP_BATCH) })
        .then(({ entries }) =>
          setTitles((old) => new Map([...old, ...entries.map((e): [string, string] => [e.id, e.title])])),
        )
        .catch(() => {
          for (const id of missing) requested.current.delete(id); // asked again on the next change
        });
    }
  }, [key]);
  return titles;
}
