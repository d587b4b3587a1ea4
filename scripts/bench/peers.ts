// Runs the peers on one page at one glossary size, in a plain Chromium (the extension would
// annotate the page too and disturb the timings). Each measurement: one warm-up, then the
// median of `runs` passes (fewer for a peer slower than a second); a pass that does not
// finish within the time limit makes that peer null on that page, with the reason.
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { closeQuietly, evaluateWithin, injectRunner, Timeout } from "./browser.ts";
import type { RunResult } from "./page-runner.ts";
import { median } from "./stats.ts";

export const PEERS = ["floor", "backstory", "markjs"] as const;
export type PeerName = (typeof PEERS)[number];
/** The peers that leave the page as it was and so run one after another in the same page. */
export const IN_PLACE: readonly PeerName[] = ["floor", "backstory"];

export interface PeerOutcome {
  ms: number | null;
  found: number | null;
  runs: number;
  reason?: string;
}

export interface PageOutcome {
  page: string;
  peers: Partial<Record<PeerName, PeerOutcome>>;
  /** Times outside the passes: the matcher's load (ms). */
  build: Record<string, number>;
}

export interface PeerBench {
  context: BrowserContext;
  serverUrl: string;
  runner: string;
  runs: number;
  timeoutMs: number;
  log(line: string): void;
}

interface Slot {
  page: Page;
  cdp: CDPSession;
  /** JSON.parse + deserialize of the matcher in this page (ms). */
  loadMs: number;
}

const SETUP_TIMEOUT_MS = 120_000;
const reasonOf = (e: unknown) => (e instanceof Error ? e.message.split("\n")[0] : String(e));

/** Timed passes after the warm-up: fewer for a peer that takes more than a second. */
function runsFor(warmMs: number, runs: number): number {
  return warmMs > 5000 ? 1 : warmMs > 1000 ? Math.min(runs, 3) : runs;
}

async function openSlot(b: PeerBench, path: string, dataUrl: string): Promise<Slot> {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await page.goto(`${b.serverUrl}${path}`, { waitUntil: "load", timeout: 60_000 });
  await injectRunner(page, b.runner);
  const loaded = await evaluateWithin<{ load_ms: number }>(
    page,
    cdp,
    `__bench.load(${JSON.stringify(dataUrl)})`,
    SETUP_TIMEOUT_MS,
  );
  return { page, cdp, loadMs: loaded.load_ms };
}

async function closeSlot(slot: Slot): Promise<void> {
  await slot.cdp.detach().catch(() => undefined);
  await closeQuietly(slot.page);
}

/**
 * One page at one size for the in-place peers. `brokenBuilds` carries, across the pages of a
 * size, the peers whose structure could not be built (that does not depend on the page).
 */
class InPlaceRun {
  private slot: Slot | null = null;
  readonly alive: Set<PeerName>;
  readonly outcome: PageOutcome;

  constructor(
    private b: PeerBench,
    private path: string,
    private dataUrl: string,
    peers: readonly PeerName[],
    brokenBuilds: Map<PeerName, string>,
  ) {
    this.outcome = { page: path, peers: {}, build: {} };
    this.alive = new Set(peers);
    for (const [peer, reason] of brokenBuilds) if (this.alive.has(peer)) this.fail(peer, reason, false);
  }

  fail(peer: PeerName, reason: string, log = true): void {
    this.alive.delete(peer);
    this.outcome.peers[peer] = { ms: null, found: null, runs: 0, reason };
    if (log) this.b.log(`    ${peer}: null on ${this.path}: ${reason}`);
  }

  async drop(): Promise<void> {
    if (this.slot) await closeSlot(this.slot);
    this.slot = null;
  }

  /** The page with the runner loaded and the live peers' structures built. */
  private async ready(): Promise<Slot> {
    if (this.slot) return this.slot;
    const slot = await openSlot(this.b, this.path, this.dataUrl);
    this.slot = slot;
    this.outcome.build.load_ms ??= slot.loadMs;
    return slot;
  }

  async run(peer: PeerName): Promise<RunResult | null> {
    const slot = await this.ready();
    try {
      const result = await evaluateWithin<RunResult>(slot.page, slot.cdp, `__bench.run.${peer}()`, this.b.timeoutMs);
      if (peer === "backstory") await slot.page.evaluate("__bench.clear()");
      return result;
    } catch (error) {
      this.fail(peer, reasonOf(error));
      if (error instanceof Timeout) await this.drop();
      return null;
    }
  }
}

/** Warm-up, then round-robin passes (so that drift in the machine's speed hits every peer alike). */
export async function measureInPlace(
  b: PeerBench,
  path: string,
  dataUrl: string,
  peers: readonly PeerName[],
  brokenBuilds: Map<PeerName, string>,
): Promise<PageOutcome> {
  const run = new InPlaceRun(b, path, dataUrl, peers, brokenBuilds);
  try {
    const want = new Map<PeerName, number>();
    for (const peer of peers) {
      if (!run.alive.has(peer)) continue;
      const warm = await run.run(peer);
      if (warm) want.set(peer, runsFor(warm.ms, b.runs));
    }
    const results = new Map<PeerName, RunResult[]>([...want.keys()].map((p) => [p, []]));
    const rounds = Math.max(0, ...want.values());
    for (let i = 0; i < rounds; i++) {
      for (const [peer, n] of want) {
        const done = results.get(peer) as RunResult[];
        if (!run.alive.has(peer) || done.length >= n) continue;
        const r = await run.run(peer);
        if (r) done.push(r);
      }
    }
    for (const [peer, done] of results) {
      if (!run.alive.has(peer) || !done.length) continue;
      run.outcome.peers[peer] = { ms: median(done.map((r) => r.ms)), found: done[0].found, runs: done.length };
    }
  } finally {
    await run.drop();
  }
  return run.outcome;
}

/** mark.js changes the DOM, so every pass (the warm-up too) gets a freshly loaded page. */
export async function measureMarkjs(b: PeerBench, path: string, dataUrl: string): Promise<PeerOutcome> {
  const once = async (): Promise<RunResult> => {
    const slot = await openSlot(b, path, dataUrl);
    try {
      return await evaluateWithin<RunResult>(slot.page, slot.cdp, "__bench.run.markjs()", b.timeoutMs);
    } finally {
      await closeSlot(slot);
    }
  };
  try {
    const warm = await once();
    const done: RunResult[] = [];
    for (let i = runsFor(warm.ms, b.runs); i > 0; i--) done.push(await once());
    return { ms: median(done.map((r) => r.ms)), found: done[0].found, runs: done.length };
  } catch (error) {
    const reason = reasonOf(error);
    b.log(`    markjs: null on ${path}: ${reason}`);
    return { ms: null, found: null, runs: 0, reason };
  }
}
