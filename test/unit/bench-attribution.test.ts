import { describe, expect, it } from "vitest";
import { extensionCost } from "../../scripts/bench/attribution.ts";
import type { TraceEvent } from "../../scripts/bench/trace.ts";

const EXT = "chrome-extension://abc/";
const PAGE = { pid: 1, tid: 10 };
const WORKER = { pid: 2, tid: 20 };
/** A complete event on a thread: ts and durations in ms (the trace counts µs). */
const x = (
  thread: { pid: number; tid: number },
  name: string,
  ts: number,
  dur: number,
  tdur = dur,
  url?: string,
): TraceEvent => ({
  name,
  ph: "X",
  ts: ts * 1000,
  dur: dur * 1000,
  tdur: tdur * 1000,
  ...thread,
  ...(url ? { args: { data: { url } } } : {}),
});

describe("the extension's cost, read from a trace", () => {
  const events: TraceEvent[] = [
    // content.js evaluated: a task of ours.
    x(PAGE, "RunTask", 100, 10, 9),
    x(PAGE, "EvaluateScript", 100.1, 9.8, 8.8, `${EXT}content.js`),
    // The page's own task: not ours.
    x(PAGE, "RunTask", 120, 30, 30),
    x(PAGE, "EvaluateScript", 120.1, 29, 29, "https://news.example/app.js"),
    // A page task in which our listener also ran: charged less the page's own script.
    x(PAGE, "RunTask", 200, 12, 12),
    x(PAGE, "FunctionCall", 200.1, 8, 8, "https://news.example/app.js"),
    x(PAGE, "FunctionCall", 208.2, 3, 3, `${EXT}content.js`),
    // A task with no URL event of ours but profiler samples in our code (a message reply).
    x(PAGE, "RunTask", 300, 20, 15),
    // The worker: its start, then a message.
    x(WORKER, "RunTask", 90, 6, 5),
    x(WORKER, "EvaluateScript", 90.1, 5.8, 4.8, `${EXT}background.js`),
    // DevTools served during the evaluation (the bench's own probe): not the reader's cost.
    x(WORKER, "V8.InvokeApiInterruptCallbacks", 91, 2, 1.5),
    x(WORKER, "RunTask", 150, 2, 2),
    {
      name: "Profile",
      ph: "P",
      ts: 0,
      ...PAGE,
      id: "0x1",
      args: { data: { startTime: 299_000 } },
    },
    {
      name: "ProfileChunk",
      ph: "P",
      ts: 0,
      ...PAGE,
      id: "0x1",
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { url: "" } },
              { id: 2, parent: 1, callFrame: { url: `${EXT}content.js` } },
              { id: 3, parent: 2, callFrame: { url: "" } },
            ],
            samples: [1, 3, 1],
          },
          // 299 ms, then 305 ms (inside the 300 ms task, in our code), then 400 ms.
          timeDeltas: [0, 6000, 95_000],
        },
      },
    },
  ];
  const cost = extensionCost(events, EXT);

  it("charges our tasks whole, less the page's own scripts in them, and not the page's tasks", () => {
    expect(cost.tasks).toBe(3);
    expect(cost.threadMs).toBeCloseTo(9 + (12 - 8) + 15, 5);
    expect(cost.frames).toBe(1);
    expect(cost.evaluateMs).toBeCloseTo(8.8, 5);
  });

  it("finds work of ours that only the profiler's samples show", () => {
    expect(cost.longest).toMatchObject({ threadMs: 15, wallMs: 20, what: "samples" });
    // Times are counted from the first evaluation of content.js (at 100.1 ms).
    expect(cost.charged.map((c) => Math.round(c.at * 10) / 10)).toEqual([-0.1, 99.9, 199.9]);
  });

  it("reads the worker's start and everything it ran", () => {
    expect(cost.worker.startMs).toBeCloseTo(4.8 - 1.5, 5);
    expect(cost.worker.threadMs).toBeCloseTo(7 - 1.5, 5);
    expect(cost.worker.tasks).toBe(2);
  });

  it("finds nothing in a trace without our scripts", () => {
    const none = extensionCost(events, "chrome-extension://other/");
    expect(none).toMatchObject({ frames: 0, tasks: 0, threadMs: 0, longest: null });
    expect(none.worker.startMs).toBeNull();
  });
});
