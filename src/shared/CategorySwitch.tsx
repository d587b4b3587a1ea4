import type { Category } from "./categories.ts";
import { categoryLabel } from "./labels.ts";

/** A category's on/off switch, labelled with its plural name (the popup and the options page). */
export function CategorySwitch({
  category,
  on,
  onChange,
}: {
  category: Category;
  on: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label>
      <input
        type="checkbox"
        role="switch"
        aria-checked={on}
        checked={on}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {categoryLabel(category, "many")}
    </label>
  );
}
