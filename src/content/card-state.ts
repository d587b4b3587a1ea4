/**
 * Which card is open, and why: the one owner of that state on a page. The page session's
 * listeners translate what the reader does (the pointer resting on a mention or on the card,
 * focus, a tap, a keyboard command, Escape, the card's buttons) into events; `stepCard` says
 * what follows, as a new state and a list of effects the session carries out (start or cancel
 * a delay, show or hide the card, pin it, move focus into it). No DOM and no timers here, so
 * every transition is tested from a table (test/unit/card-state.test.ts).
 *
 * The card's lookup is asynchronous: a shown card is first "opening" and becomes "open" only
 * when the card says it rendered (`shown`). A lookup that fails or finds nothing (`not-shown`)
 * closes it, so that Escape, scrolling and navigation never act on a card that is not there.
 * Each show carries a sequence number: an answer for an older show is ignored.
 *
 * The delays (see docs/decisions/hover-delays.md): the pointer must rest on a mention `show` ms
 * before its card opens, which filters pass-overs; the card stays `hide` ms after the pointer
 * leaves mention and card, which lets the pointer cross the gap between them.
 */

export interface HoverDelays {
  /** Pointer rests on a mention this long before its card opens (filters pass-overs). */
  show: number;
  /** The card stays this long after the pointer leaves mention and card. */
  hide: number;
}

export const HOVER_DELAYS: HoverDelays = { show: 300, hide: 300 };

/** The card the reader has asked for. `T` is a mention; `F` an element keyboard focus can return to. */
export interface OpenCard<T, F> {
  /** "opening": asked for, its lookup under way; "open": on screen. */
  phase: "opening" | "open";
  target: T;
  /** Matches the `shown` or `not-shown` answer to the show that asked. */
  seq: number;
  /** A pinned card stays until it is closed: the pointer and focus moving elsewhere leave it. */
  pinned: boolean;
  /** Opened from the keyboard: once on screen it is pinned and takes keyboard focus. */
  keyboard: boolean;
  /** Where keyboard focus was before a keyboard command moved it into the card. */
  returnFocusTo: F | null;
}

export interface CardState<T, F = unknown> {
  card: OpenCard<T, F> | null;
  /** A mention the pointer (or focus) rests on: its card opens when the show delay is over. */
  pending: T | null;
  /** The hide delay is running (the open card goes when it is over). */
  hiding: boolean;
  /** The pointer is over the card itself. */
  overCard: boolean;
  /** The pointer (or focus) is on the open card's own mention. */
  overTarget: boolean;
  /** The last sequence number given to a show. */
  seq: number;
}

export type CardEvent<T, F = unknown> =
  /** The pointer rests over a mention, or over nothing of ours (null); not over the card. */
  | { type: "pointer"; target: T | null }
  /** The pointer is over the card. */
  | { type: "pointer-on-card" }
  /** Keyboard focus moved onto a mention's link, or elsewhere in the page (null). */
  | { type: "focus"; target: T | null }
  /** A tap (touch) on a mention, or elsewhere in the page (null); a tap on the card is not sent. */
  | { type: "tap"; target: T | null }
  /**
   * Open this mention's card at once: the popup's list of the page's terms, or a keyboard
   * command (`keyboard`, with `focusFrom`: the element focused before; undefined when focus is
   * already in the card, which keeps the element recorded then).
   */
  | { type: "request"; target: T; keyboard: boolean; focusFrom?: F | null }
  | { type: "show-delay-over" }
  | { type: "hide-delay-over" }
  /** The card rendered the show with this number, or gave it up (lookup failed or empty). */
  | { type: "shown"; seq: number }
  | { type: "not-shown"; seq: number }
  /** The card's pin button. */
  | { type: "toggle-pin" }
  /** A mouse press anywhere but on the card. */
  | { type: "press-outside" }
  /**
   * Close now: Escape or the card's close button (`returnFocus`: keyboard focus goes back to
   * the page if it was in the card), the mention scrolled away, navigation, the entry filtered
   * out, the site switched off.
   */
  | { type: "close"; returnFocus: boolean };

export type CardEffect<T, F = unknown> =
  | { type: "start-show-delay" }
  | { type: "cancel-show-delay" }
  | { type: "start-hide-delay" }
  | { type: "cancel-hide-delay" }
  /** Look the mention's entries up and show its card (unpinned); answer with `shown` or `not-shown`. */
  | { type: "show"; target: T; seq: number }
  /** Take the card down; `returnFocus` with the element to return keyboard focus to. */
  | { type: "hide"; target: T; returnFocus: boolean; returnFocusTo: F | null }
  | { type: "pin"; pinned: boolean }
  | { type: "focus-card" };

export function initialCardState<T, F = unknown>(): CardState<T, F> {
  return { card: null, pending: null, hiding: false, overCard: false, overTarget: false, seq: 0 };
}

/** What follows `event` in `state`: the next state and the effects to carry out, in order. */
export function stepCard<T, F>(
  state: CardState<T, F>,
  event: CardEvent<T, F>,
): { state: CardState<T, F>; effects: CardEffect<T, F>[] } {
  const s: CardState<T, F> = { ...state, card: state.card && { ...state.card } };
  const effects: CardEffect<T, F>[] = [];

  const cancelPending = () => {
    if (s.pending !== null) effects.push({ type: "cancel-show-delay" });
    s.pending = null;
  };
  const cancelHide = () => {
    if (s.hiding) effects.push({ type: "cancel-hide-delay" });
    s.hiding = false;
  };
  const scheduleHide = () => {
    if (!s.card || s.card.pinned || s.overCard || s.overTarget || s.hiding) return;
    s.hiding = true;
    effects.push({ type: "start-hide-delay" });
  };
  const takeDown = (returnFocus: boolean) => {
    if (s.card) effects.push({ type: "hide", target: s.card.target, returnFocus, returnFocusTo: s.card.returnFocusTo });
    s.card = null;
  };
  const open = (target: T, keyboard: boolean, returnFocusTo: F | null) => {
    cancelPending();
    cancelHide();
    s.seq += 1;
    s.card = { phase: "opening", target, seq: s.seq, pinned: keyboard, keyboard, returnFocusTo };
    s.overTarget = true;
    effects.push({ type: "show", target, seq: s.seq });
  };
  /** The pointer or focus now rests on `target` (a mention) or on nothing of ours. */
  const restOn = (target: T | null) => {
    s.overTarget = target !== null && target === s.card?.target;
    if (s.overTarget) {
      cancelPending();
      cancelHide();
      return;
    }
    if (target === null) cancelPending();
    else if (target !== s.pending) {
      cancelPending();
      s.pending = target;
      effects.push({ type: "start-show-delay" });
    }
    // Leaving the mention, or moving to another, starts the clock on the card that is open.
    scheduleHide();
  };

  switch (event.type) {
    case "pointer":
      // A pinned card stays until it is closed: the pointer moving elsewhere does nothing.
      if (s.card?.pinned) break;
      s.overCard = false;
      restOn(event.target);
      break;
    case "pointer-on-card":
      s.overCard = true;
      cancelHide();
      break;
    case "focus":
      if (s.card?.pinned) break;
      restOn(event.target);
      break;
    case "tap":
      if (event.target === null) {
        cancelPending();
        cancelHide();
        takeDown(false);
        s.overCard = false;
        s.overTarget = false;
      } else if (event.target !== s.card?.target) open(event.target, false, null);
      break;
    case "request": {
      const keep = event.focusFrom === undefined ? (s.card?.returnFocusTo ?? null) : event.focusFrom;
      open(event.target, event.keyboard, event.keyboard ? keep : null);
      break;
    }
    case "show-delay-over":
      if (s.pending !== null) {
        const target = s.pending;
        s.pending = null;
        open(target, false, null);
      }
      break;
    case "hide-delay-over":
      if (!s.hiding) break;
      s.hiding = false;
      // Only the open card goes: a show already pending for another mention still happens.
      s.overCard = false;
      s.overTarget = false;
      takeDown(false);
      break;
    case "shown":
      if (s.card?.phase !== "opening" || s.card.seq !== event.seq) break;
      s.card.phase = "open";
      if (s.card.keyboard) effects.push({ type: "pin", pinned: true }, { type: "focus-card" });
      break;
    case "not-shown":
      if (s.card?.seq !== event.seq) break;
      cancelHide();
      s.overTarget = false;
      takeDown(false);
      break;
    case "toggle-pin":
      if (s.card?.phase !== "open") break;
      s.card.pinned = !s.card.pinned;
      if (s.card.pinned) cancelHide();
      effects.push({ type: "pin", pinned: s.card.pinned });
      break;
    case "press-outside":
      if (!s.card?.pinned) break;
      cancelPending();
      s.overCard = false;
      s.overTarget = false;
      takeDown(false);
      break;
    case "close":
      cancelPending();
      cancelHide();
      s.overCard = false;
      s.overTarget = false;
      takeDown(event.returnFocus);
      break;
  }
  return { state: s, effects };
}

export interface CardTimers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

const realTimers: CardTimers = {
  set: (fn, ms) => setTimeout(fn, ms) as unknown as number,
  clear: (id) => clearTimeout(id),
};

/**
 * Holds the state, runs the two delays, and hands every other effect to `perform`. Events sent
 * while effects are being carried out (a focus change that closing the card causes) are queued
 * and run after, in order, so that each transition starts from the state the last one left.
 */
export class CardStateMachine<T, F = unknown> {
  private s: CardState<T, F> = initialCardState();
  private showTimer = 0;
  private hideTimer = 0;
  private queue: CardEvent<T, F>[] = [];
  private running = false;

  constructor(
    private perform: (effect: CardEffect<T, F>) => void,
    private delays: HoverDelays = HOVER_DELAYS,
    private timers: CardTimers = realTimers,
  ) {}

  get state(): Readonly<CardState<T, F>> {
    return this.s;
  }

  /** The mention whose card is open or opening. */
  get current(): T | null {
    return this.s.card?.target ?? null;
  }

  get pinned(): boolean {
    return this.s.card?.pinned ?? false;
  }

  send(event: CardEvent<T, F>): void {
    this.queue.push(event);
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const { state, effects } = stepCard(this.s, next);
        this.s = state;
        for (const effect of effects) this.carryOut(effect);
      }
    } finally {
      this.running = false;
      this.queue.length = 0;
    }
  }

  private carryOut(effect: CardEffect<T, F>): void {
    switch (effect.type) {
      case "start-show-delay":
        this.showTimer = this.restart(this.showTimer, this.delays.show, "show-delay-over");
        return;
      case "cancel-show-delay":
        this.showTimer = this.restart(this.showTimer);
        return;
      case "start-hide-delay":
        this.hideTimer = this.restart(this.hideTimer, this.delays.hide, "hide-delay-over");
        return;
      case "cancel-hide-delay":
        this.hideTimer = this.restart(this.hideTimer);
        return;
      default:
        this.perform(effect);
    }
  }

  /** Clears a delay's timer and, given its length and event, starts it again; returns the new timer. */
  private restart(timer: number, ms?: number, over?: "show-delay-over" | "hide-delay-over"): number {
    if (timer) this.timers.clear(timer);
    if (ms === undefined || !over) return 0;
    return this.timers.set(() => this.send({ type: over }), ms);
  }
}
