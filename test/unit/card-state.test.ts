import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type CardEffect,
  type CardEvent,
  type CardState,
  CardStateMachine,
  type CardTimers,
  HOVER_DELAYS,
  initialCardState,
  stepCard,
} from "../../src/content/card-state.ts";

const SHOW = HOVER_DELAYS.show;
const HIDE = HOVER_DELAYS.hide;

/**
 * The card state machine over string targets, driven through the calls the hover tests were
 * first written against; it logs what the card is told, and the card shows every card it is asked for.
 */
class Hover {
  readonly log: string[] = [];
  readonly machine: CardStateMachine<string>;
  constructor(delays = HOVER_DELAYS, timers?: CardTimers) {
    this.machine = new CardStateMachine<string>(
      (effect) => {
        if (effect.type === "show") {
          this.log.push(`show ${effect.target}`);
          this.machine.send({ type: "shown", seq: effect.seq });
        } else if (effect.type === "hide") this.log.push("hide");
      },
      delays,
      timers,
    );
  }
  get current() {
    return this.machine.current;
  }
  pointerOver(target: string | null) {
    this.machine.send({ type: "pointer", target });
  }
  cardEnter() {
    this.machine.send({ type: "pointer-on-card" });
  }
  /** The pointer leaves the card for nothing of ours. */
  cardLeave() {
    this.machine.send({ type: "pointer", target: null });
  }
  showNow(target: string) {
    this.machine.send({ type: "request", target, keyboard: false });
  }
  close() {
    this.machine.send({ type: "close", returnFocus: false });
  }
}

function setup() {
  const hover = new Hover();
  return { hover, log: hover.log };
}

describe("the card state machine, with the default delays and timers", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows only after the show delay", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW - 1);
    expect(log).toEqual([]);
    expect(hover.current).toBeNull();
    vi.advanceTimersByTime(1);
    expect(log).toEqual(["show a"]);
    expect(hover.current).toBe("a");
  });

  it("keeps counting while the pointer moves over the same mention", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW / 2);
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW / 2);
    expect(log).toEqual(["show a"]);
  });

  it("shows nothing for a pass-over shorter than the delay", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW - 50);
    hover.pointerOver(null);
    vi.advanceTimersByTime(SHOW * 10);
    expect(log).toEqual([]);
    expect(hover.current).toBeNull();
  });

  it("restarts the delay when the pointer passes on to another mention", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW - 50);
    hover.pointerOver("b");
    vi.advanceTimersByTime(SHOW - 1);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(["show b"]);
  });

  it("starts the hide delay when the pointer leaves", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW);
    hover.pointerOver(null);
    vi.advanceTimersByTime(HIDE - 1);
    expect(log).toEqual(["show a"]);
    expect(hover.current).toBe("a");
    vi.advanceTimersByTime(1);
    expect(log).toEqual(["show a", "hide"]);
    expect(hover.current).toBeNull();
  });

  it("keeps the card when the pointer comes back to the mention in time", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW);
    hover.pointerOver(null);
    vi.advanceTimersByTime(HIDE - 50);
    hover.pointerOver("a");
    vi.advanceTimersByTime(HIDE * 10);
    expect(log).toEqual(["show a"]);
    expect(hover.current).toBe("a");
  });

  it("cancels the hide when the pointer enters the card", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW);
    hover.pointerOver(null);
    vi.advanceTimersByTime(HIDE - 50);
    hover.cardEnter();
    vi.advanceTimersByTime(HIDE * 10);
    expect(log).toEqual(["show a"]);
    expect(hover.current).toBe("a");
  });

  it("does not hide while the pointer is over the card, even if keyboard focus leaves the mention", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW);
    hover.cardEnter();
    hover.machine.send({ type: "focus", target: null });
    vi.advanceTimersByTime(HIDE * 10);
    expect(log).toEqual(["show a"]);
  });

  it("hides after the grace delay once the pointer leaves the card", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW);
    hover.pointerOver(null);
    hover.cardEnter();
    vi.advanceTimersByTime(HIDE * 3);
    hover.cardLeave();
    vi.advanceTimersByTime(HIDE - 1);
    expect(log).toEqual(["show a"]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(["show a", "hide"]);
    expect(hover.current).toBeNull();
  });

  it("switches to another mention after the show delay, without hiding in between", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW);
    hover.pointerOver("b");
    vi.advanceTimersByTime(SHOW - 1);
    expect(log).toEqual(["show a"]);
    expect(hover.current).toBe("a");
    vi.advanceTimersByTime(1);
    expect(log).toEqual(["show a", "show b"]);
    expect(hover.current).toBe("b");
    vi.advanceTimersByTime(HIDE * 10);
    expect(log).toEqual(["show a", "show b"]);
  });

  it("keeps the open card when the pointer only passes over another mention", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW);
    hover.pointerOver("b");
    vi.advanceTimersByTime(SHOW / 3);
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW * 10);
    expect(log).toEqual(["show a"]);
    expect(hover.current).toBe("a");
  });

  it("closes at once on close(), cancelling any pending show", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW);
    hover.pointerOver("b");
    hover.close();
    expect(log).toEqual(["show a", "hide"]);
    expect(hover.current).toBeNull();
    vi.advanceTimersByTime(SHOW * 10);
    expect(log).toEqual(["show a", "hide"]);
  });

  it("does not report a hide on close() when nothing is shown", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    hover.close();
    vi.advanceTimersByTime(SHOW * 10);
    expect(log).toEqual([]);
  });

  it("shows at once on showNow(), and stays while the pointer is elsewhere until it leaves", () => {
    const { hover, log } = setup();
    hover.pointerOver("b");
    hover.showNow("a");
    expect(log).toEqual(["show a"]);
    expect(hover.current).toBe("a");
    // The pending show of "b" was cancelled.
    vi.advanceTimersByTime(SHOW * 10);
    expect(log).toEqual(["show a"]);
    hover.pointerOver(null);
    vi.advanceTimersByTime(HIDE);
    expect(log).toEqual(["show a", "hide"]);
  });

  it("cancels a pending hide on showNow()", () => {
    const { hover, log } = setup();
    hover.showNow("a");
    hover.pointerOver(null);
    vi.advanceTimersByTime(HIDE - 1);
    hover.showNow("b");
    vi.advanceTimersByTime(HIDE * 10);
    expect(log).toEqual(["show a", "show b"]);
    expect(hover.current).toBe("b");
  });
});

describe("the card state machine, with injected delays and timers", () => {
  /** A manual clock: timers run only when advanced. */
  function manualTimers() {
    let now = 0;
    let next = 1;
    const pending = new Map<number, { at: number; fn: () => void }>();
    const timers: CardTimers = {
      set(fn, ms) {
        const id = next++;
        pending.set(id, { at: now + ms, fn });
        return id;
      },
      clear(id) {
        pending.delete(id);
      },
    };
    const advance = (ms: number) => {
      const until = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= until).sort((x, y) => x[1].at - y[1].at || x[0] - y[0]);
        if (!due.length) break;
        const [id, t] = due[0];
        pending.delete(id);
        now = t.at;
        t.fn();
      }
      now = until;
    };
    return { timers, advance, pending };
  }

  it("uses the delays and timers it is given", () => {
    const { timers, advance, pending } = manualTimers();
    const hover = new Hover({ show: 100, hide: 500 }, timers);
    const log = hover.log;
    hover.pointerOver("a");
    advance(99);
    expect(log).toEqual([]);
    advance(1);
    expect(log).toEqual(["show a"]);
    hover.pointerOver(null);
    advance(499);
    expect(log).toEqual(["show a"]);
    advance(1);
    expect(log).toEqual(["show a", "hide"]);
    // Nothing left running.
    expect(pending.size).toBe(0);
  });

  it("clears the timers it no longer needs", () => {
    const { timers, advance, pending } = manualTimers();
    const hover = new Hover({ show: 100, hide: 100 }, timers);
    hover.pointerOver("a");
    hover.pointerOver(null);
    expect(pending.size).toBe(0);
    hover.pointerOver("a");
    advance(100);
    hover.pointerOver(null);
    hover.cardEnter();
    expect(pending.size).toBe(0);
  });
});

describe("the card state machine across a gap", () => {
  it("opens the second mention reached through blank space before the first card's grace ran out", () => {
    vi.useFakeTimers();
    const h = new Hover();
    const log = h.log;
    h.pointerOver("a");
    vi.advanceTimersByTime(300);
    h.pointerOver(null);
    vi.advanceTimersByTime(100);
    h.pointerOver("b");
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(["show a", "hide", "show b"]);
    expect(h.current).toBe("b");
    vi.useRealTimers();
  });
});

describe("stepCard: every transition, from a table", () => {
  type S = CardState<string, string>;
  type E = CardEvent<string, string>;
  type X = CardEffect<string, string>;
  const closed: S = initialCardState();
  /** A state with the card of `target` in `phase`, and whatever else is given. */
  const withCard = (
    phase: "opening" | "open",
    target: string,
    more: Partial<S> = {},
    card: Partial<NonNullable<S["card"]>> = {},
  ): S => ({
    ...closed,
    seq: 1,
    overTarget: true,
    ...more,
    card: { phase, target, seq: 1, pinned: false, keyboard: false, returnFocusTo: null, ...card },
  });
  const open = (target: string, more: Partial<S> = {}, card: Partial<NonNullable<S["card"]>> = {}) =>
    withCard("open", target, more, card);
  const opening = (target: string, more: Partial<S> = {}, card: Partial<NonNullable<S["card"]>> = {}) =>
    withCard("opening", target, more, card);
  const pinned = (target: string, more: Partial<S> = {}) => open(target, more, { pinned: true });
  const hide = (target: string, returnFocus = false, returnFocusTo: string | null = null): X => ({
    type: "hide",
    target,
    returnFocus,
    returnFocusTo,
  });

  const rows: [string, S, E, S, X[]][] = [
    // The pointer and focus resting on mentions, and the two delays.
    [
      "resting on a mention starts the show delay",
      closed,
      { type: "pointer", target: "a" },
      { ...closed, pending: "a" },
      [{ type: "start-show-delay" }],
    ],
    [
      "resting on the same mention again changes nothing",
      { ...closed, pending: "a" },
      { type: "pointer", target: "a" },
      { ...closed, pending: "a" },
      [],
    ],
    [
      "moving to another mention restarts the delay",
      { ...closed, pending: "a" },
      { type: "pointer", target: "b" },
      { ...closed, pending: "b" },
      [{ type: "cancel-show-delay" }, { type: "start-show-delay" }],
    ],
    [
      "leaving before the delay is over cancels it",
      { ...closed, pending: "a" },
      { type: "pointer", target: null },
      closed,
      [{ type: "cancel-show-delay" }],
    ],
    [
      "the show delay over, the card is asked for",
      { ...closed, pending: "a" },
      { type: "show-delay-over" },
      opening("a"),
      [{ type: "show", target: "a", seq: 1 }],
    ],
    ["a show delay over with nothing pending does nothing", closed, { type: "show-delay-over" }, closed, []],
    ["the card on screen", opening("a"), { type: "shown", seq: 1 }, open("a"), []],
    [
      "an answer for an older show is ignored",
      opening("a", { seq: 2 }, { seq: 2 }),
      { type: "shown", seq: 1 },
      opening("a", { seq: 2 }, { seq: 2 }),
      [],
    ],
    [
      "a lookup that failed or found nothing closes the card",
      opening("a"),
      { type: "not-shown", seq: 1 },
      { ...closed, seq: 1 },
      [hide("a")],
    ],
    [
      "a failed older show leaves the newer card",
      opening("b", { seq: 2 }, { seq: 2 }),
      { type: "not-shown", seq: 1 },
      opening("b", { seq: 2 }, { seq: 2 }),
      [],
    ],
    [
      "leaving the open card's mention starts the hide delay",
      open("a"),
      { type: "pointer", target: null },
      open("a", { overTarget: false, hiding: true }),
      [{ type: "start-hide-delay" }],
    ],
    [
      "coming back to the mention in time cancels it",
      open("a", { overTarget: false, hiding: true }),
      { type: "pointer", target: "a" },
      open("a"),
      [{ type: "cancel-hide-delay" }],
    ],
    [
      "the hide delay over, the card goes",
      open("a", { overTarget: false, hiding: true }),
      { type: "hide-delay-over" },
      { ...closed, seq: 1 },
      [hide("a")],
    ],
    ["a hide delay over that was cancelled does nothing", open("a"), { type: "hide-delay-over" }, open("a"), []],
    [
      "moving to another mention starts its show delay and the open card's hide delay",
      open("a"),
      { type: "pointer", target: "b" },
      open("a", { overTarget: false, pending: "b", hiding: true }),
      [{ type: "start-show-delay" }, { type: "start-hide-delay" }],
    ],
    [
      "the other mention's delay over first, its card replaces the open one without a hide",
      open("a", { overTarget: false, pending: "b", hiding: true }),
      { type: "show-delay-over" },
      opening("b", { seq: 2 }, { seq: 2 }),
      [{ type: "cancel-hide-delay" }, { type: "show", target: "b", seq: 2 }],
    ],
    [
      "the hide delay over first, the open card goes and the pending show stays",
      open("a", { overTarget: false, pending: "b", hiding: true }),
      { type: "hide-delay-over" },
      { ...closed, seq: 1, pending: "b" },
      [hide("a")],
    ],
    [
      "the pointer on the card cancels the hide delay",
      open("a", { overTarget: false, hiding: true }),
      { type: "pointer-on-card" },
      open("a", { overTarget: false, overCard: true }),
      [{ type: "cancel-hide-delay" }],
    ],
    [
      "the pointer leaving the card starts the hide delay",
      open("a", { overTarget: false, overCard: true }),
      { type: "pointer", target: null },
      open("a", { overTarget: false, hiding: true }),
      [{ type: "start-hide-delay" }],
    ],
    [
      "focus leaving the mention while the pointer is on the card keeps it",
      open("a", { overCard: true }),
      { type: "focus", target: null },
      open("a", { overTarget: false, overCard: true }),
      [],
    ],
    [
      "focus reaching a mention starts its show delay",
      closed,
      { type: "focus", target: "a" },
      { ...closed, pending: "a" },
      [{ type: "start-show-delay" }],
    ],
    // Pinned cards.
    ["a pinned card ignores the pointer", pinned("a"), { type: "pointer", target: "b" }, pinned("a"), []],
    ["a pinned card ignores focus", pinned("a"), { type: "focus", target: null }, pinned("a"), []],
    [
      "the pin button pins the open card and stops its hide delay",
      open("a", { overTarget: false, hiding: true }),
      { type: "toggle-pin" },
      open("a", { overTarget: false }, { pinned: true }),
      [{ type: "cancel-hide-delay" }, { type: "pin", pinned: true }],
    ],
    [
      "the pin button again unpins it",
      pinned("a"),
      { type: "toggle-pin" },
      open("a"),
      [{ type: "pin", pinned: false }],
    ],
    ["no pinning a card still loading", opening("a"), { type: "toggle-pin" }, opening("a"), []],
    [
      "a press outside closes a pinned card",
      pinned("a"),
      { type: "press-outside" },
      { ...closed, seq: 1 },
      [hide("a")],
    ],
    ["a press outside leaves an unpinned card to the pointer", open("a"), { type: "press-outside" }, open("a"), []],
    // Requests: the popup's list, the keyboard.
    [
      "a request opens at once, cancelling a pending show",
      { ...closed, pending: "b" },
      { type: "request", target: "a", keyboard: false },
      opening("a"),
      [{ type: "cancel-show-delay" }, { type: "show", target: "a", seq: 1 }],
    ],
    [
      "a keyboard request opens pinned, remembering where focus was",
      closed,
      { type: "request", target: "a", keyboard: true, focusFrom: "link" },
      opening("a", {}, { pinned: true, keyboard: true, returnFocusTo: "link" }),
      [{ type: "show", target: "a", seq: 1 }],
    ],
    [
      "its card on screen is pinned and takes focus",
      opening("a", {}, { pinned: true, keyboard: true }),
      { type: "shown", seq: 1 },
      open("a", {}, { pinned: true, keyboard: true }),
      [{ type: "pin", pinned: true }, { type: "focus-card" }],
    ],
    [
      "the next keyboard request from inside the card keeps where focus came from",
      open("a", {}, { pinned: true, keyboard: true, returnFocusTo: "link" }),
      { type: "request", target: "b", keyboard: true },
      opening("b", { seq: 2 }, { seq: 2, pinned: true, keyboard: true, returnFocusTo: "link" }),
      [{ type: "show", target: "b", seq: 2 }],
    ],
    // Taps.
    [
      "a tap on a mention opens its card at once",
      closed,
      { type: "tap", target: "a" },
      opening("a"),
      [{ type: "show", target: "a", seq: 1 }],
    ],
    ["a tap on the open card's mention changes nothing", open("a"), { type: "tap", target: "a" }, open("a"), []],
    ["a tap elsewhere closes the card", open("a"), { type: "tap", target: null }, { ...closed, seq: 1 }, [hide("a")]],
    // Closing.
    [
      "Escape closes, cancelling both delays, and says where focus goes back to",
      open("a", { pending: "b", hiding: true }, { returnFocusTo: "link" }),
      { type: "close", returnFocus: true },
      { ...closed, seq: 1 },
      [{ type: "cancel-show-delay" }, { type: "cancel-hide-delay" }, hide("a", true, "link")],
    ],
    [
      "closing a card still loading takes it down (its answer comes to nothing)",
      opening("a"),
      { type: "close", returnFocus: false },
      { ...closed, seq: 1 },
      [hide("a")],
    ],
    ["closing with no card hides nothing", closed, { type: "close", returnFocus: false }, closed, []],
    [
      "an answer after the close is ignored",
      { ...closed, seq: 1 },
      { type: "shown", seq: 1 },
      { ...closed, seq: 1 },
      [],
    ],
  ];

  it.each(rows)("%s", (_name, from, event, to, effects) => {
    const frozen = structuredClone(from);
    const next = stepCard(from, event);
    expect(next.state).toEqual(to);
    expect(next.effects).toEqual(effects);
    expect(from, "the state it was given is left as it was").toEqual(frozen);
  });

  it("covers every event type", () => {
    const types = new Set(rows.map(([, , event]) => event.type));
    const all: E["type"][] = [
      "pointer",
      "pointer-on-card",
      "focus",
      "tap",
      "request",
      "show-delay-over",
      "hide-delay-over",
      "shown",
      "not-shown",
      "toggle-pin",
      "press-outside",
      "close",
    ];
    expect([...types].sort()).toEqual(all.sort());
  });
});

describe("the card state machine with a card that cannot show", () => {
  it("closes when the lookup fails, so that Escape and scrolling find no card", () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const machine: CardStateMachine<string> = new CardStateMachine<string>((effect) => {
      log.push(effect.type);
      if (effect.type === "show") queueMicrotask(() => machine.send({ type: "not-shown", seq: effect.seq }));
    });
    machine.send({ type: "pointer", target: "a" });
    vi.advanceTimersByTime(SHOW);
    expect(machine.current).toBe("a");
    return Promise.resolve().then(() => {
      expect(machine.current).toBeNull();
      expect(log).toEqual(["show", "hide"]);
      vi.useRealTimers();
    });
  });

  it("runs an event sent while it carries out effects after them, in order", () => {
    const log: string[] = [];
    const machine: CardStateMachine<string> = new CardStateMachine<string>((effect) => {
      log.push(`${effect.type} ${"target" in effect ? effect.target : ""}`.trim());
      // Closing the card moves focus, which the page reports as a focus event.
      if (effect.type === "hide") machine.send({ type: "focus", target: null });
    });
    machine.send({ type: "request", target: "a", keyboard: false });
    machine.send({ type: "close", returnFocus: true });
    expect(log).toEqual(["show a", "hide a"]);
    expect(machine.state).toEqual({ ...initialCardState(), seq: 1 });
  });
});
