import type { Matcher } from "./types.ts";

/**
 * A matcher as JSON-safe data, so it can be written to a file at build time and passed through
 * extension messaging (which only carries JSON). Sized for glossaries of 100,000 terms, where
 * the trie has about a million nodes:
 * - texts (entry ids, edge units) are single strings, not arrays of strings or base64:
 *   JSON.parse copies one long string far faster than it builds 100,000 short ones, and ASCII
 *   costs one byte instead of base64's 2.7 per UTF-16 unit;
 * - a node's edge and form counts are unary codes in a bit vector (LOUDS: count ones, then a
 *   zero), two bits per node on average instead of three bytes, decoded once on load;
 * - edge targets and the node → forms table need no storage at all (see {@link Matcher}),
 *   nor do the forms' texts: the trie holds them case-folded, and `caps` their capitals;
 * - other numbers are typed arrays as base64.
 */
export interface SerializedMatcher {
  format: 4;
  /** Entry ids joined by "\n". */
  entryIds: string;
  /** Per form, its number of capitals; then their positions. */
  capCount: string;
  caps: string;
  maxFormLength: number;
  /** Edge units as one string, surrogates escaped (see {@link escapeUnits}). */
  edgeUnits: string;
  nodeCount: number;
  /** Per node, its edge count in unary. */
  nodeEdges: string;
  /** Per node, the number of forms ending there in unary. */
  nodeForms: string;
  entryGroup: string;
  /** Per entry, its number of context entries. */
  contextCount: string;
  contextEntries: string;
  formEntry: string;
  formFlags: string;
}

type Base64 = { toBase64?: () => string };
const Uint8 = Uint8Array as typeof Uint8Array & { fromBase64?: (text: string) => Uint8Array };

function toBase64(view: ArrayBufferView): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const native = (bytes as Base64).toBase64;
  if (native) return native.call(bytes);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}

/** Decodes base64 natively where the browser can (Chrome 140+, Firefox 133+): 10× a JS loop. */
function fromBase64(text: string): ArrayBuffer {
  if (Uint8.fromBase64) return Uint8.fromBase64(text).buffer as ArrayBuffer;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/**
 * Edge units may be lone surrogates (half of an emoji), which a browser's messaging may turn
 * into U+FFFD on the way to a tab: they are written as U+FFFF (a noncharacter) followed by a
 * BMP character in U+1000–U+17FF, and U+FFFF itself as U+FFFF U+0100. Most glossaries have
 * none, and their edge string is used as it arrives.
 */
const SURROGATE_BASE = 0x1000;

function escapeUnits(units: string): string {
  return units.replace(/[\ud800-\udfff\uffff]/g, (c) => {
    const u = c.charCodeAt(0);
    return `\uffff${String.fromCharCode(u === 0xffff ? 0x100 : SURROGATE_BASE + (u - 0xd800))}`;
  });
}

function unescapeUnits(text: string, count: number): string {
  const units = text.includes("\uffff")
    ? text.replace(/\uffff[\s\S]/g, (pair) => {
        const c = pair.charCodeAt(1);
        return String.fromCharCode(c === 0x100 ? 0xffff : 0xd800 + (c - SURROGATE_BASE));
      })
    : text;
  if (units.length !== count) throw new Error(`matcher edge units: expected ${count}, found ${units.length}`);
  return units;
}

/** Writes each count in unary (that many ones, then a zero), from per-node start offsets. */
function unary(starts: Uint32Array): Uint8Array {
  const nodes = starts.length - 1;
  const bits = new Uint8Array((nodes + starts[nodes] + 7) >> 3);
  let bit = 0;
  for (let n = 0; n < nodes; n++) {
    for (let c = starts[n + 1] - starts[n]; c > 0; c--, bit++) bits[bit >> 3] |= 1 << (bit & 7);
    bit++; // the zero that ends the count
  }
  return bits;
}

/**
 * For each byte value: how many zeros it holds (ZEROS), the number of ones below each zero
 * (ONES_BEFORE, 8 slots a byte) and in all (ONES). Decoding then costs one step per node, not
 * one per bit: a million nodes decode in a few milliseconds.
 */
const ZEROS = new Uint8Array(256);
const ONES = new Uint8Array(256);
const ONES_BEFORE = new Uint8Array(256 * 8);
for (let v = 0; v < 256; v++) {
  let ones = 0;
  for (let b = 0; b < 8; b++) {
    if ((v >> b) & 1) ones++;
    else ONES_BEFORE[v * 8 + ZEROS[v]++] = ones;
  }
  ONES[v] = ones;
}

/** Start offsets (one more than `count`) from counts written in unary. */
function fromUnary(bits: Uint8Array, count: number): Uint32Array {
  const starts = new Uint32Array(count + 1);
  let n = 0;
  let total = 0;
  for (let i = 0; i < bits.length; i++) {
    const v = bits[i];
    const zeros = Math.min(ZEROS[v], count - n); // the last byte's padding zeros are no nodes
    for (let k = 0; k < zeros; k++) starts[++n] = total + ONES_BEFORE[v * 8 + k];
    total += ONES[v];
  }
  if (n !== count) throw new Error(`matcher unary counts: expected ${count}, found ${n}`);
  return starts;
}

function startsFromCounts(counts: Uint8Array): Uint32Array {
  const out = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i] + counts[i];
  return out;
}

function countsFromStarts(starts: Uint32Array, what: string): Uint8Array {
  const out = new Uint8Array(starts.length - 1);
  for (let i = 0; i < out.length; i++) {
    const c = starts[i + 1] - starts[i];
    if (c > 0xff) throw new Error(`matcher too wide to serialise: ${c} ${what} in one place`);
    out[i] = c;
  }
  return out;
}

export function serializeMatcher(m: Matcher): SerializedMatcher {
  const nodeCount = m.nodeEdgeStart.length - 1;
  return {
    format: 4,
    entryIds: m.entryIds.join("\n"),
    capCount: toBase64(countsFromStarts(m.capStart, "capitals")),
    caps: toBase64(m.caps),
    maxFormLength: m.maxFormLength,
    edgeUnits: escapeUnits(m.edgeUnits),
    nodeCount,
    nodeEdges: toBase64(unary(m.nodeEdgeStart)),
    nodeForms: toBase64(unary(m.nodeFormStart)),
    entryGroup: toBase64(m.entryGroup),
    contextCount: toBase64(countsFromStarts(m.contextStart, "context entries")),
    contextEntries: toBase64(m.contextEntries),
    formEntry: toBase64(m.formEntry),
    formFlags: toBase64(m.formFlags),
  };
}

export function deserializeMatcher(s: SerializedMatcher): Matcher {
  if (s.format !== 4) throw new Error(`unsupported matcher format ${String(s.format)}`);
  const formEntry = new Uint32Array(fromBase64(s.formEntry));
  const matcher: Omit<Matcher, "entryIds"> = {
    caps: new Uint8Array(fromBase64(s.caps)),
    capStart: startsFromCounts(new Uint8Array(fromBase64(s.capCount))),
    maxFormLength: s.maxFormLength,
    entryGroup: new Uint8Array(fromBase64(s.entryGroup)),
    contextStart: startsFromCounts(new Uint8Array(fromBase64(s.contextCount))),
    contextEntries: new Uint32Array(fromBase64(s.contextEntries)),
    formEntry,
    formFlags: new Uint8Array(fromBase64(s.formFlags)),
    edgeUnits: unescapeUnits(s.edgeUnits, s.nodeCount - 1),
    nodeEdgeStart: fromUnary(new Uint8Array(fromBase64(s.nodeEdges)), s.nodeCount),
    nodeFormStart: fromUnary(new Uint8Array(fromBase64(s.nodeForms)), s.nodeCount),
  };
  // Ids are needed only when a card is opened: 100,000 of them are split on first use.
  let ids: string[] | null = null;
  return Object.defineProperty(matcher, "entryIds", {
    enumerable: true,
    get: () => {
      ids ??= s.entryIds ? s.entryIds.split("\n") : [];
      return ids;
    },
  }) as Matcher;
}
