/**
 * The two checks that make a feed trustworthy whatever host serves it, with the platform's
 * WebCrypto (browsers since 2025 and Node both have Ed25519): the index's signature, and each
 * pack's digest. No key or signature is ever parsed as anything but bytes.
 */

/** True when `signature` is the Ed25519 signature of `data` by the holder of `publicKey` (32 raw bytes). */
export async function verifyEd25519(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (signature.length !== 64) return false;
  const key = await crypto.subtle.importKey("raw", bytes(publicKey), { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, key, bytes(signature), bytes(data));
}

/** The SHA-256 digest of `data`, in lower-case hex. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes(data)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** WebCrypto wants an ArrayBuffer-backed view (TypeScript's types say so since 5.7). */
const bytes = (view: Uint8Array): Uint8Array<ArrayBuffer> =>
  view.buffer instanceof ArrayBuffer ? (view as Uint8Array<ArrayBuffer>) : new Uint8Array(view);
