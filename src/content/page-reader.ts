import type { Annotator } from "./annotator.ts";
import { findArticleRegion } from "./article-region.ts";
import { adoptMarkStyle } from "./mark-style.ts";
import type { PageObserver } from "./page-observer.ts";
import { ScanJob, SLICE_MS, visibleRoots } from "./scan-job.ts";

export interface PageReaderOptions {
  doc: Document;
  annotator: Annotator;
  /** Told of each open shadow root met, so that changes inside it are followed too. */
  observer: PageObserver;
  isOwn: (el: Element) => boolean;
  /** Which entries are marked (the categories switched on); asked at each read. */
  include: (entry: number) => boolean;
}

/**
 * When and in what order the page is read: the whole page from the start (the article first,
 * then the rest, in idle slices), and afterwards the subtrees that change. The one owner of the
 * reading job and of the page's URL as last read (in-app navigation means a new article).
 */
export class PageReader {
  private job: ScanJob | null = null;
  private sliceScheduled = false;
  /** The page is to be read from the start at the next slice (see readAll). */
  private startPending = false;
  private active = false;
  private url: string;

  constructor(private o: PageReaderOptions) {
    this.url = o.doc.location?.href ?? "";
  }

  /** Nothing is being read or waits to be read (a change not yet reported aside: see PageObserver). */
  get done(): boolean {
    return !this.startPending && !(this.job && !this.job.done);
  }

  /** Reads the whole page again, in idle slices. */
  readAll(): void {
    const { doc } = this.o;
    if (!doc.body) return;
    this.active = true;
    this.o.annotator.reset(this.o.include);
    // Finding the article (and, without one, the visible part: hit tests, a layout) is the
    // first slice's work, in a task of its own: done here, it made the task that set the page
    // up the longest of all (13–15 ms of thread time, traced).
    this.job = null;
    this.startPending = true;
    this.scheduleSlice();
  }

  /** Subtrees changed: their old marks go and they are read again (or the page, at a new URL). */
  changed(roots: Node[]): void {
    if (!this.active) return;
    if (this.navigated()) return;
    this.o.annotator.removeBlocks(roots);
    if (this.job && !this.job.done) for (const root of roots) this.job.add(root);
    else this.job = this.newJob(roots);
    this.scheduleSlice();
  }

  /**
   * After in-app navigation (a new URL), the page is read afresh: short forms must not be
   * licensed by the old article. True when that happened.
   */
  navigated(): boolean {
    const href = this.o.doc.location?.href ?? "";
    if (href === this.url) return false;
    this.url = href;
    this.readAll();
    return true;
  }

  /** Stops reading (the site switched off, the session ended); marks are the caller's to clear. */
  stop(): void {
    this.active = false;
    this.job = null;
    this.startPending = false;
  }

  /** The article region and the reading job, made when the first slice runs. */
  private beginReading(): void {
    const { doc, annotator } = this.o;
    this.startPending = false;
    if (!doc.body) return;
    const region = findArticleRegion(doc);
    annotator.setRegion(region);
    // The article first, where marks go; without one, what the reader sees first (a few hit
    // tests, which cost a layout when the page has just changed: traced, 1–3 ms). Replaces any
    // job for subtrees that changed meanwhile: they are in the body, read anyway.
    const first = region ? [region.root] : visibleRoots(doc, this.o.isOwn);
    this.job = this.newJob([...first, doc.body]);
  }

  private newJob(roots: Node[]): ScanJob {
    return new ScanJob(this.o.annotator, roots, {
      isOwn: this.o.isOwn,
      onShadowRoot: (root) => {
        this.o.observer.watch(root);
        adoptMarkStyle(root);
      },
    });
  }

  /** The next slice runs when the page is idle, and at the latest after 200 ms. */
  private scheduleSlice(): void {
    if (this.sliceScheduled) return;
    this.sliceScheduled = true;
    const win = this.o.doc.defaultView;
    const run = (budget: number) => {
      this.sliceScheduled = false;
      this.runSlice(performance.now() + Math.max(1, Math.min(SLICE_MS, budget)));
    };
    if (win?.requestIdleCallback) {
      win.requestIdleCallback((idle) => run(idle.didTimeout ? SLICE_MS : idle.timeRemaining()), { timeout: 200 });
    } else {
      setTimeout(() => run(SLICE_MS), 0);
    }
  }

  private runSlice(deadline: number): void {
    if (!this.active) return;
    if (this.startPending) this.beginReading();
    const job = this.job;
    if (!job) return;
    if (!job.step(deadline)) this.scheduleSlice();
    else this.followArticle();
  }

  /**
   * A page that had no article when reading began (a shell filled in by its scripts), or whose
   * article left the page, is looked at again once it has been read.
   */
  private followArticle(): void {
    const { annotator } = this.o;
    const region = annotator.articleRegion;
    if (region?.root.isConnected) return;
    const next = findArticleRegion(this.o.doc);
    if (next || region) annotator.setRegion(next);
  }
}
