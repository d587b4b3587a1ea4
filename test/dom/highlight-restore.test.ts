import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type HighlightApi,
  HighlightMarker,
  MAX_RESTORE_WAIT_MS,
  REGISTRY_CHECK_MS,
} from "../../src/content/highlight-marker.ts";
import { MARK_NAME, type Mention } from "../../src/content/mention.ts";

/** The registry is shared with the page: a page may clear it (CSS.highlights.clear()). */
describe("HighlightMarker when the page clears the highlight registry", () => {
  let registry: Map<string, unknown>;
  let checks: (() => void)[];
  let now: number;
  let marker: HighlightMarker;
  let mention: Mention;

  /** The clock moves on and the pending registry check (the marker's timer) runs. */
  const tick = (ms = REGISTRY_CHECK_MS) => {
    now += ms;
    for (const check of checks.splice(0)) check();
  };
  const shown = () => registry.has(MARK_NAME);

  beforeEach(() => {
    registry = new Map();
    checks = [];
    now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const api: HighlightApi = {
      registry,
      create: () => new Set<Range>(),
      caretAt: () => null,
      schedule: (fn, ms) => {
        expect(ms).toBe(REGISTRY_CHECK_MS);
        checks.push(fn);
      },
    };
    marker = new HighlightMarker(api);
    document.body.innerHTML = "<p>COP26</p>";
    const range = document.createRange();
    range.selectNodeContents(document.querySelector("p") as Element);
    const nodes = [document.querySelector("p")?.firstChild as Text];
    mention = { range, nodes, entry: 0, nested: [], text: "COP26", start: 0, end: 5, marked: true };
    marker.update([mention], []);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("puts its highlight back at the next check, leaving the page's own highlights alone", () => {
    expect(shown()).toBe(true);
    registry.clear();
    registry.set("page-search", new Set());
    tick();
    expect(shown()).toBe(true);
    expect(registry.has("page-search")).toBe(true);
  });

  it("notices at once when the reader points at the page", () => {
    registry.clear();
    now += 10;
    marker.mentionAt({ x: 0, y: 0, target: null });
    expect(shown()).toBe(true);
  });

  it("does not fight a page that keeps clearing: the returns thin out, and resume once it stops", () => {
    let returns = 0;
    // Ten minutes of a page clearing the registry as soon as anything is in it.
    for (let t = 0; t < 600_000; t += REGISTRY_CHECK_MS) {
      registry.clear();
      tick();
      if (shown()) returns++;
      // A slice of new marks and a hover in between do not bring it back any sooner.
      registry.clear();
      marker.update([], [], [mention]);
      marker.mentionAt({ x: 0, y: 0, target: null });
      if (shown()) returns++;
    }
    expect(returns).toBeLessThan(20);
    expect(returns).toBeGreaterThan(600_000 / MAX_RESTORE_WAIT_MS - 2);
    // The page stops clearing: after a long enough wait the highlight is back and stays.
    registry.clear();
    tick(MAX_RESTORE_WAIT_MS);
    expect(shown()).toBe(true);
    tick();
    expect(shown()).toBe(true);
  });

  it("stops checking once nothing is painted, and a later mark registers at once", () => {
    marker.clear();
    expect(shown()).toBe(false);
    tick();
    expect(checks).toEqual([]);
    marker.update([mention], []);
    expect(shown()).toBe(true);
    expect(checks).toHaveLength(1);
  });
});
