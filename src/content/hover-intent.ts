/**
 * When to open and close the card, as a small state machine with fixed delays (see
 * docs/decisions/hover-delays.md). Generic over what is hovered so it can be tested alone.
 */
export interface HoverTimers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

export interface HoverDelays {
  /** Pointer rests on a mention this long before its card opens (filters pass-overs). */
  show: number;
  /** The card stays this long after the pointer leaves mention and card. */
  hide: number;
}

export const HOVER_DELAYS: HoverDelays = { show: 300, hide: 300 };

export class HoverIntent<T> {
  private shown: T | null = null;
  private pending: T | null = null;
  private showTimer = 0;
  private hideTimer = 0;
  private overCard = false;
  private overShown = false;

  constructor(
    private onShow: (target: T) => void,
    private onHide: () => void,
    private delays: HoverDelays = HOVER_DELAYS,
    private timers: HoverTimers = {
      set: (fn, ms) => setTimeout(fn, ms) as unknown as number,
      clear: (id) => clearTimeout(id),
    },
  ) {}

  get current(): T | null {
    return this.shown;
  }

  /** The pointer is now over `target` (a mention) or over nothing of ours (null). */
  pointerOver(target: T | null): void {
    this.overShown = target !== null && target === this.shown;
    if (this.overShown) {
      this.cancelPending();
      this.cancelHide();
      return;
    }
    if (target === null) {
      this.cancelPending();
      this.scheduleHide();
      return;
    }
    if (target === this.pending) return;
    this.cancelPending();
    this.pending = target;
    this.showTimer = this.timers.set(() => {
      this.pending = null;
      this.showNow(target);
    }, this.delays.show);
    // Moving to another mention also starts the clock on the card that is open.
    this.scheduleHide();
  }

  /** Opens at once (a tap, or a keyboard request). */
  showNow(target: T): void {
    this.cancelPending();
    this.cancelHide();
    this.shown = target;
    this.overShown = true;
    this.onShow(target);
  }

  cardEnter(): void {
    this.overCard = true;
    this.cancelHide();
  }

  cardLeave(): void {
    this.overCard = false;
    this.scheduleHide();
  }

  /** Closes at once (Escape, the mention scrolled away, a tap elsewhere). */
  close(): void {
    this.cancelPending();
    this.cancelHide();
    this.overCard = false;
    this.overShown = false;
    if (this.shown !== null) {
      this.shown = null;
      this.onHide();
    }
  }

  private scheduleHide(): void {
    if (this.shown === null || this.overCard || this.overShown || this.hideTimer) return;
    this.hideTimer = this.timers.set(() => {
      this.hideTimer = 0;
      // Only the open card goes: a show already pending for another mention still happens.
      this.overCard = false;
      this.overShown = false;
      if (this.shown !== null) {
        this.shown = null;
        this.onHide();
      }
    }, this.delays.hide);
  }

  private cancelHide(): void {
    if (this.hideTimer) this.timers.clear(this.hideTimer);
    this.hideTimer = 0;
  }

  private cancelPending(): void {
    if (this.showTimer) this.timers.clear(this.showTimer);
    this.showTimer = 0;
    this.pending = null;
  }
}
