// Finds the longest main-thread task that Backstory's content script causes, in a Chromium
// trace recorded with the "devtools.timeline" categories.
import type { CDPSession } from "playwright-core";

export const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline"];

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; fileName?: string };
}

/** Starts tracing on a page's CDP session; the returned function stops it and yields the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", {
    transferMode: "ReportEvents",
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ["*"] },
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.end");
    await complete;
    return events;
  };
}

/** Complete ("X") RunTask events, with begin/end pairs ("B"/"E") folded into the same shape. */
function runTasks(events: readonly TraceEvent[]): TraceEvent[] {
  const tasks: TraceEvent[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.name !== "RunTask") continue;
    if (e.ph === "X") tasks.push(e);
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === "B") open.set(key, [...(open.get(key) ?? []), e]);
    if (e.ph === "E") {
      const begin = open.get(key)?.pop();
      if (begin) tasks.push({ ...begin, ph: "X", dur: e.ts - begin.ts });
    }
  }
  return tasks;
}

export interface LongestTask {
  /** Wall-clock duration, what the reader feels. */
  wallMs: number;
  /** Thread (CPU) time of the same task: the wall time minus time the thread was descheduled. */
  cpuMs: number;
  /** Tasks that ran any of our code. */
  tasks: number;
  /** Our events inside the longest task ("EvaluateScript" is the script's first run). */
  what: string;
}

/**
 * The longest RunTask that contains an event of our script (EvaluateScript, FunctionCall,
 * v8.compile … whose URL is `scriptUrl`). The whole task counts: work of the page inside the
 * same task (an event listener of ours among the page's) is charged to us, on purpose.
 */
export function longestTask(events: readonly TraceEvent[], scriptUrl: string): LongestTask | null {
  const ours = events.filter((e) => e.args?.data?.url === scriptUrl || e.args?.fileName === scriptUrl);
  if (!ours.length) return null;
  const threads = new Set(ours.map((e) => `${e.pid}:${e.tid}`));
  const tasks = runTasks(events).filter((t) => threads.has(`${t.pid}:${t.tid}`));
  const charged = new Map<TraceEvent, Set<string>>();
  for (const e of ours) {
    let outer: TraceEvent | undefined;
    for (const t of tasks) {
      if (t.pid !== e.pid || t.tid !== e.tid || e.ts < t.ts || e.ts >= t.ts + (t.dur ?? 0)) continue;
      if (!outer || (t.dur ?? 0) > (outer.dur ?? 0)) outer = t;
    }
    if (outer) charged.set(outer, (charged.get(outer) ?? new Set()).add(e.name));
  }
  if (!charged.size) return null;
  const longest = [...charged.keys()].reduce((a, b) => ((b.dur ?? 0) > (a.dur ?? 0) ? b : a));
  return {
    wallMs: (longest.dur ?? 0) / 1000,
    cpuMs: (longest.tdur ?? longest.dur ?? 0) / 1000,
    tasks: charged.size,
    what: [...(charged.get(longest) ?? [])].join("+"),
  };
}
