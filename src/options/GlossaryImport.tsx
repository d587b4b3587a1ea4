import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { IMPORT_LIMITS, type ImportResult, parseGlossaryFile } from "../glossary/import.ts";
import { categoryLabel } from "../shared/labels.ts";
import { sendToBackground } from "../shared/runtime.ts";

const PREVIEW_ROWS = 20;
const SHOWN_PROBLEMS = 50;
/** Above this, storage.local needs the optional unlimitedStorage permission (Chrome's quota is 10 MB). */
const QUOTA_WARNING_BYTES = 5 * 1024 * 1024;

/**
 * Import: read the file, show every problem (row and field) or a preview, and store it only
 * when the reader confirms. A refused file changes nothing.
 */
export function GlossaryImport({ onSaved }: { onSaved: () => Promise<void> }) {
  const [result, setResult] = useState<(ImportResult & { bytes: number }) | null>(null);
  const [status, setStatus] = useState("");

  const choose = async (file: File | undefined) => {
    setStatus("");
    if (!file) return setResult(null);
    if (file.size > IMPORT_LIMITS.bytes) {
      return setResult({ name: file.name, entries: [], errors: ["The file is larger than 10 MB."], bytes: file.size });
    }
    setResult({ ...parseGlossaryFile(file.name, await file.text(), file.size), bytes: file.size });
  };

  const save = async () => {
    if (!result) return;
    if (result.bytes > QUOTA_WARNING_BYTES) {
      // The polyfill's types omit unlimitedStorage, which both browsers accept as optional.
      const permissions = ["unlimitedStorage"] as unknown as browser.Manifest.OptionalPermission[];
      const granted = await browser.permissions.request({ permissions });
      if (!granted) return setStatus("Not saved: a glossary this large needs permission to use more storage.");
    }
    const { errors } = await sendToBackground({
      type: "backstory:import-glossary",
      name: result.name,
      entries: result.entries,
    });
    if (errors.length) return setResult({ ...result, entries: [], errors });
    setResult(null);
    setStatus(`Saved “${result.name}” (${result.entries.length} entries). Open pages use it now.`);
    await onSaved();
  };

  return (
    <div>
      <h3>Import a glossary</h3>
      <p class="muted">
        A JSON file (see glossary.schema.json) or a CSV file with the columns id, title, category, forms, shortForms,
        context, summary, asOf, sources, related (lists separated by “|”). At most 10 MB and{" "}
        {IMPORT_LIMITS.entries.toLocaleString("en")} entries. Entries with the id of a bundled entry replace it.
      </p>
      <input
        type="file"
        accept=".json,.csv,application/json,text/csv"
        aria-label="Glossary file"
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      {result && result.errors.length > 0 && (
        <div class="problems" role="alert">
          <p>
            <strong>“{result.name}” was not imported</strong>: {result.errors.length}{" "}
            {result.errors.length === 1 ? "problem" : "problems"}. Your glossaries are unchanged.
          </p>
          <ul>
            {result.errors.slice(0, SHOWN_PROBLEMS).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          {result.errors.length > SHOWN_PROBLEMS && <p>…and {result.errors.length - SHOWN_PROBLEMS} more.</p>}
        </div>
      )}
      {result && result.errors.length === 0 && (
        <div class="preview" aria-live="polite">
          <p>
            <strong>{result.entries.length}</strong> entries in “{result.name}”. Check them, then save.
          </p>
          <table>
            <thead>
              <tr>
                <th>Title</th>
                <th>Category</th>
                <th>Matches</th>
              </tr>
            </thead>
            <tbody>
              {result.entries.slice(0, PREVIEW_ROWS).map((e) => (
                <tr key={e.id}>
                  <td>{e.title}</td>
                  <td>{categoryLabel(e.category, "one")}</td>
                  <td>{[...e.forms, ...e.shortForms].join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.entries.length > PREVIEW_ROWS && (
            <p class="muted">…and {result.entries.length - PREVIEW_ROWS} more.</p>
          )}
          <p>
            <button type="button" class="primary" onClick={() => void save()}>
              Save glossary
            </button>{" "}
            <button type="button" onClick={() => setResult(null)}>
              Cancel
            </button>
          </p>
        </div>
      )}
      {status && (
        <p role="status" class="muted">
          {status}
        </p>
      )}
    </div>
  );
}
