import { lowerUnit, normalizeForm } from "./chars.ts";
import {
  EXACT_CASE,
  MAX_FORM_LENGTH,
  type Matcher,
  type MatcherEntry,
  NAME_PART,
  SHORT_FORM,
  TITLE,
  toOffsets,
  WORD_NAME,
} from "./types.ts";

/**
 * Compiles entries into a {@link Matcher}. Runs at build time for the bundled glossary (and
 * later at import time for readers' glossaries); pure and deterministic.
 */
export function compileMatcher(entries: readonly MatcherEntry[]): Matcher {
  const indexOf = new Map(entries.map((e, i) => [e.id, i]));
  const forms: string[] = [];
  const formEntry: number[] = [];
  const formFlags: number[] = [];
  // Trie under construction: one Map of edges per node, plus the forms ending at each node.
  const edges: Map<number, number>[] = [new Map()];
  const ending: number[][] = [[]];
  const seen = new Set<string>();
  let maxFormLength = 0;

  const addForm = (
    text: string,
    entry: number,
    short: boolean,
    wordName: boolean,
    namePart: boolean,
    title = false,
  ) => {
    const form = normalizeForm(text.normalize("NFC"));
    if (!form) return;
    if (form.length > MAX_FORM_LENGTH) throw new Error(`a form is longer than ${MAX_FORM_LENGTH} characters: ${form}`);
    const key = `${entry}\u0000${form}`;
    if (seen.has(key)) return;
    seen.add(key);
    const index = forms.length;
    forms.push(form);
    formEntry.push(entry);
    const letters = form.match(/\p{L}/gu)?.length ?? 0;
    formFlags.push(
      (short ? SHORT_FORM : 0) |
        (letters <= 2 ? EXACT_CASE : 0) |
        (wordName ? WORD_NAME : 0) |
        (namePart ? NAME_PART : 0) |
        (title ? TITLE : 0),
    );
    maxFormLength = Math.max(maxFormLength, form.length);
    let node = 0;
    for (let i = 0; i < form.length; i++) {
      // The first character keeps its capital: a lower-case word in the text then never walks
      // into the names (most forms), only into lower-case concepts. The rest is case-folded.
      const raw = form.charCodeAt(i);
      const unit = i === 0 && lowerUnit(raw) !== raw ? raw : lowerUnit(raw);
      let next = edges[node].get(unit);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        ending.push([]);
        edges[node].set(unit, next);
      }
      node = next;
    }
    ending[node].push(index);
  };

  entries.forEach((entry, i) => {
    const words = new Set(entry.wordNames ?? []);
    const parts = new Set(entry.nameParts ?? []);
    for (const f of entry.forms) addForm(f, i, false, words.has(f), parts.has(f));
    for (const f of entry.shortForms) addForm(f, i, true, words.has(f), parts.has(f));
    for (const f of entry.titles ?? []) addForm(f, i, true, false, false, true);
  });

  const nodeCount = edges.length;
  // Nodes are renumbered breadth-first and their edges laid out in that order, sorted by
  // unit: the child at the end of edge e is then node e + 1, so no edge needs a target.
  // Forms are renumbered in the same order, so a node's forms are a range of form numbers.
  const edgeCount = nodeCount - 1;
  const nodeEdgeStart = new Uint32Array(nodeCount + 1);
  const edgeUnit = new Uint16Array(edgeCount);
  const nodeFormStart = new Uint32Array(nodeCount + 1);
  const formOrder: number[] = [];
  const order = [0];
  let e = 0;
  for (let n = 0; n < nodeCount; n++) {
    const old = order[n];
    nodeEdgeStart[n] = e;
    for (const [unit, target] of [...edges[old]].sort((a, b) => a[0] - b[0])) {
      edgeUnit[e++] = unit;
      order.push(target);
    }
    nodeFormStart[n] = formOrder.length;
    for (const form of ending[old]) formOrder.push(form);
  }
  nodeEdgeStart[nodeCount] = e;
  nodeFormStart[nodeCount] = formOrder.length;
  // Where a form has capitals: the only part of its text the case-folded trie does not hold.
  const capStart = new Uint32Array(forms.length + 1);
  const caps: number[] = [];
  formOrder.forEach((old, f) => {
    capStart[f] = caps.length;
    const form = forms[old];
    for (let i = 0; i < form.length; i++) {
      const unit = form.charCodeAt(i);
      if (lowerUnit(unit) !== unit) caps.push(i);
    }
  });
  capStart[forms.length] = caps.length;

  // Inverted once here, not on every page: for each entry, the entries that name it as context
  // (its full forms license their short forms), in entry order, each once.
  const named = entries.map(() => [] as number[]);
  entries.forEach((entry, i) => {
    for (const id of new Set(entry.context)) {
      const j = indexOf.get(id);
      if (j !== undefined && j !== i) named[j].push(i);
    }
  });
  const licenseeStart = new Uint32Array(entries.length + 1);
  named.forEach((list, j) => {
    licenseeStart[j + 1] = licenseeStart[j] + list.length;
  });

  return {
    entryIds: entries.map((x) => x.id),
    entryGroup: Uint8Array.from(entries, (x) => x.group),
    licenseeStart,
    licensees: Uint32Array.from(named.flat()),
    caps: Uint8Array.from(caps),
    capStart,
    formEntry: Uint32Array.from(formOrder, (old) => formEntry[old]),
    formFlags: Uint8Array.from(formOrder, (old) => formFlags[old]),
    nodeEdges: toOffsets(nodeEdgeStart),
    edgeUnits: edgeUnit,
    nodeForms: toOffsets(nodeFormStart),
    maxFormLength,
  };
}
