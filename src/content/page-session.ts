import { relatedIds } from "../card/related.ts";
import type { Matcher } from "../matcher/types.ts";
import type { Category } from "../shared/categories.ts";
import type { PageEntry, PageStats } from "../shared/protocol-types.ts";
import type { Settings } from "../shared/settings.ts";
import { Annotator } from "./annotator.ts";
import type { EntryLookup } from "./card-api.ts";
import { type CardLoader, LazyCard } from "./card-loader.ts";
import { HoverIntent } from "./hover-intent.ts";
import type { Marker, Mention } from "./mention.ts";
import { nextMention, scrollToMention } from "./mention-navigation.ts";
import { PageObserver } from "./page-observer.ts";
import { PageReader } from "./page-reader.ts";

export interface SessionOptions {
  doc: Document;
  matcher: Matcher;
  categories: readonly Category[];
  /** Matcher entry indices of household names (not underlined unless the reader asks). */
  household?: readonly number[];
  marker: Marker;
  lookup: EntryLookup;
  /** Loads the card's code (card.js) into this frame; shared by every session of the frame. */
  cardLoader: CardLoader;
  host: string;
  /** "I know this" on the card (and its undo): saved by the caller; settings come back through apply(). */
  setKnown?: (id: string, known: boolean) => void;
  /**
   * False once the extension was reloaded, updated or removed under this page: this copy of
   * the script can no longer reach the background and stands down (marks and card removed).
   */
  contextAlive?: () => boolean;
}

/**
 * Everything Backstory does on one page: reads it, marks mentions, follows the pointer,
 * focus and taps, and opens the card. Applies settings as they change, without a reload.
 */
export class PageSession {
  private annotator: Annotator;
  private card: LazyCard;
  private hover: HoverIntent<Mention>;
  private observer: PageObserver;
  private settings: Settings | null = null;
  private enabled = false;
  private lastPointer = { x: 0, y: 0, target: null as EventTarget | null };
  private frame = 0;
  private abort = new AbortController();
  private reader: PageReader;
  private entryIndex: Map<string, number> | null = null;
  /** The card being opened (lookups are asynchronous): keyboard requests focus it when it is up. */
  private showing: Promise<void> = Promise.resolve();
  /** Where keyboard focus was before a keyboard request moved it into the card. */
  private focusBefore: HTMLElement | null = null;
  /** When a tap opened the card of a mention inside a link: the click that follows must not follow the link. */
  private swallowClickAt = Number.NEGATIVE_INFINITY;
  /** Focus is being put back by us (closing a card): that focus is not a request for a card. */
  private refocusing = false;
  /** The mention whose card was last prepared for (its code and entries asked for). */
  private prepared: Mention | null = null;

  constructor(private o: SessionOptions) {
    this.card = LazyCard.forPage(o.cardLoader, o.doc, o.lookup, (e) => o.matcher.entryIds[e], {
      onClose: () => this.closeCard(true),
      onPin: () => this.card.setPinned(!this.card.isPinned),
      isKnown: (id) => this.settings?.knownEntries.includes(id) ?? false,
      onKnown: (id, known) => o.setKnown?.(id, known),
    });
    const person = o.categories.indexOf("person");
    this.annotator = new Annotator(
      o.matcher,
      o.marker,
      (el) => this.isOwn(el),
      (entry) => o.matcher.entryGroup[entry] !== person,
      (entry) => o.matcher.entryGroup[entry] !== person,
    );
    this.hover = new HoverIntent<Mention>(
      (m) => {
        this.showing = this.card.show(m, this.lastPointer.y);
      },
      () => this.card.hide(),
    );
    this.observer = new PageObserver(o.doc, (roots) => {
      if (this.enabled) this.reader.changed(roots);
    });
    this.reader = new PageReader({
      doc: o.doc,
      annotator: this.annotator,
      observer: this.observer,
      isOwn: this.isOwn,
      include: this.include,
    });
    this.listen();
  }

  /** Applies settings: marks or clears the page, and filters categories. */
  apply(settings: Settings, siteEnabled: boolean): void {
    const wasEnabled = this.enabled;
    this.settings = settings;
    this.enabled = siteEnabled;
    this.o.marker.setStyle(settings.markStyle);
    const known = new Set(settings.knownEntries.map((id) => this.indexOf(id)));
    const household = new Set(settings.underlineFamiliar ? [] : (this.o.household ?? []));
    this.annotator.setPolicy({ mode: settings.mode, known: (e) => known.has(e), quiet: (e) => household.has(e) });
    if (!siteEnabled) {
      this.closeCard(false);
      this.observer.stop();
      this.reader.stop();
      this.annotator.clear();
      return;
    }
    if (!wasEnabled) {
      this.observer.start();
      this.reader.readAll();
    } else {
      this.annotator.mark(this.include);
      const shown = this.hover.current;
      if (shown && !this.annotator.mentions.some((m) => m.entry === shown.entry)) this.closeCard(false);
    }
  }

  private indexOf(id: string): number {
    this.entryIndex ??= new Map(this.o.matcher.entryIds.map((entryId, i) => [entryId, i]));
    return this.entryIndex.get(id) ?? -1;
  }

  private include = (entry: number): boolean => {
    const category = this.o.categories[this.o.matcher.entryGroup[entry]];
    return this.settings?.categories[category] ?? true;
  };

  /**
   * A card may be wanted for this mention (the pointer came to rest on it, focus or a touch
   * reached it): the card's code and the entries it shows start loading now, so that the 300 ms
   * hover delay hides both — even a worker the browser stopped, which takes tens of
   * milliseconds to start and then reads only the shards of these entries. Pass-overs cost a
   * lookup each (one per entry and page: cached); the card's code comes once per frame, and
   * its (empty) host element with it.
   */
  private prepare(mention: Mention | null): void {
    if (!mention || mention === this.prepared) return;
    this.prepared = mention;
    this.card.prepare();
    const ids = [mention.entry, ...mention.nested].map((e) => this.o.matcher.entryIds[e]);
    // The first entry's related entries too: the card looks them up before it shows.
    void this.o
      .lookup(ids)
      .then(([first]) => {
        const related = first ? relatedIds(first, first) : [];
        return related.length ? this.o.lookup(related) : [];
      })
      .catch(() => undefined); // the card's own lookup tries again, and says so
  }

  private isOwn = (el: Element): boolean => el === this.card.host;

  stats(): PageStats {
    const counts = Object.fromEntries(this.o.categories.map((c) => [c, 0])) as Record<Category, number>;
    for (const [entry, n] of this.annotator.countByEntry()) {
      counts[this.o.categories[this.o.matcher.entryGroup[entry]]] += n;
    }
    const entries: PageEntry[] = this.annotator.entriesInOrder().map(({ entry, first, count }) => ({
      id: this.o.matcher.entryIds[entry],
      category: this.o.categories[this.o.matcher.entryGroup[entry]],
      count,
      text: first.text,
    }));
    const read = this.enabled && this.reader.done && !this.observer.pending;
    return { host: this.o.host, siteEnabled: this.enabled, read, counts, entries, truncated: this.annotator.truncated };
  }

  /** Scrolls to an entry's first mention and opens its card (the popup's list). */
  showEntry(id: string): boolean {
    const entry = this.indexOf(id);
    const found = this.annotator.entriesInOrder().find((e) => e.entry === entry);
    if (!this.enabled || !found) return false;
    this.reveal(found.first);
    return true;
  }

  /**
   * The next or previous mention (a keyboard command): after the open card's, or else from
   * the viewport; wraps around the page. Its card opens with keyboard focus in it.
   */
  navigate(direction: "next" | "previous"): boolean {
    const list = this.enabled ? this.annotator.mentionsInOrder() : [];
    const target = nextMention(list, this.hover.current, direction, this.o.doc.defaultView?.innerHeight ?? 0);
    if (!target) return false;
    this.reveal(target, true);
    return true;
  }

  /** Brings a mention into view and opens its card; `focus` moves keyboard focus into it. */
  private reveal(mention: Mention, focus = false): void {
    const rect = scrollToMention(mention, this.o.doc.defaultView);
    this.lastPointer = { x: rect.left, y: rect.top + rect.height / 2, target: null };
    const active = this.o.doc.activeElement;
    if (focus && active !== this.card.host) this.focusBefore = active instanceof HTMLElement ? active : null;
    this.prepare(mention);
    this.hover.showNow(mention);
    // A card opened from the keyboard stays until Escape: a stray mouse move must not take it.
    if (focus)
      void this.showing.then(() => {
        if (this.hover.current !== mention) return;
        this.card.setPinned(true);
        this.card.focus();
      });
  }

  get mentions(): readonly Mention[] {
    return this.annotator.mentions;
  }

  private isOnCard(target: EventTarget | null): boolean {
    return target !== null && target === this.card.host;
  }

  /** Checked whenever the reader does something on the page: the cheapest moment to notice. */
  private standsDown(): boolean {
    if (this.o.contextAlive?.() ?? true) return false;
    this.destroy();
    return true;
  }

  private listen(): void {
    const win = this.o.doc.defaultView;
    if (!win) return;
    const opts = { capture: true, passive: true, signal: this.abort.signal };
    for (const type of ["pointerdown", "keydown", "focusin", "visibilitychange"] as const) {
      win.addEventListener(type, () => this.standsDown(), opts);
    }
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
    // Touch: a tap on a mention opens its card, a tap elsewhere closes it. On a mention that
    // is a link's text, the first tap explains and the second (card already open) follows the
    // link, as on sites whose menus open on a first tap.
    win.addEventListener(
      "pointerup",
      (e) => {
        this.swallowClickAt = Number.NEGATIVE_INFINITY;
        if (e.pointerType !== "touch" || !this.enabled) return;
        if (this.isOnCard(e.target)) return;
        this.lastPointer = { x: e.clientX, y: e.clientY, target: e.target };
        const mention = this.o.marker.mentionAt(this.lastPointer);
        if (!mention) {
          this.closeCard(false);
          return;
        }
        if (this.hover.current === mention) return;
        const target = e.target instanceof Element ? e.target : null;
        if (target?.closest("a[href], [role=link]")) this.swallowClickAt = performance.now();
        this.prepare(mention);
        this.hover.showNow(mention);
      },
      opts,
    );
    win.addEventListener(
      "click",
      (e) => {
        // Only the click of that tap (it follows within moments; a page may cancel it).
        if (performance.now() - this.swallowClickAt > 800) return;
        this.swallowClickAt = Number.NEGATIVE_INFINITY;
        e.preventDefault();
        e.stopImmediatePropagation();
      },
      { capture: true, signal: this.abort.signal },
    );
    win.addEventListener(
      "pointerdown",
      (e) => {
        // A touch on a mention is the start of a tap: its card is wanted when the finger lifts.
        if (e.pointerType === "touch") {
          if (this.enabled && !this.isOnCard(e.target))
            this.prepare(this.o.marker.mentionAt({ x: e.clientX, y: e.clientY, target: e.target }));
          return;
        }
        if (this.card.isPinned && !this.isOnCard(e.target)) this.closeCard(false);
      },
      opts,
    );
    win.addEventListener("focusin", (e) => this.onFocus(e.target), opts);
    // In-app navigation: a new article may replace the old without a load.
    const navigation = (win as Window & { navigation?: EventTarget }).navigation;
    navigation?.addEventListener("navigatesuccess", () => this.onNavigate(), opts);
    win.addEventListener("popstate", () => this.onNavigate(), opts);
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
        if (this.hover.current && this.card.place() === false) this.closeCard(false);
      },
      opts,
    );
  }

  private onNavigate(): void {
    this.closeCard(false);
    // Let the app render the new page first; the observer reads the changes, this resets licensing.
    setTimeout(() => {
      if (this.enabled) this.reader.navigated();
    }, PageObserver.QUIET_MS);
  }

  private onPointer(): void {
    if (!this.enabled || this.standsDown()) return;
    const point = this.lastPointer;
    if (this.isOnCard(point.target)) {
      this.hover.cardEnter();
      return;
    }
    // A pinned card stays until it is closed (Escape, its button, a click elsewhere).
    if (this.card.isPinned) return;
    this.hover.cardLeave();
    const mention = this.o.marker.mentionAt(point);
    this.prepare(mention);
    this.hover.pointerOver(mention);
  }

  private onFocus(target: EventTarget | null): void {
    if (!this.enabled || this.refocusing || this.isOnCard(target) || this.card.isPinned) return;
    const mention = target instanceof Element ? this.o.marker.mentionForFocus(target) : null;
    if (mention) {
      const rect = mention.range.getBoundingClientRect();
      this.lastPointer = { x: rect.left, y: rect.top + rect.height / 2, target };
    }
    this.prepare(mention);
    this.hover.pointerOver(mention);
  }

  /** Closes the card; `returnFocus` puts keyboard focus back on the page when it was in the card. */
  private closeCard(returnFocus: boolean): void {
    const hadFocus = returnFocus && this.o.doc.activeElement === this.card.host;
    const mention = this.hover.current;
    const before = this.focusBefore;
    this.focusBefore = null;
    this.hover.close();
    if (hadFocus && mention) {
      // Back where the reader was: the element focused before a keyboard request, else the
      // mention's own link, else the page (so that Tab continues from the page, not the card).
      const el =
        (before?.isConnected ? before : null) ??
        mention.nodes[0].parentElement?.closest<HTMLElement>("a, button, [tabindex]");
      this.refocusing = true; // focusin fires during focus(): onFocus must not open the card again
      try {
        if (el) el.focus();
        else (this.o.doc.activeElement as HTMLElement | null)?.blur();
      } finally {
        this.refocusing = false;
      }
    }
  }

  destroy(): void {
    this.enabled = false; // a pending navigation timer finds the session gone
    this.reader.stop();
    this.abort.abort();
    this.observer.stop();
    this.hover.close();
    this.card.destroy();
    this.annotator.clear();
  }
}
