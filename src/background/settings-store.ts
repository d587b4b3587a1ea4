import { ext } from "../shared/ext-api.ts";
import { SETTINGS_KEY, type Settings } from "../shared/settings.ts";
import {
  inspectStoredSettings,
  type StorageProblem,
  settingsFromStored,
  settingsToWrite,
} from "../shared/settings-storage.ts";

/** Settings live in storage.sync (they follow the reader across browsers); only changes are saved. */
export async function readSettings(): Promise<Settings> {
  const stored = await ext().storage.sync.get(SETTINGS_KEY);
  return settingsFromStored(stored[SETTINGS_KEY]);
}

/** What could not be read from the stored settings (and was replaced by defaults). */
export async function settingsProblems(): Promise<StorageProblem[]> {
  const stored = await ext().storage.sync.get(SETTINGS_KEY);
  return inspectStoredSettings(stored[SETTINGS_KEY]).problems;
}

/** Updates run one after another: two quick switches must not read the same old settings. */
let updates: Promise<unknown> = Promise.resolve();

/** Applies a change to the stored settings and returns the result. */
export function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const run = updates.then(async () => {
    const current = (await ext().storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    const next = change(settingsFromStored(current));
    await ext().storage.sync.set({ [SETTINGS_KEY]: settingsToWrite(current, next) });
    return next;
  });
  updates = run.catch(() => undefined);
  return run;
}
