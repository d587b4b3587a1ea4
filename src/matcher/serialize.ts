import type { Matcher } from "./types.ts";

/**
 * A matcher as JSON-safe data, so it can be written to a file at build time and passed through
 * extension messaging (which only carries JSON): typed arrays as base64 strings, and per node
 * only its edge and form counts (2 and 1 bytes), from which the start offsets are rebuilt on
 * load. Edge targets need no storage at all (see Matcher).
 */
export interface SerializedMatcher {
  format: 2;
  entryIds: string[];
  forms: string[];
  maxFormLength: number;
  entryGroup: string;
  contextStart: string;
  contextEntries: string;
  formEntry: string;
  formFlags: string;
  edgeUnit: string;
  nodeForms: string;
  nodeEdgeCount: string;
  nodeFormCount: string;
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

function counts(starts: Uint32Array, Type: typeof Uint8Array | typeof Uint16Array, field: string): ArrayBufferView {
  const out = new Type(starts.length - 1);
  const max = Type === Uint8Array ? 0xff : 0xffff;
  for (let n = 0; n < out.length; n++) {
    const c = starts[n + 1] - starts[n];
    if (c > max) throw new Error(`matcher too wide to serialise: a node has ${c} ${field}`);
    out[n] = c;
  }
  return out;
}

function starts(countsOf: Uint8Array | Uint16Array): Uint32Array {
  const out = new Uint32Array(countsOf.length + 1);
  for (let n = 0; n < countsOf.length; n++) out[n + 1] = out[n] + countsOf[n];
  return out;
}

export function serializeMatcher(m: Matcher): SerializedMatcher {
  return {
    format: 2,
    entryIds: m.entryIds,
    forms: m.forms,
    maxFormLength: m.maxFormLength,
    entryGroup: toBase64(m.entryGroup),
    contextStart: toBase64(m.contextStart),
    contextEntries: toBase64(m.contextEntries),
    formEntry: toBase64(m.formEntry),
    formFlags: toBase64(m.formFlags),
    edgeUnit: toBase64(m.edgeUnit),
    nodeForms: toBase64(m.nodeForms),
    nodeEdgeCount: toBase64(counts(m.nodeEdgeStart, Uint16Array, "edges")),
    nodeFormCount: toBase64(counts(m.nodeFormStart, Uint8Array, "forms")),
  };
}

export function deserializeMatcher(s: SerializedMatcher): Matcher {
  if (s.format !== 2) throw new Error(`unsupported matcher format ${String(s.format)}`);
  return {
    entryIds: s.entryIds,
    forms: s.forms,
    maxFormLength: s.maxFormLength,
    entryGroup: new Uint8Array(fromBase64(s.entryGroup)),
    contextStart: new Uint32Array(fromBase64(s.contextStart)),
    contextEntries: new Uint32Array(fromBase64(s.contextEntries)),
    formEntry: new Uint32Array(fromBase64(s.formEntry)),
    formFlags: new Uint8Array(fromBase64(s.formFlags)),
    edgeUnit: new Uint16Array(fromBase64(s.edgeUnit)),
    nodeForms: new Uint32Array(fromBase64(s.nodeForms)),
    nodeEdgeStart: starts(new Uint16Array(fromBase64(s.nodeEdgeCount))),
    nodeFormStart: starts(new Uint8Array(fromBase64(s.nodeFormCount))),
  };
}
