/**
 * One file of a feed over the network (issue 14): a GET that carries nothing about the reader
 * (no credentials, no referrer, no shared cache, no redirects), given up on after a silence or
 * past an overall limit, and read no further than its size limit. Every failure is a Refusal
 * with the reason in words; read-feed.ts decides what the files mean.
 */

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** A feed's server that sends nothing for this long is given up on… */
export const FEED_TIMEOUT_MS = 20_000;
/** …and a whole check may take this long (16 MB at about half a megabit a second). */
export const FEED_CHECK_LIMIT_MS = 5 * 60_000;

/** Why a feed is not taken, in words the options page shows. */
export class Refusal extends Error {}

export async function request(
  fetcher: Fetcher,
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  stall: Stall,
): Promise<Response> {
  const file = new URL(url).pathname.split("/").pop() || url;
  let response: Response;
  stall.restart();
  try {
    response = await fetcher(url, {
      method: "GET",
      headers,
      // Nothing about the reader: no cookies or credentials, no referrer, no cache shared with pages.
      credentials: "omit",
      referrerPolicy: "no-referrer",
      cache: "no-store",
      redirect: "error",
      signal,
    });
  } catch {
    if (signal.aborted) throw stall.refusal(file);
    throw new Refusal(
      `The feed's server could not be reached for ${file} (offline, or a redirect, which feeds may not use).`,
    );
  }
  if (response.status !== 200 && response.status !== 304) {
    throw new Refusal(
      `The feed's server answered ${response.status}${response.statusText ? ` (${response.statusText})` : ""} for ${file}.`,
    );
  }
  return response;
}

/** The clock of a server's silence: restarted by each answer and each chunk of a body. */
export class Stall {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly ms: number) {}
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(), this.ms);
  }
  stop(): void {
    clearTimeout(this.timer);
  }
  /** Why a request or body was given up on. */
  refusal(file: string): Refusal {
    return this.controller.signal.aborted
      ? new Refusal(`The feed's server stopped sending ${file} for ${this.ms / 1000} seconds.`)
      : new Refusal(`The check took longer than ${FEED_CHECK_LIMIT_MS / 60_000} minutes; it is tried again later.`);
  }
}

/** The body, refused past `limit` bytes without reading on (a header that says so is believed first). */
export async function body(
  response: Response,
  limit: number,
  what: string,
  exact: boolean,
  signal: AbortSignal,
  stall: Stall,
): Promise<Uint8Array> {
  const file = what.match(/\(([^)]+)\)/)?.[1] ?? what;
  const tooLarge = () =>
    new Refusal(
      exact
        ? `${what} is larger than the signed index says (${limit} bytes).`
        : `${what} is larger than ${size(limit)}.`,
    );
  const declared = Number(response.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    if (!response.body) {
      const whole = new Uint8Array(await response.arrayBuffer());
      if (whole.length > limit) throw tooLarge();
      return whole;
    }
    const reader = response.body.getReader();
    // A body whose fetch does not end with the signal (every browser's does) is ended here.
    const stop = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener("abort", stop, { once: true });
    for (;;) {
      stall.restart();
      const { done, value } = await reader.read();
      if (signal.aborted) throw stall.refusal(file);
      if (done) {
        signal.removeEventListener("abort", stop);
        break;
      }
      length += value.length;
      if (length > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    if (signal.aborted) throw stall.refusal(file);
    // The connection closed before the body was whole (a truncated file, a reset).
    throw new Refusal(`The feed's server cut ${file} off before its end.`);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The index's and the signature's limits, in words (a pack's is its exact size in the signed index). */
const size = (bytes: number) => `${bytes / 1024} KB`;
