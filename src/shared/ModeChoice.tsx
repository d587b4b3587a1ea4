import { type MessageKey, t } from "./i18n.ts";
import { MARK_MODES, type MarkMode } from "./settings.ts";

const MODE_KEYS: Record<MarkMode, MessageKey> = { first: "modeFirst", all: "modeAll", none: "modeNone" };

/**
 * Which mentions are marked, as a radio group with its hint, and whether household names are
 * underlined too (the popup and the options page; `rowClass` wraps each choice in the popup's
 * row, `labelClass` styles the options page's).
 */
export function ModeChoice({
  mode,
  onChange,
  underlineFamiliar,
  onFamiliarChange,
  rowClass,
  labelClass,
}: {
  mode: MarkMode;
  onChange: (mode: MarkMode) => void;
  underlineFamiliar: boolean;
  onFamiliarChange: (on: boolean) => void;
  rowClass?: string;
  labelClass?: string;
}) {
  const familiar = (
    <label class={labelClass} key="familiar">
      <input
        type="checkbox"
        name="underline-familiar"
        checked={underlineFamiliar}
        disabled={mode === "none"}
        onChange={(e) => onFamiliarChange(e.currentTarget.checked)}
      />
      {t("modeFamiliar")}
    </label>
  );
  return (
    <fieldset aria-describedby="mode-hint">
      <legend>{t("modeLegend")}</legend>
      {MARK_MODES.map((m) => {
        const choice = (
          <label class={labelClass} key={m}>
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => onChange(m)} />
            {t(MODE_KEYS[m])}
          </label>
        );
        return rowClass ? (
          <div class={rowClass} key={m}>
            {choice}
          </div>
        ) : (
          choice
        );
      })}
      {rowClass ? <div class={rowClass}>{familiar}</div> : familiar}
      <p class="muted" id="mode-hint">
        {t("modeHint")}
      </p>
    </fieldset>
  );
}
