import { useEffect, useState } from "preact/hooks";
import type { GlossaryList } from "../shared/protocol-types.ts";
import { sendToBackground } from "../shared/runtime.ts";
import type { Settings } from "../shared/settings.ts";
import { downloadJson, fileNameFor } from "./download.ts";
import { GlossaryImport } from "./GlossaryImport.tsx";

/** The options page: bundled packs, the reader's glossaries (import, export, delete), sites switched off. */
export function Options() {
  const [list, setList] = useState<GlossaryList | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const refresh = async () => {
    setList(await sendToBackground({ type: "backstory:list-glossaries" }));
    setSettings((await sendToBackground({ type: "backstory:get-settings" })).settings);
  };
  useEffect(() => {
    void refresh();
  }, []);

  const setEnabled = async (kind: "pack" | "user", id: string, enabled: boolean) => {
    await sendToBackground({ type: "backstory:set-glossary-enabled", kind, id, enabled });
    await refresh();
  };
  const exportGlossary = async (id: string) => {
    const data = await sendToBackground({ type: "backstory:export-glossary", id });
    if (data) downloadJson(fileNameFor(data.name), data);
  };
  const remove = async (id: string, name: string) => {
    if (!confirm(`Delete the glossary “${name}”? Export it first if you may want it back.`)) return;
    await sendToBackground({ type: "backstory:delete-glossary", id });
    await refresh();
  };
  const siteOn = async (host: string) => {
    setSettings((await sendToBackground({ type: "backstory:set-site-enabled", host, enabled: true })).settings);
  };

  if (!list || !settings) return <p class="muted">Loading…</p>;
  return (
    <>
      <h1>Backstory</h1>
      <p class="muted">Explanations for names and terms in the news, from glossaries stored in your browser.</p>

      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading">Bundled glossary</h2>
        <ul class="list">
          {list.packs.map((p) => (
            <li key={p.id}>
              <label>
                <input
                  type="checkbox"
                  role="switch"
                  aria-checked={p.enabled}
                  checked={p.enabled}
                  onChange={(e) => void setEnabled("pack", p.id, e.currentTarget.checked)}
                />
                {p.title}
                <span class="muted">{p.count} entries</span>
              </label>
              <button type="button" onClick={() => void exportGlossary(p.id)} aria-label={`Export ${p.title}`}>
                Export
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="user-heading">
        <h2 id="user-heading">Your glossaries</h2>
        {list.user.length === 0 && <p class="muted">None yet. Import one below.</p>}
        <ul class="list">
          {list.user.map((g) => (
            <li key={g.id}>
              <label>
                <input
                  type="checkbox"
                  role="switch"
                  aria-checked={g.enabled}
                  checked={g.enabled}
                  onChange={(e) => void setEnabled("user", g.id, e.currentTarget.checked)}
                />
                {g.name}
                <span class="muted">
                  {g.count} entries · imported {g.importedAt.slice(0, 10)}
                </span>
              </label>
              <button type="button" onClick={() => void exportGlossary(g.id)} aria-label={`Export ${g.name}`}>
                Export
              </button>
              <button type="button" onClick={() => void remove(g.id, g.name)} aria-label={`Delete ${g.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
        <GlossaryImport onSaved={refresh} />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites where Backstory is off</h2>
        {settings.disabledSites.length === 0 && <p class="muted">None. Switch a site off from the toolbar button.</p>}
        <ul class="list">
          {settings.disabledSites.map((host) => (
            <li key={host}>
              <span style={{ flex: 1 }}>{host}</span>
              <button type="button" onClick={() => void siteOn(host)} aria-label={`Turn Backstory back on for ${host}`}>
                Turn back on
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
