/** What the compiler needs to know about one glossary entry. */
export interface MatcherEntry {
  id: string;
  /** An opaque small number the caller uses to filter (the glossary uses its category index). */
  group: number;
  forms: readonly string[];
  shortForms: readonly string[];
  /** Ids of entries whose full forms also license this entry's short forms. */
  context: readonly string[];
  /**
   * Forms (full or short) that are also everyday words or first names ("Target", "Shell",
   * "Victoria"): matched only as written (not "TARGET"), and at the start of a sentence or a
   * heading, where any word is capitalised, they count as short forms.
   */
  wordNames?: readonly string[];
  /**
   * Forms that are often the first part of a longer proper name the glossary does not know
   * (a city in "Kimberley Strassel", "Chicago Tribune", "Tokyo Electric"): not matched where
   * a capitalised word follows directly.
   */
  nameParts?: readonly string[];
}

/** Form flags. */
export const SHORT_FORM = 1;
/** Forms of one or two letters ("Xi", "UN") match only exactly as written. */
export const EXACT_CASE = 2;
/** A one-word name that is also an everyday word or a first name: see {@link MatcherEntry.wordNames}. */
export const WORD_NAME = 4;
/** See {@link MatcherEntry.nameParts}. */
export const NAME_PART = 8;

/**
 * The compiled matcher: a trie over normalised forms, case-folded except for a capital first
 * letter (a lower-case word in the text need not walk into names), flattened into typed
 * arrays so it can be shipped compactly and used without rebuilding anything per page.
 * Node n's outgoing edges are e in [nodeEdgeStart[n], nodeEdgeStart[n+1]), sorted by their
 * unit edgeUnits[e]; nodes are numbered breadth-first, so edge e leads to node e + 1 (a
 * LOUDS-like layout: no targets). Forms are numbered in node order too, so the forms ending
 * at node n are simply [nodeFormStart[n], nodeFormStart[n+1]).
 */
export interface Matcher {
  entryIds: string[];
  entryGroup: Uint8Array;
  /**
   * The entries whose short forms a full form of entry e licenses (they name e as context):
   * licensees[licenseeStart[e] .. licenseeStart[e+1]).
   */
  licenseeStart: Uint32Array;
  licensees: Uint32Array;
  /**
   * For the case check: the positions where a form has a capital letter, in order —
   * caps[capStart[form] .. capStart[form+1]). Everything else about a form's text is in the
   * trie's case-folded path.
   */
  caps: Uint8Array;
  capStart: Uint32Array;
  formEntry: Uint32Array;
  formFlags: Uint8Array;
  nodeEdgeStart: Uint32Array;
  /** The edges' UTF-16 units (lone surrogates included: an emoji's halves are two edges). */
  edgeUnits: Uint16Array;
  nodeFormStart: Uint32Array;
  /** Length of the longest form, in code units (at most MAX_FORM_LENGTH). */
  maxFormLength: number;
}

/** The number of forms. */
export function formCount(m: Matcher): number {
  return m.formEntry.length;
}

/** Forms longer than this (in UTF-16 units) are refused: capital positions are stored in a byte. */
export const MAX_FORM_LENGTH = 255;
