import { useRef, useState } from "preact/hooks";
import type { Settings } from "./settings.ts";

/**
 * The settings an extension page shows, from whichever request answered last in the order
 * they were asked: a switch's own answer and a refresh after a change elsewhere
 * (storage.onChanged → get-settings) may be answered out of order, and a slow refresh from
 * before a click must not turn the switch back. Returns the settings and the function to
 * show a request's answer with.
 */
export function useLatestSettings(): [Settings | null, (request: Promise<{ settings: Settings }>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  const latest = useRef(0);
  const show = async (request: Promise<{ settings: Settings }>) => {
    const mine = ++latest.current;
    const answer = await request;
    if (mine === latest.current) setSettings(answer.settings);
  };
  return [settings, show];
}
