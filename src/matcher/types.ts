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
  /**
   * An office's bare titles ("the prime minister"): short forms not matched where "of" or a
   * hyphen follows ("the president of the club", "the president-elect"), which name someone else.
   */
  titles?: readonly string[];
}

/** Form flags. */
export const SHORT_FORM = 1;
/** Forms of one or two letters ("Xi", "UN") match only exactly as written. */
export const EXACT_CASE = 2;
/** A one-word name that is also an everyday word or a first name: see {@link MatcherEntry.wordNames}. */
export const WORD_NAME = 4;
/** See {@link MatcherEntry.nameParts}. */
export const NAME_PART = 8;
/** See {@link MatcherEntry.titles}. */
export const TITLE = 16;

/**
 * The compiled matcher: a trie over normalised forms, case-folded except for a capital first
 * letter (a lower-case word in the text need not walk into names), flattened into typed
 * arrays so it can be shipped compactly and used without rebuilding anything per page.
 * Node n's outgoing edges are e in [start(nodeEdges, n), start(nodeEdges, n+1)), sorted by their
 * unit edgeUnits[e]; nodes are numbered breadth-first, so edge e leads to node e + 1 (a
 * LOUDS-like layout: no targets). Forms are numbered in node order too, so the forms ending
 * at node n are simply [start(nodeForms, n), start(nodeForms, n+1)).
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
  nodeEdges: Offsets;
  /** The edges' UTF-16 units (lone surrogates included: an emoji's halves are two edges). */
  edgeUnits: Uint16Array;
  nodeForms: Offsets;
  /** Length of the longest form, in code units (at most MAX_FORM_LENGTH). */
  maxFormLength: number;
}

/**
 * Per-node start offsets in two bytes a node instead of four: a 32-bit base for each block of
 * 256 nodes and a 16-bit offset from it. A tab holds the matcher as it arrives (a million
 * nodes at 100,000 entries), so this halves the largest part of its memory.
 */
export interface Offsets {
  base: Uint32Array;
  rel: Uint16Array;
}
export const OFFSET_BLOCK_SHIFT = 8;

/** The start offset of node n. */
export function start(o: Offsets, n: number): number {
  return o.base[n >>> OFFSET_BLOCK_SHIFT] + o.rel[n];
}

/** Offsets from plain 32-bit starts; throws when a block spans more than 65,535 (never in practice). */
export function toOffsets(starts: Uint32Array): Offsets {
  const base = new Uint32Array((starts.length >>> OFFSET_BLOCK_SHIFT) + 1);
  const rel = new Uint16Array(starts.length);
  for (let n = 0; n < starts.length; n++) {
    const b = n >>> OFFSET_BLOCK_SHIFT;
    if ((n & ((1 << OFFSET_BLOCK_SHIFT) - 1)) === 0) base[b] = starts[n];
    const d = starts[n] - base[b];
    if (d > 0xffff) throw new Error(`matcher: ${d} edges or forms in one block of 256 nodes`);
    rel[n] = d;
  }
  return { base, rel };
}

/** Forms longer than this (in UTF-16 units) are refused: capital positions are stored in a byte. */
export const MAX_FORM_LENGTH = 255;
