import { HOST_TAG } from "../card/container.ts";
import { isBlockElement } from "./text-blocks.ts";

/**
 * Follows a page that changes (infinite scroll, live blogs, comments, in-app navigation) and
 * reports which subtrees changed once changes settle: the nearest block of each edit, so a
 * new paragraph costs one paragraph's work, not the page's. Debounced, with a ceiling on how
 * long a page that never stops changing can hold the report back; the roots pile up in a set
 * meanwhile, so a page that edits the same ticker 1,000 times a second costs one rescan of it.
 */
export class PageObserver {
  private observer: MutationObserver;
  private timer = 0;
  private firstChange = 0;
  private active = false;
  private dirty = new Set<Node>();
  private targets: Node[] = [];

  static readonly QUIET_MS = 250;
  static readonly MAX_WAIT_MS = 2000;

  constructor(
    private doc: Document,
    private onChange: (roots: Node[]) => void,
    private isOwn: (node: Node) => boolean = (n) =>
      !!(n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest(HOST_TAG),
  ) {
    const View = (doc.defaultView ?? globalThis) as typeof globalThis;
    this.observer = new View.MutationObserver((records) => this.onRecords(records));
  }

  start(): void {
    if (this.active || !this.doc.body) return;
    this.active = true;
    this.targets = [this.doc.body];
    this.observer.observe(this.doc.body, OPTIONS);
  }

  /** Also watches an open shadow root (observers do not cross shadow boundaries). */
  watch(root: ShadowRoot): void {
    if (!this.targets.includes(root)) this.targets.push(root);
    if (this.active) this.observer.observe(root, OPTIONS);
  }

  stop(): void {
    this.active = false;
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.timer = 0;
    this.firstChange = 0;
    this.dirty.clear();
    this.targets = [];
  }

  /** Changes seen and not yet reported (they wait for the page to settle). */
  get pending(): boolean {
    return this.dirty.size > 0;
  }

  private onRecords(records: MutationRecord[]): void {
    for (const r of records) {
      if (this.isOwn(r.target)) continue;
      if (r.type === "characterData") {
        this.addRoot(r.target);
        continue;
      }
      for (const node of r.addedNodes) {
        if (this.isOwn(node)) continue;
        this.addRoot(node.nodeType === 1 && isBlockElement(node as Element) ? node : r.target);
      }
      // Removed blocks need nothing (their marks go with them); removed inline text changes its block.
      for (const node of r.removedNodes) {
        if (node.nodeType === 3 || (node.nodeType === 1 && !isBlockElement(node as Element))) this.addRoot(r.target);
      }
    }
    if (!this.dirty.size) return;
    const now = Date.now();
    this.firstChange ||= now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(PageObserver.QUIET_MS, this.firstChange + PageObserver.MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.flush(), wait) as unknown as number;
  }

  /** The nearest block element (or shadow root) around a changed node. */
  private addRoot(node: Node): void {
    let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    while (el && !isBlockElement(el)) el = el.parentElement;
    this.dirty.add(el ?? node.getRootNode());
  }

  private flush(): void {
    this.timer = 0;
    this.firstChange = 0;
    const roots = [...this.dirty].filter((r) => r.isConnected);
    this.dirty.clear();
    // Outermost roots only: a changed paragraph inside a changed article is read with it.
    const outer = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
    if (outer.length) this.onChange(outer);
  }
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };
