import { type MessageKey, t } from "./i18n.ts";
import { MARK_MODES, type MarkMode } from "./settings.ts";

const MODE_KEYS: Record<MarkMode, MessageKey> = { first: "modeFirst", all: "modeAll", none: "modeNone" };

/**
 * Which mentions are marked, as a radio group with its hint (the popup and the options page;
 * `rowClass` wraps each choice in the popup's row, `labelClass` styles the options page's).
 */
export function ModeChoice({
  mode,
  onChange,
  rowClass,
  labelClass,
}: {
  mode: MarkMode;
  onChange: (mode: MarkMode) => void;
  rowClass?: string;
  labelClass?: string;
}) {
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
      <p class="muted" id="mode-hint">
        {t("modeHint")}
      </p>
    </fieldset>
  );
}
