import { relatedIds } from "../card/related.ts";
import type { Matcher } from "../matcher/types.ts";
import { holderOn } from "../shared/offices.ts";
import type { Settings } from "../shared/settings.ts";
import type { EntryLookup } from "./card-api.ts";
import { type CardLoader, LazyCard } from "./card-loader.ts";
import { type CardEffect, type CardEvent, CardStateMachine } from "./card-state.ts";
import type { Marker, Mention } from "./mention.ts";
import { scrollToMention } from "./mention-navigation.ts";

export interface PresenterOptions {
  doc: Document;
  matcher: Matcher;
  marker: Marker;
  lookup: EntryLookup;
  cardLoader: CardLoader;
  /** The settings now in force (known entries), or null before the first arrive. */
  settings: () => Settings | null;
  /** The site is on: the reader's input is for Backstory only then. */
  enabled: () => boolean;
  /** True when this copy of the script has stood down (checked at each input: the cheapest moment). */
  standsDown: () => boolean;
  /** "I know this" on the card (and its undo). */
  setKnown?: (id: string, known: boolean) => void;
  /** The day the article was written, for cards that say what was true then (null: cards as today). */
  articleDay: () => string | null;
  /** See CardActions.titleUnclear. */
  titleUnclear: (mention: Mention) => boolean;
  /** Listeners go when this aborts. */
  signal: AbortSignal;
}

/**
 * The card on one page, as the reader asks for it. Its listeners translate what the reader does
 * (the pointer resting, focus, a tap, a press, Escape, scrolling) into events for the card state
 * machine (card-state.ts, the one owner of which card is open), and it carries out what the
 * machine decides: the card shown or hidden, pinned, focused, and focus given back to the page.
 */
export class CardPresenter {
  private card: LazyCard;
  private cards: CardStateMachine<Mention, HTMLElement>;
  private lastPointer = { x: 0, y: 0, target: null as EventTarget | null };
  private frame = 0;
  /** When a tap opened the card of a mention inside a link: the click that follows must not follow the link. */
  private swallowClickAt = Number.NEGATIVE_INFINITY;
  /** Focus is being put back by us (closing a card): that focus is not a request for a card. */
  private refocusing = false;
  /** The mention whose card was last prepared for (its code and entries asked for). */
  private prepared: Mention | null = null;

  constructor(private o: PresenterOptions) {
    this.card = LazyCard.forPage(o.cardLoader, o.doc, o.lookup, (e) => o.matcher.entryIds[e], {
      onClose: () => this.close(true),
      onPin: () => this.send({ type: "toggle-pin" }),
      isKnown: (id) => o.settings()?.knownEntries.includes(id) ?? false,
      onKnown: (id, known) => o.setKnown?.(id, known),
      articleDay: o.articleDay,
      titleUnclear: o.titleUnclear,
    });
    this.cards = new CardStateMachine<Mention, HTMLElement>((effect) => this.carryOut(effect));
    this.listen();
  }

  /** The mention whose card is open or opening. */
  get current(): Mention | null {
    return this.cards.current;
  }

  /** Our one element in the page, once the card's code has loaded. */
  get host(): HTMLElement | null {
    return this.card.host;
  }

  /** Brings a mention into view and opens its card; `focus` (a keyboard command) moves keyboard focus into it. */
  reveal(mention: Mention, focus = false): void {
    const rect = scrollToMention(mention, this.o.doc.defaultView);
    this.lastPointer = { x: rect.left, y: rect.top + rect.height / 2, target: null };
    const active = this.o.doc.activeElement;
    // Focus already in the card (one keyboard command after another) keeps where it came from.
    const focusFrom = active === this.card.host ? undefined : active instanceof HTMLElement ? active : null;
    this.prepare(mention);
    // A card opened from the keyboard is pinned (a stray mouse move must not take it) and focused.
    this.send({ type: "request", target: mention, keyboard: focus, focusFrom });
  }

  /** Closes the card; `returnFocus` puts keyboard focus back on the page when it was in the card. */
  close(returnFocus: boolean): void {
    this.send({ type: "close", returnFocus });
  }

  destroy(): void {
    this.close(false);
    this.card.destroy();
  }

  private send(event: CardEvent<Mention, HTMLElement>): void {
    this.cards.send(event);
  }

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
      .then(async ([first]) => {
        // A title ("the prime minister") on a dated page shows who held the office: that
        // person's entry and theirs related are what the card will ask for.
        const title = first?.office && /^the\s/i.test(mention.text) && !this.o.titleUnclear(mention);
        const day = title ? this.o.articleDay() : null;
        const holder = first?.office && day ? holderOn(first.office, day, first.asOf)?.entry : undefined;
        const shown = holder ? ((await this.o.lookup([holder]))[0] ?? first) : first;
        const related = shown ? relatedIds(shown, shown) : [];
        return related.length ? this.o.lookup(related) : [];
      })
      .catch(() => undefined); // the card's own lookup tries again, and says so
  }

  /** What the card state machine decides, done to the card and the page. */
  private carryOut(effect: CardEffect<Mention, HTMLElement>): void {
    switch (effect.type) {
      case "show": {
        const { seq } = effect;
        this.card.show(effect.target, this.lastPointer.y).then(
          (shown) => this.send({ type: shown ? "shown" : "not-shown", seq }),
          (error: unknown) => {
            console.warn("Backstory: the card failed to show", error);
            this.send({ type: "not-shown", seq });
          },
        );
        return;
      }
      case "hide":
        this.hide(effect.target, effect.returnFocus, effect.returnFocusTo);
        return;
      case "pin":
        this.card.setPinned(effect.pinned);
        return;
      case "focus-card":
        this.card.focus();
        return;
    }
  }

  private hide(mention: Mention, returnFocus: boolean, before: HTMLElement | null): void {
    const hadFocus = returnFocus && this.o.doc.activeElement === this.card.host;
    this.card.hide();
    if (!hadFocus) return;
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

  private isOnCard(target: EventTarget | null): boolean {
    return target !== null && target === this.card.host;
  }

  private listen(): void {
    const win = this.o.doc.defaultView;
    if (!win) return;
    const signal = this.o.signal;
    const opts = { capture: true, passive: true, signal };
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
        if (e.pointerType !== "touch" || !this.o.enabled()) return;
        if (this.isOnCard(e.target)) return;
        this.lastPointer = { x: e.clientX, y: e.clientY, target: e.target };
        const mention = this.o.marker.mentionAt(this.lastPointer);
        const target = e.target instanceof Element ? e.target : null;
        if (mention && mention !== this.cards.current) {
          if (target?.closest("a[href], [role=link]")) this.swallowClickAt = performance.now();
          this.prepare(mention);
        }
        this.send({ type: "tap", target: mention });
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
      { capture: true, signal },
    );
    win.addEventListener(
      "pointerdown",
      (e) => {
        // A touch on a mention is the start of a tap: its card is wanted when the finger lifts.
        if (e.pointerType === "touch") {
          if (this.o.enabled() && !this.isOnCard(e.target))
            this.prepare(this.o.marker.mentionAt({ x: e.clientX, y: e.clientY, target: e.target }));
          return;
        }
        if (!this.isOnCard(e.target)) this.send({ type: "press-outside" });
      },
      opts,
    );
    win.addEventListener("focusin", (e) => this.onFocus(e.target), opts);
    win.addEventListener(
      "keydown",
      (e) => {
        if (e.key === "Escape" && this.cards.current) this.close(true);
      },
      { capture: true, signal },
    );
    win.addEventListener(
      "scroll",
      () => {
        if (this.cards.current && this.card.place() === false) this.close(false);
      },
      opts,
    );
  }

  private onPointer(): void {
    if (!this.o.enabled() || this.o.standsDown()) return;
    const point = this.lastPointer;
    if (this.isOnCard(point.target)) {
      this.send({ type: "pointer-on-card" });
      return;
    }
    // A pinned card stays until it is closed (Escape, its button, a click elsewhere): no hit-test.
    if (this.cards.pinned) return;
    const mention = this.o.marker.mentionAt(point);
    this.prepare(mention);
    this.send({ type: "pointer", target: mention });
  }

  private onFocus(target: EventTarget | null): void {
    if (!this.o.enabled() || this.refocusing || this.isOnCard(target) || this.cards.pinned) return;
    const mention = target instanceof Element ? this.o.marker.mentionForFocus(target) : null;
    if (mention) {
      const rect = mention.range.getBoundingClientRect();
      this.lastPointer = { x: rect.left, y: rect.top + rect.height / 2, target };
    }
    this.prepare(mention);
    this.send({ type: "focus", target: mention });
  }
}
