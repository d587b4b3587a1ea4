// Chromium traces: the events, and recording them on one CDP session (a page's, or the
// browser's, which sees every process). attribution.ts reads them.
import type { CDPSession } from "playwright-core";

/** Timeline events (tasks, scripts, callbacks) and the V8 profiler's samples (code without a URL event). */
export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "disabled-by-default-v8.cpu_profiler",
];

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: { url?: string; [key: string]: unknown }; fileName?: string };
}

/**
 * Starts tracing on a CDP session (a page's, or the browser's, reused across pages); the
 * returned function stops it, stops listening and yields the events.
 */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: unknown[] }) => events.push(...(value as TraceEvent[]));
  cdp.on("Tracing.dataCollected", collect);
  await cdp.send("Tracing.start", {
    transferMode: "ReportEvents",
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ["*"] },
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.end");
    await complete;
    cdp.off("Tracing.dataCollected", collect);
    return events;
  };
}

/** Traces everything the session sees while `act` runs. */
export async function traceWhile(cdp: CDPSession, act: () => Promise<void>): Promise<TraceEvent[]> {
  const stop = await startTrace(cdp);
  let events: TraceEvent[] = [];
  try {
    await act();
  } finally {
    events = await stop();
  }
  return events;
}
