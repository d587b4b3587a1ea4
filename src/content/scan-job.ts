import type { RawMatch } from "../matcher/scan.ts";
import { type Annotator, SCAN_CHUNK } from "./annotator.ts";
import { type TextBlock, TextBlockReader } from "./text-blocks.ts";

/**
 * The most a slice of Backstory's work may take, marking included: traced in Chromium, an idle
 * callback costs about a millisecond more than the work inside it (the callback, a young-
 * generation GC), and no task of ours may pass 8 ms of main-thread time.
 */
export const SLICE_MS = 6;
/** Marking at the end of a slice: the time kept for it at first, then what it last took. */
const FIRST_MARKING_RESERVE_MS = 1;
const MAX_MARKING_RESERVE_MS = 4;

export interface ScanJobOptions {
  isOwn: (el: Element) => boolean;
  /** Called for each open shadow root met; the job reads it too. */
  onShadowRoot: (root: ShadowRoot) => void;
  now?: () => number;
}

/**
 * Reads and scans roots a slice at a time, in order: the roots the reader sees first, then
 * the rest of the page (skipping those roots). `step(deadline)` works until the deadline and
 * then marks what it has, so the first marks appear after one slice and no task grows with
 * the page, not even for one huge text node (scanned in chunks).
 */
export class ScanJob {
  private queue: Node[];
  private reader: TextBlockReader | null = null;
  private readRoots = new Set<Node>();
  private unscanned: TextBlock[] = [];
  private nextUnscanned = 0;
  /** Roots read, to search for open shadow roots once their text is marked. */
  private toSearch: Node[] = [];
  private search: TreeWalker | null = null;
  private partial: { block: TextBlock; matches: RawMatch[]; at: number } | null = null;
  private now: () => number;
  private markingReserve = FIRST_MARKING_RESERVE_MS;
  done = false;

  constructor(
    private annotator: Annotator,
    roots: readonly Node[],
    private o: ScanJobOptions,
  ) {
    this.queue = [...roots];
    this.now = o.now ?? (() => performance.now());
  }

  /** Adds roots to read (open shadow roots, subtrees that changed). */
  add(root: Node): void {
    this.queue.push(root);
    this.done = false;
  }

  /** Works until `deadline`, then marks; returns true when every root has been read. */
  step(deadline: number): boolean {
    // Reading stops early enough that marking what was read still ends by the deadline.
    const readUntil = deadline - this.markingReserve;
    while (this.now() < readUntil && this.work(readUntil));
    const marking = this.now();
    this.annotator.refresh();
    this.markingReserve = Math.min(MAX_MARKING_RESERVE_MS, this.now() - marking);
    this.done =
      !this.partial &&
      this.nextUnscanned >= this.unscanned.length &&
      !this.reader &&
      !this.queue.length &&
      !this.search &&
      !this.toSearch.length;
    return this.done;
  }

  /** One unit of work; false when there is nothing left. */
  private work(deadline: number): boolean {
    if (this.annotator.full) {
      // The page's text reached the annotator's limit: nothing more is read for now.
      this.queue = [];
      this.reader = null;
      this.partial = null;
      this.unscanned = [];
      this.toSearch = [];
      this.search = null;
      return false;
    }
    if (this.partial) {
      const p = this.partial;
      const to = Math.min(p.block.text.length, p.at + SCAN_CHUNK);
      this.annotator.scanBlock(p.block.text, p.matches, p.at, to);
      p.at = to;
      if (to >= p.block.text.length) {
        this.annotator.addBlock(p.block, p.matches);
        this.partial = null;
      }
      return true;
    }
    const block = this.unscanned[this.nextUnscanned];
    if (block) {
      this.nextUnscanned++;
      if (block.text.length > SCAN_CHUNK) this.partial = { block, matches: [], at: 0 };
      else this.annotator.addBlock(block, this.annotator.scanBlock(block.text));
      return true;
    }
    if (this.reader) {
      this.unscanned = this.reader.read(deadline, this.now);
      this.nextUnscanned = 0;
      if (this.reader.done) this.reader = null;
      return true;
    }
    const root = this.queue.shift();
    if (root) {
      if (!root.isConnected) return true;
      // Roots read already (the visible part first) are skipped when the whole page is read.
      const earlier = this.readRoots.size > 0;
      this.readRoots.add(root);
      this.toSearch.push(root);
      this.reader = new TextBlockReader(root, this.o.isOwn, earlier ? (el) => this.readRoots.has(el) : undefined);
      return true;
    }
    return this.searchShadowRoots(deadline);
  }

  /**
   * Last, and apart from reading text (so that reading stays as fast as a bare walk over text
   * nodes): finds open shadow roots under the roots read, and queues them to be read.
   */
  private searchShadowRoots(deadline: number): boolean {
    if (!this.search) {
      const root = this.toSearch.shift();
      if (!root) return false;
      // The article read first lies inside the body read after it: search the body once.
      if (!root.isConnected || this.toSearch.some((other) => other.contains(root))) return true;
      this.search = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
    }
    let count = 0;
    for (let el = this.search.nextNode() as Element | null; el; el = this.search.nextNode() as Element | null) {
      const shadow = el.shadowRoot;
      if (shadow && !this.readRoots.has(shadow)) {
        this.o.onShadowRoot(shadow);
        this.add(shadow);
      }
      if ((++count & 255) === 0 && this.now() > deadline) return true;
    }
    this.search = null;
    return true;
  }
}

/**
 * The block elements at a few points of the viewport: what the reader sees first. Cheap
 * (a handful of hit-tests), and skipped where layout gives nothing (a hidden tab, jsdom).
 */
export function visibleRoots(doc: Document, isOwn: (el: Element) => boolean): Element[] {
  const view = doc.defaultView;
  if (!view || !doc.body || typeof doc.elementFromPoint !== "function") return [];
  const roots: Element[] = [];
  const { innerWidth: w, innerHeight: h } = view;
  for (const fy of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    for (const fx of [0.3, 0.5, 0.7]) {
      let el = doc.elementFromPoint(w * fx, h * fy);
      while (el && el !== doc.body && getComputedStyleDisplay(el) === "inline") el = el.parentElement;
      if (!el || el === doc.body || el === doc.documentElement || isOwn(el)) continue;
      if (roots.some((r) => r.contains(el as Element))) continue;
      for (let i = roots.length - 1; i >= 0; i--) if (el.contains(roots[i])) roots.splice(i, 1);
      roots.push(el);
    }
  }
  return roots;
}

function getComputedStyleDisplay(el: Element): string {
  return el.ownerDocument.defaultView?.getComputedStyle(el).display ?? "block";
}
