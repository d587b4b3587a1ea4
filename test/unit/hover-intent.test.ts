import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HOVER_DELAYS, HoverIntent, type HoverTimers } from "../../src/content/hover-intent.ts";

const SHOW = HOVER_DELAYS.show;
const HIDE = HOVER_DELAYS.hide;

/** A HoverIntent over string targets that logs what it does. */
function setup() {
  const log: string[] = [];
  const hover = new HoverIntent<string>(
    (t) => log.push(`show ${t}`),
    () => log.push("hide"),
  );
  return { hover, log };
}

describe("HoverIntent (with the default delays and timers)", () => {
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

  it("does not hide while the pointer is over the card, even if it also reports nothing under it", () => {
    const { hover, log } = setup();
    hover.pointerOver("a");
    vi.advanceTimersByTime(SHOW);
    hover.cardEnter();
    hover.pointerOver(null);
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

describe("HoverIntent (with injected delays and timers)", () => {
  /** A manual clock: timers run only when advanced. */
  function manualTimers() {
    let now = 0;
    let next = 1;
    const pending = new Map<number, { at: number; fn: () => void }>();
    const timers: HoverTimers = {
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
    const log: string[] = [];
    const hover = new HoverIntent<string>(
      (t) => log.push(`show ${t}`),
      () => log.push("hide"),
      { show: 100, hide: 500 },
      timers,
    );
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
    const hover = new HoverIntent<string>(
      () => {},
      () => {},
      { show: 100, hide: 100 },
      timers,
    );
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

describe("HoverIntent across a gap", () => {
  it("opens the second mention reached through blank space before the first card's grace ran out", () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const h = new HoverIntent<string>(
      (t) => log.push(`show ${t}`),
      () => log.push("hide"),
    );
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
