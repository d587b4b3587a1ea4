import { useEffect, useState } from "preact/hooks";
import { t } from "../shared/i18n.ts";
import { sendToBackground } from "../shared/runtime.ts";
import type { StorageProblem } from "../shared/settings-storage.ts";

/**
 * Says what could not be read from storage (corrupted, or written by a newer Backstory) and
 * was replaced by defaults; nothing when all is well. `version` changes re-ask (after a
 * change is saved, storage is whole again).
 */
export function StorageNotice({ version }: { version: unknown }) {
  const [problems, setProblems] = useState<StorageProblem[]>([]);
  useEffect(() => {
    void sendToBackground({ type: "backstory:get-storage-report" })
      .then((r) => setProblems(r.problems))
      .catch(() => setProblems([]));
  }, [version]);
  if (!problems.length) return null;
  const fields = (area: StorageProblem["area"]) =>
    problems
      .filter((p) => p.area === area && p.reason === "malformed")
      .map((p) => (p.field === "*" ? t("storageEverything") : p.field))
      .join(", ");
  const settings = fields("settings");
  const glossaries = fields("glossaries");
  const newer = problems.some((p) => p.reason === "newer-version");
  return (
    <div class="notice" role="status">
      {settings && <p>{t("storageProblemSettings", settings)}</p>}
      {glossaries && <p>{t("storageProblemGlossaries", glossaries)}</p>}
      {newer && <p>{t("storageNewerVersion")}</p>}
    </div>
  );
}
