/** What the compiler needs to know about one glossary entry. */
export interface MatcherEntry {
  id: string;
  /** An opaque small number the caller uses to filter (the glossary uses its category index). */
  group: number;
  forms: readonly string[];
  shortForms: readonly string[];
  /** Ids of entries whose full forms also license this entry's short forms. */
  context: readonly string[];
}

/** Form flags. */
export const SHORT_FORM = 1;
/** Forms of one or two letters ("Xi", "UN") match only exactly as written. */
export const EXACT_CASE = 2;

/**
 * The compiled matcher: a trie over normalised forms, case-folded except for a capital first
 * letter (a lower-case word in the text need not walk into names), flattened into typed
 * arrays so it can be shipped as bytes and used without rebuilding anything per page.
 * Node n's outgoing edges are edgeUnit[nodeEdgeStart[n] .. nodeEdgeStart[n+1]), sorted; nodes
 * are numbered breadth-first, so edge e leads to node e + 1 (a LOUDS-like layout: no targets),
 * sorted by unit; the forms ending at n are nodeForms[nodeFormStart[n] .. nodeFormStart[n+1]).
 */
export interface Matcher {
  entryIds: string[];
  entryGroup: Uint8Array;
  contextStart: Uint32Array;
  contextEntries: Uint32Array;
  /** Normalised (not folded) text of each form, for the case check. */
  forms: string[];
  formEntry: Uint32Array;
  formFlags: Uint8Array;
  nodeEdgeStart: Uint32Array;
  edgeUnit: Uint16Array;
  nodeFormStart: Uint32Array;
  nodeForms: Uint32Array;
  /** Length of the longest form, in code units. */
  maxFormLength: number;
}
