// What the extension costs the reader, read from a browser-wide Chromium trace: the main-thread
// time of every task its content scripts run or cause in the page's renderers, and its service
// worker's time. Pure: events in, figures out (unit-tested on small hand-made traces).
import type { TraceEvent } from "./trace.ts";

export interface TaskCost {
  /** Thread (CPU) time of the task less the page's own work inside it. */
  threadMs: number;
  /** Wall time of the whole task: what the reader waits when it blocks input. */
  wallMs: number;
  /** Our events in it ("EvaluateScript", "FunctionCall", "samples" …). */
  what: string;
  /** When it began, in ms after the first evaluation of our content script. */
  at: number;
}

export interface ExtensionCost {
  /** Frames our content script was evaluated in. */
  frames: number;
  /** Sum over our tasks on the pages' main threads. */
  threadMs: number;
  wallMs: number;
  tasks: number;
  longest: TaskCost | null;
  /** Every task charged, in order: where the time goes. */
  charged: TaskCost[];
  /** Evaluating content.js (compile included), summed over frames. */
  evaluateMs: number;
  /** The service worker: evaluating its script (null when it was already running), and everything it ran. */
  worker: { startMs: number | null; threadMs: number; tasks: number };
}

const ms = (us: number | undefined) => (us ?? 0) / 1000;
const threadOf = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? "";

/** Complete ("X") RunTask events, with begin/end pairs ("B"/"E") folded into the same shape. */
export function runTasks(events: readonly TraceEvent[]): TraceEvent[] {
  const tasks: TraceEvent[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.name !== "RunTask") continue;
    if (e.ph === "X") tasks.push(e);
    const key = threadOf(e);
    if (e.ph === "B") open.set(key, [...(open.get(key) ?? []), e]);
    if (e.ph === "E") {
      const begin = open.get(key)?.pop();
      if (begin) tasks.push({ ...begin, ph: "X", dur: e.ts - begin.ts });
    }
  }
  return tasks;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string };
}

/**
 * Times (trace clock, µs) of the V8 CPU profiler's samples whose stack holds our code, per
 * thread. Work of ours that carries no URL in the timeline — promise continuations after a
 * message reply, JSON parsing of the reply inside them — shows up here.
 */
export function ourSampleTimes(events: readonly TraceEvent[], origin: string): Map<string, number[]> {
  type Profile = { thread: string; time: number; nodes: Map<number, ProfileNode>; samples: number[][] };
  const profiles = new Map<string, Profile>();
  const key = (e: TraceEvent) => `${e.pid}:${(e as { id?: string }).id}`;
  for (const e of events) {
    const data = e.args?.data as Record<string, unknown> | undefined;
    if (e.name === "Profile" && data)
      profiles.set(key(e), {
        thread: threadOf(e),
        time: Number(data.startTime),
        nodes: new Map(),
        samples: [],
      });
    if (e.name !== "ProfileChunk" || !data) continue;
    const p = profiles.get(key(e));
    if (!p) continue;
    const cpu = data.cpuProfile as { nodes?: ProfileNode[]; samples?: number[] } | undefined;
    for (const n of cpu?.nodes ?? []) p.nodes.set(n.id, n);
    const deltas = (data.timeDeltas as number[] | undefined) ?? [];
    (cpu?.samples ?? []).forEach((id, i) => {
      p.time += deltas[i] ?? 0;
      p.samples.push([p.time, id]);
    });
  }
  const out = new Map<string, number[]>();
  for (const p of profiles.values()) {
    const ours = new Map<number, boolean>();
    const isOurs = (id: number | undefined, depth = 0): boolean => {
      if (id === undefined || depth > 500) return false;
      const known = ours.get(id);
      if (known !== undefined) return known;
      const n = p.nodes.get(id);
      const v = !!n && (!!n.callFrame?.url?.startsWith(origin) || isOurs(n.parent, depth + 1));
      ours.set(id, v);
      return v;
    };
    const times = p.samples.filter(([, id]) => isOurs(id)).map(([t]) => t);
    if (times.length) out.set(p.thread, [...(out.get(p.thread) ?? []), ...times]);
  }
  return out;
}

/**
 * Work the DevTools protocol does inside a task (the bench's own probes of the page and the
 * worker are served through V8 API interrupts): not there when a reader browses.
 */
const INTERRUPT = "V8.InvokeApiInterruptCallbacks";
function interruptMs(within: readonly TraceEvent[]): number {
  const list = within.filter((e) => e.name === INTERRUPT);
  return list
    .filter((e) => !list.some((o) => o !== e && e.ts >= o.ts && e.ts + (e.dur ?? 0) <= o.ts + (o.dur ?? 0)))
    .reduce((s, e) => s + ms(e.tdur ?? e.dur), 0);
}

/** The page's own work inside one of our tasks: its scripts and parsing, not charged to us. */
const PAGE_WORK = new Set([
  "EvaluateScript",
  "FunctionCall",
  "ParseHTML",
  "v8.compile",
  "TimerFire",
  "FireIdleCallback",
]);

/**
 * The extension's cost in a trace. `origin` is "chrome-extension://<id>/" (or just
 * "chrome-extension://" when one extension is loaded). A task on a page's
 * main thread is ours when it holds an event of our scripts or a profiler sample of our code;
 * it is charged whole, less the page's own top-level script work inside it (a listener of ours
 * among the page's listeners for the same event costs us only its share).
 */
export function extensionCost(
  events: readonly TraceEvent[],
  origin: string,
  contentFile = "content.js",
): ExtensionCost {
  const ours = (e: TraceEvent) => urlOf(e).startsWith(origin);
  const evaluations = events.filter(
    (e) => e.name === "EvaluateScript" && ours(e) && urlOf(e).endsWith(`/${contentFile}`),
  );
  const pageThreads = new Set(evaluations.map(threadOf));
  const workerEval = events.find((e) => e.name === "EvaluateScript" && ours(e) && !pageThreads.has(threadOf(e)));
  const workerThreads = new Set(
    events
      .filter((e) => ours(e) && !pageThreads.has(threadOf(e)) && e.args?.data?.url?.endsWith("background.js"))
      .map(threadOf),
  );
  const samples = ourSampleTimes(events, origin);
  const tasks = runTasks(events);
  const byThread = new Map<string, TraceEvent[]>();
  for (const t of tasks) {
    const k = threadOf(t);
    if (!pageThreads.has(k)) continue;
    const list = byThread.get(k);
    if (list) list.push(t);
    else byThread.set(k, [t]);
  }
  for (const list of byThread.values()) list.sort((a, b) => a.ts - b.ts);
  // Each event in the task that began last at or before it (tasks of a thread do not overlap).
  const inside = new Map<TraceEvent, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== "X" || e.name === "RunTask") continue;
    const list = byThread.get(threadOf(e));
    if (!list) continue;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].ts <= e.ts) lo = mid;
      else hi = mid - 1;
    }
    const t = list[lo];
    if (!t || e.ts < t.ts || e.ts >= t.ts + (t.dur ?? 0)) continue;
    const found = inside.get(t);
    if (found) found.push(e);
    else inside.set(t, [e]);
  }
  const start = Math.min(...evaluations.map((e) => e.ts));
  const charged: TaskCost[] = [];
  for (const [thread, list] of byThread) {
    const times = samples.get(thread) ?? [];
    for (const t of list) {
      const within = inside.get(t) ?? [];
      const mine = within.filter(ours);
      const sampled = times.some((s) => s >= t.ts && s < t.ts + (t.dur ?? 0));
      if (!mine.length && !sampled) continue;
      // The page's own top-level work in the task, unless nested inside one of our events.
      const pageWork = within.filter(
        (e) =>
          PAGE_WORK.has(e.name) &&
          !ours(e) &&
          urlOf(e) !== "" &&
          !mine.some((m) => e.ts >= m.ts && e.ts < m.ts + (m.dur ?? 0)),
      );
      const outermost = pageWork.filter(
        (e) => !pageWork.some((o) => o !== e && e.ts >= o.ts && e.ts + (e.dur ?? 0) <= o.ts + (o.dur ?? 0)),
      );
      const pageMs = outermost.reduce((s, e) => s + ms(e.tdur ?? e.dur), 0) + interruptMs(within);
      charged.push({
        threadMs: Math.max(0, ms(t.tdur ?? t.dur) - pageMs),
        wallMs: ms(t.dur),
        what: [...new Set(mine.map((e) => e.name)), ...(sampled && !mine.length ? ["samples"] : [])].join("+"),
        at: ms(t.ts - start),
      });
    }
  }
  const workerTasks = tasks.filter((t) => workerThreads.has(threadOf(t)));
  const workerEvents = events.filter((e) => e.name === INTERRUPT && workerThreads.has(threadOf(e)));
  const within = (t: TraceEvent) =>
    workerEvents.filter((e) => threadOf(e) === threadOf(t) && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0));
  const workerStart = workerEval ? ms(workerEval.tdur ?? workerEval.dur) - interruptMs(within(workerEval)) : null;
  const longest = charged.length ? charged.reduce((a, b) => (b.threadMs > a.threadMs ? b : a)) : null;
  return {
    frames: evaluations.length,
    threadMs: charged.reduce((s, c) => s + c.threadMs, 0),
    wallMs: charged.reduce((s, c) => s + c.wallMs, 0),
    tasks: charged.length,
    longest,
    charged: charged.sort((a, b) => a.at - b.at),
    evaluateMs: evaluations.reduce((s, e) => s + ms(e.tdur ?? e.dur), 0),
    worker: {
      startMs: workerStart,
      threadMs: workerTasks.reduce((s, t) => s + ms(t.tdur ?? t.dur) - interruptMs(within(t)), 0),
      tasks: workerTasks.length,
    },
  };
}
