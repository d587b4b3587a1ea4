import { type Matcher, OFFSET_BLOCK_SHIFT } from "./types.ts";

/**
 * A matcher as one binary file (format 5), laid out so that a tab uses it as it arrives: every
 * array is a view on the file's bytes, nothing is parsed or rebuilt. A tab reads the bundled
 * matcher as a file of the extension (fetch → ArrayBuffer, off the main thread); JSON, base64
 * and decoding loops cost tens of milliseconds of cold code on every page (docs/decisions/
 * matcher-format.md). A matcher compiled in the worker (a pack switched off, a reader's own
 * glossary) travels through messaging, which carries only JSON: the same bytes as base64.
 *
 * Layout, little-endian: a header of 32-bit words (magic, then the counts below), then the
 * sections in this order, each starting on a 4-byte boundary:
 * entryGroup u8[entries] · licenseeStart u32[entries+1] · licensees u32[licensees] ·
 * caps u8[capitals] · capStart u32[forms+1] · formEntry u32[forms] · formFlags u8[forms] ·
 * edge offsets: base u32[blocks] · rel u16[nodes+1] · form offsets: base u32[blocks] ·
 * rel u16[nodes+1] (blocks = ((nodes+1) >> 8) + 1; see Offsets) · edgeUnits u16[nodes-1] ·
 * entry ids, UTF-8, joined by "\n" (decoded only when a card or the popup needs an id).
 */
const MAGIC = 0x354d5342; // "BSM5" read as a little-endian word
const HEADER_WORDS = 8;

export type MatcherBytes = Uint8Array;

const align4 = (n: number) => (n + 3) & ~3;

export function serializeMatcher(m: Matcher): MatcherBytes {
  const ids = new TextEncoder().encode(m.entryIds.join("\n"));
  const sections: ArrayBufferView[] = [
    m.entryGroup,
    m.licenseeStart,
    m.licensees,
    m.caps,
    m.capStart,
    m.formEntry,
    m.formFlags,
    m.nodeEdges.base,
    m.nodeEdges.rel,
    m.nodeForms.base,
    m.nodeForms.rel,
    m.edgeUnits,
    ids,
  ];
  let size = HEADER_WORDS * 4;
  for (const s of sections) size = align4(size) + s.byteLength;
  const out = new Uint8Array(align4(size));
  new Uint32Array(out.buffer, 0, HEADER_WORDS).set([
    MAGIC,
    m.nodeEdges.rel.length - 1,
    m.entryGroup.length,
    m.formEntry.length,
    m.maxFormLength,
    m.licensees.length,
    m.caps.length,
    ids.length,
  ]);
  let at = HEADER_WORDS * 4;
  for (const s of sections) {
    at = align4(at);
    out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at);
    at += s.byteLength;
  }
  return out;
}

/** The matcher in `bytes` (a whole file, or a copy of one); its arrays are views on them. */
export function deserializeMatcher(bytes: ArrayBuffer | Uint8Array): Matcher {
  const buffer = bytes instanceof Uint8Array ? aligned(bytes) : bytes;
  if (buffer.byteLength < HEADER_WORDS * 4) throw new Error("matcher: file too short");
  const [magic, nodes, entries, forms, maxFormLength, licensees, capitals, idBytes] = new Uint32Array(
    buffer,
    0,
    HEADER_WORDS,
  );
  if (magic !== MAGIC) throw new Error("matcher: not a format 5 matcher file");
  let at = HEADER_WORDS * 4;
  const take = <T>(make: (offset: number, length: number) => T, length: number, unit: number): T => {
    at = align4(at);
    if (at + length * unit > buffer.byteLength) throw new Error("matcher: file truncated");
    const view = make(at, length);
    at += length * unit;
    return view;
  };
  const u8 = (n: number) => take((o, l) => new Uint8Array(buffer, o, l), n, 1);
  const u32 = (n: number) => take((o, l) => new Uint32Array(buffer, o, l), n, 4);
  const u16 = (n: number) => take((o, l) => new Uint16Array(buffer, o, l), n, 2);
  const blocks = ((nodes + 1) >>> OFFSET_BLOCK_SHIFT) + 1;
  const matcher: Omit<Matcher, "entryIds"> = {
    entryGroup: u8(entries),
    licenseeStart: u32(entries + 1),
    licensees: u32(licensees),
    caps: u8(capitals),
    capStart: u32(forms + 1),
    formEntry: u32(forms),
    formFlags: u8(forms),
    nodeEdges: { base: u32(blocks), rel: u16(nodes + 1) },
    nodeForms: { base: u32(blocks), rel: u16(nodes + 1) },
    edgeUnits: u16(Math.max(0, nodes - 1)),
    maxFormLength,
  };
  const idText = u8(idBytes);
  // Ids are needed only when a card is opened or the popup lists the page: decoded on first use.
  let ids: string[] | null = null;
  return Object.defineProperty(matcher, "entryIds", {
    enumerable: true,
    get: () => {
      ids ??= idText.length ? new TextDecoder().decode(idText).split("\n") : [];
      return ids;
    },
  }) as Matcher;
}

/** Typed views need their offset aligned to their unit: a view at an odd offset is copied. */
function aligned(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer as ArrayBuffer;
  return bytes.slice().buffer as ArrayBuffer;
}

type Base64 = { toBase64?: () => string };
const Uint8 = Uint8Array as typeof Uint8Array & { fromBase64?: (text: string) => Uint8Array };

/** For messaging (JSON only): native where the browser has it (Chrome 140+, Firefox 133+). */
export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64).toBase64;
  if (native) return native.call(bytes);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  if (Uint8.fromBase64) return Uint8.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
