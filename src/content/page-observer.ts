/**
 * Follows a page that changes (infinite scroll, live blogs, in-app navigation) and asks for a
 * rescan once changes settle. Debounced, with a ceiling on how long a page that never stops
 * changing can hold the rescan back.
 */
export class PageObserver {
  private observer: MutationObserver;
  private timer = 0;
  private firstChange = 0;
  private active = false;

  static readonly QUIET_MS = 250;
  static readonly MAX_WAIT_MS = 2000;

  constructor(
    private doc: Document,
    private onChange: () => void,
    /** When our marker itself edits the DOM, those edits must not look like page changes. */
    private ignoreOwnEdits: boolean,
  ) {
    const View = (doc.defaultView ?? globalThis) as typeof globalThis;
    this.observer = new View.MutationObserver((records) => this.onRecords(records));
  }

  start(): void {
    if (this.active || !this.doc.body) return;
    this.active = true;
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.active = false;
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.timer = 0;
    this.firstChange = 0;
  }

  /** Runs `fn` (which may edit the DOM) without its edits counting as page changes. */
  withoutObserving(fn: () => void): void {
    fn();
    if (this.ignoreOwnEdits && this.active) this.observer.takeRecords();
  }

  private onRecords(records: MutationRecord[]): void {
    if (!records.some((r) => this.isPageChange(r))) return;
    const now = Date.now();
    this.firstChange ||= now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(PageObserver.QUIET_MS, this.firstChange + PageObserver.MAX_WAIT_MS - now));
    this.timer = setTimeout(() => {
      this.timer = 0;
      this.firstChange = 0;
      this.onChange();
    }, wait) as unknown as number;
  }

  private isPageChange(r: MutationRecord): boolean {
    const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
    return !target?.closest("backstory-card-host");
  }
}
