import type { ComponentChildren } from "preact";
import { t } from "../shared/i18n.ts";

interface GlossaryRowProps {
  name: string;
  detail: string;
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
  onExport: () => void;
  onDelete?: () => void;
  /** More about it, below the row (a feed's checks). */
  children?: ComponentChildren;
}

/** One glossary (a bundled pack or the reader's own): its switch, export and, for the reader's, delete. */
export function GlossaryRow({ name, detail, enabled, onToggle, onExport, onDelete, children }: GlossaryRowProps) {
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
      <button type="button" onClick={onExport} aria-label={t("optionsExportLabel", name)}>
        {t("optionsExport")}
      </button>
      {onDelete && (
        <button type="button" onClick={onDelete} aria-label={t("optionsDeleteLabel", name)}>
          {t("optionsDelete")}
        </button>
      )}
      {children}
    </li>
  );
}
