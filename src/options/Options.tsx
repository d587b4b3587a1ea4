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
            <GlossaryRow
              key={p.id}
              name={p.title}
              detail={`${p.count} entries`}
              enabled={p.enabled}
              onToggle={(on) => void setEnabled("pack", p.id, on)}
              onExport={() => void exportGlossary(p.id)}
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="user-heading">
        <h2 id="user-heading">Your glossaries</h2>
        {list.user.length === 0 && <p class="muted">None yet. Import one below.</p>}
        <ul class="list">
          {list.user.map((g) => (
            <GlossaryRow
              key={g.id}
              name={g.name}
              detail={`${g.count} entries · imported ${g.importedAt.slice(0, 10)}`}
              enabled={g.enabled}
              onToggle={(on) => void setEnabled("user", g.id, on)}
              onExport={() => void exportGlossary(g.id)}
              onDelete={() => void remove(g.id, g.name)}
            />
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

interface GlossaryRowProps {
  name: string;
  detail: string;
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
  onExport: () => void;
  onDelete?: () => void;
}

/** One glossary (a bundled pack or the reader's own): its switch, export and, for the reader's, delete. */
function GlossaryRow({ name, detail, enabled, onToggle, onExport, onDelete }: GlossaryRowProps) {
  return (
    <li>
      <label>
        <input
          type="checkbox"
          role="switch"
          aria-checked={enabled}
          checked={enabled}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
        {name}
        <span class="muted">{detail}</span>
      </label>
      <button type="button" onClick={onExport} aria-label={`Export ${name}`}>
        Export
      </button>
      {onDelete && (
        <button type="button" onClick={onDelete} aria-label={`Delete ${name}`}>
          Delete
        </button>
      )}
    </li>
  );
}
