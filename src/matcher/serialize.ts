import type { Matcher } from "./types.ts";

/**
 * A matcher as JSON-safe data: typed arrays as base64 strings, so it can be written to a
 * file at build time and passed through extension messaging (which only carries JSON).
 */
export type SerializedMatcher = { [K in keyof Matcher]: Matcher[K] extends ArrayBufferView ? string : Matcher[K] } & {
  format: 1;
};

const TYPED = [
  "entryGroup",
  "contextStart",
  "contextEntries",
  "formEntry",
  "formFlags",
  "nodeEdgeStart",
  "edgeUnit",
  "edgeTarget",
  "nodeFormStart",
  "nodeForms",
] as const;

function toBase64(view: ArrayBufferView): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function serializeMatcher(m: Matcher): SerializedMatcher {
  const out: Record<string, unknown> = { ...m, format: 1 };
  for (const key of TYPED) out[key] = toBase64(m[key]);
  return out as SerializedMatcher;
}

export function deserializeMatcher(s: SerializedMatcher): Matcher {
  if (s.format !== 1) throw new Error(`unsupported matcher format ${String(s.format)}`);
  const buf = (key: (typeof TYPED)[number]) => fromBase64(s[key]);
  return {
    entryIds: s.entryIds,
    forms: s.forms,
    maxFormLength: s.maxFormLength,
    entryGroup: new Uint8Array(buf("entryGroup")),
    contextStart: new Uint32Array(buf("contextStart")),
    contextEntries: new Uint32Array(buf("contextEntries")),
    formEntry: new Uint32Array(buf("formEntry")),
    formFlags: new Uint8Array(buf("formFlags")),
    nodeEdgeStart: new Uint32Array(buf("nodeEdgeStart")),
    edgeUnit: new Uint16Array(buf("edgeUnit")),
    edgeTarget: new Uint32Array(buf("edgeTarget")),
    nodeFormStart: new Uint32Array(buf("nodeFormStart")),
    nodeForms: new Uint32Array(buf("nodeForms")),
  };
}
