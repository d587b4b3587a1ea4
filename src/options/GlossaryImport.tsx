import { useState } from "preact/hooks";
import { IMPORT_LIMITS, type ImportResult, parseGlossaryFile } from "../glossary/import.ts";
import { countOf } from "../shared/count.ts";
import { t, uiLanguage } from "../shared/i18n.ts";
import { categoryLabel } from "../shared/labels.ts";
import { sendToBackground } from "../shared/runtime.ts";

const PREVIEW_ROWS = 20;
const SHOWN_PROBLEMS = 50;

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
      return setResult({ name: file.name, entries: [], errors: [t("importTooLarge")], bytes: file.size });
    }
    setResult({ ...parseGlossaryFile(file.name, await file.text(), file.size), bytes: file.size });
  };

  const save = async () => {
    if (!result) return;
    const { errors } = await sendToBackground({
      type: "backstory:import-glossary",
      name: result.name,
      entries: result.entries,
    });
    if (errors.length) return setResult({ ...result, entries: [], errors });
    setResult(null);
    setStatus(t("importSaved", result.name, countOf(result.entries.length, "entriesOne", "entriesMany")));
    await onSaved();
  };

  return (
    <div>
      <h3>{t("importHeading")}</h3>
      <p class="muted">{t("importHelp", IMPORT_LIMITS.entries.toLocaleString(uiLanguage()))}</p>
      <input
        type="file"
        accept=".json,.csv,application/json,text/csv"
        aria-label={t("importFileLabel")}
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      {result && result.errors.length > 0 && (
        <div class="problems" role="alert">
          <p>
            <strong>{t("importRefused", result.name)}</strong>{" "}
            {t("importProblems", countOf(result.errors.length, "problemsOne", "problemsMany"))}
          </p>
          <ul>
            {result.errors.slice(0, SHOWN_PROBLEMS).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          {result.errors.length > SHOWN_PROBLEMS && <p>{t("listMore", result.errors.length - SHOWN_PROBLEMS)}</p>}
        </div>
      )}
      {result && result.errors.length === 0 && (
        <div class="import-preview" aria-live="polite">
          <p>{t("importPreview", countOf(result.entries.length, "entriesOne", "entriesMany"), result.name)}</p>
          <table>
            <thead>
              <tr>
                <th>{t("importColumnTitle")}</th>
                <th>{t("importColumnCategory")}</th>
                <th>{t("importColumnMatches")}</th>
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
            <p class="muted">{t("listMore", result.entries.length - PREVIEW_ROWS)}</p>
          )}
          <p>
            <button type="button" class="primary" onClick={() => void save()}>
              {t("importSave")}
            </button>{" "}
            <button type="button" onClick={() => setResult(null)}>
              {t("importCancel")}
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
