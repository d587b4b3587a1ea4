/**
 * When a feed is checked (issue 14): at most once a day, and less often after failures (one,
 * two, four, then seven days), so a host that is down is not asked every hour. Pure: the
 * background's alarm asks `isDue` of each feed's status.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_BACKOFF_DAYS = 7;

/** What the reader sees of a feed's checks, kept apart from its glossary (which a failure never touches). */
export interface FeedStatus {
  /** ISO times. */
  lastCheck?: string;
  lastSuccess?: string;
  /** The last failure's reason, in words; cleared by the next success. */
  lastError?: string;
  /** Failures since the last success. */
  failures: number;
  nextCheck: string;
  paused: boolean;
}

/** When to check next after a check at `now` that left `failures` failures in a row. */
export function nextCheckAfter(now: number, failures: number): string {
  const days = failures <= 0 ? 1 : Math.min(2 ** (failures - 1), MAX_BACKOFF_DAYS);
  return new Date(now + days * DAY_MS).toISOString();
}

/** A check is due when its time has come and the reader has not paused the feed. */
export function isDue(status: FeedStatus | undefined, now: number): boolean {
  if (!status) return true;
  return !status.paused && Date.parse(status.nextCheck) <= now;
}

/** The status after a check at `now`: a success (updated or unchanged) or a failure's reason. */
export function afterCheck(status: FeedStatus | undefined, now: number, error?: string): FeedStatus {
  const at = new Date(now).toISOString();
  const paused = status?.paused ?? false;
  if (error === undefined)
    return { lastCheck: at, lastSuccess: at, failures: 0, nextCheck: nextCheckAfter(now, 0), paused };
  const failures = (status?.failures ?? 0) + 1;
  return {
    lastCheck: at,
    ...(status?.lastSuccess ? { lastSuccess: status.lastSuccess } : {}),
    lastError: error,
    failures,
    nextCheck: nextCheckAfter(now, failures),
    paused,
  };
}
