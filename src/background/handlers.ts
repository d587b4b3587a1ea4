import type { BackgroundRequest } from "../shared/messages.ts";
import type { BackgroundResponses } from "../shared/protocol-types.ts";
import { isSiteEnabled } from "../shared/settings.ts";
import { loadGlossary } from "./glossary-store.ts";
import { readSettings, updateSettings } from "./settings-store.ts";

type Handlers = {
  [T in BackgroundRequest["type"]]: (
    request: Extract<BackgroundRequest, { type: T }>,
  ) => Promise<BackgroundResponses[T]>;
};

/** One handler per request type; the compiler checks every type has one. */
export const handlers: Handlers = {
  "backstory:get-page-config": async ({ host }) => {
    const [{ compiled }, settings] = await Promise.all([loadGlossary(), readSettings()]);
    return {
      matcher: compiled.matcher,
      categories: compiled.categories,
      settings,
      siteEnabled: isSiteEnabled(settings, host),
    };
  },
  "backstory:lookup": async ({ ids }) => {
    const { byId } = await loadGlossary();
    return { entries: ids.flatMap((id) => byId.get(id) ?? []) };
  },
  "backstory:get-settings": async () => ({ settings: await readSettings() }),
  "backstory:set-category": async ({ category, enabled }) => ({
    settings: await updateSettings((s) => ({ ...s, categories: { ...s.categories, [category]: enabled } })),
  }),
  "backstory:set-site-enabled": async ({ host, enabled }) => {
    const site = host.toLowerCase();
    return {
      settings: await updateSettings((s) => ({
        ...s,
        disabledSites: enabled ? s.disabledSites.filter((h) => h !== site) : [...new Set([...s.disabledSites, site])],
      })),
    };
  },
};

export function handle(request: BackgroundRequest): Promise<unknown> {
  return (handlers[request.type] as (r: BackgroundRequest) => Promise<unknown>)(request);
}
