import type { Matcher } from "../matcher/types.ts";
import type { Category } from "../shared/categories.ts";
import type { PageStats } from "../shared/protocol-types.ts";
import type { Settings } from "../shared/settings.ts";
import { Annotator } from "./annotator.ts";
import { CardController, type EntryLookup } from "./card-controller.tsx";
import { HoverIntent } from "./hover-intent.ts";
import type { Marker, Mention } from "./mention.ts";
import { PageObserver } from "./page-observer.ts";

export interface SessionOptions {
  doc: Document;
  matcher: Matcher;
  categories: readonly Category[];
  marker: Marker;
  lookup: EntryLookup;
  host: string;
}

/**
 * Everything Backstory does on one page: reads it, marks mentions, follows the pointer,
 * focus and taps, and opens the card. Applies settings as they change, without a reload.
 */
export class PageSession {
  private annotator: Annotator;
  private card: CardController;
  private hover: HoverIntent<Mention>;
  private observer: PageObserver;
  private settings: Settings | null = null;
  private enabled = false;
  private lastPointer = { x: 0, y: 0, target: null as EventTarget | null };
  private frame = 0;
  private abort = new AbortController();

  constructor(private o: SessionOptions) {
    this.card = new CardController(
      o.doc,
      o.lookup,
      (e) => o.matcher.entryIds[e],
      () => this.closeCard(true),
    );
    this.annotator = new Annotator(o.matcher, o.marker, (el) => el === this.card.host);
    this.hover = new HoverIntent<Mention>(
      (m) => void this.card.show(m, this.lastPointer.y),
      () => this.card.hide(),
    );
    this.observer = new PageObserver(o.doc, () => this.rescan(), o.marker.mutatesDom);
    this.listen();
  }

  /** Applies settings: marks or clears the page, and filters categories. */
  apply(settings: Settings, siteEnabled: boolean): void {
    const wasEnabled = this.enabled;
    this.settings = settings;
    this.enabled = siteEnabled;
    if (!siteEnabled) {
      this.closeCard(false);
      this.observer.stop();
      this.annotator.clear();
      return;
    }
    if (!wasEnabled) {
      this.rescan();
      this.observer.start();
    } else {
      this.observer.withoutObserving(() => this.annotator.mark(this.include));
      const shown = this.hover.current;
      if (shown && !this.annotator.mentions.some((m) => m.entry === shown.entry)) this.closeCard(false);
    }
  }

  private include = (entry: number): boolean => {
    const category = this.o.categories[this.o.matcher.entryGroup[entry]];
    return this.settings?.categories[category] ?? true;
  };

  private rescan(): void {
    if (!this.enabled || !this.o.doc.body) return;
    this.observer.withoutObserving(() => this.annotator.scan(this.o.doc.body, this.include));
  }

  stats(): PageStats {
    const counts = Object.fromEntries(this.o.categories.map((c) => [c, 0])) as Record<Category, number>;
    for (const [entry, n] of this.annotator.countByEntry()) {
      counts[this.o.categories[this.o.matcher.entryGroup[entry]]] += n;
    }
    return { host: this.o.host, siteEnabled: this.enabled, counts };
  }

  get mentions(): readonly Mention[] {
    return this.annotator.mentions;
  }

  private isOnCard(target: EventTarget | null): boolean {
    return target !== null && target === this.card.host;
  }

  private listen(): void {
    const win = this.o.doc.defaultView;
    if (!win) return;
    const opts = { capture: true, passive: true, signal: this.abort.signal };
    win.addEventListener(
      "pointermove",
      (e) => {
        if (e.pointerType === "touch") return;
        this.lastPointer = { x: e.clientX, y: e.clientY, target: e.target };
        // Hit-testing once per frame is enough, however fast the pointer events come.
        this.frame ||= win.requestAnimationFrame(() => {
          this.frame = 0;
          this.onPointer();
        });
      },
      opts,
    );
    win.addEventListener(
      "pointerup",
      (e) => {
        if (e.pointerType !== "touch" || !this.enabled) return;
        if (this.isOnCard(e.target)) return;
        this.lastPointer = { x: e.clientX, y: e.clientY, target: e.target };
        const mention = this.o.marker.mentionAt(this.lastPointer);
        if (mention) this.hover.showNow(mention);
        else this.closeCard(false);
      },
      opts,
    );
    win.addEventListener("focusin", (e) => this.onFocus(e.target), opts);
    win.addEventListener(
      "keydown",
      (e) => {
        if (e.key === "Escape" && this.hover.current) this.closeCard(true);
      },
      { capture: true, signal: this.abort.signal },
    );
    win.addEventListener(
      "scroll",
      () => {
        if (this.hover.current && !this.card.place()) this.closeCard(false);
      },
      opts,
    );
  }

  private onPointer(): void {
    if (!this.enabled) return;
    const point = this.lastPointer;
    if (this.isOnCard(point.target)) {
      this.hover.cardEnter();
      return;
    }
    this.hover.cardLeave();
    this.hover.pointerOver(this.o.marker.mentionAt(point));
  }

  private onFocus(target: EventTarget | null): void {
    if (!this.enabled || this.isOnCard(target)) return;
    const mention = target instanceof Element ? this.o.marker.mentionForFocus(target) : null;
    if (mention) {
      const rect = mention.range.getBoundingClientRect();
      this.lastPointer = { x: rect.left, y: rect.top + rect.height / 2, target };
    }
    this.hover.pointerOver(mention);
  }

  /** Closes the card; `returnFocus` puts keyboard focus back on the page when it was in the card. */
  private closeCard(returnFocus: boolean): void {
    const hadFocus = returnFocus && this.o.doc.activeElement === this.card.host;
    const mention = this.hover.current;
    this.hover.close();
    if (hadFocus && mention) {
      const el = mention.range.startContainer.parentElement?.closest<HTMLElement>("a, button, [tabindex]");
      el?.focus();
    }
  }

  destroy(): void {
    this.abort.abort();
    this.observer.stop();
    this.hover.close();
    this.card.destroy();
    this.annotator.clear();
  }
}
