import { MARK_STYLES, type MarkStyle } from "../shared/settings.ts";
import { markName } from "./mention.ts";

/**
 * How marks look. The build writes this to content.css, which the manifest injects into every
 * page: ::highlight() rules must live in the document (not our shadow root), and a manifest
 * stylesheet is not subject to the page's style-src policy. Decoration only: no layout change.
 */
const LOOK: Record<MarkStyle, string> = {
  dotted: "text-decoration: underline dotted #2f6fde; background-color: rgba(47, 111, 222, 0.08);",
  solid: "text-decoration: underline solid #2f6fde;",
  tint: "background-color: rgba(47, 111, 222, 0.2);",
};

export const MARK_CSS = `${MARK_STYLES.map((style) => `::highlight(${markName(style)}) { ${LOOK[style]} }`).join("\n")}
`;

const adopted = new WeakSet<ShadowRoot>();

/**
 * Document styles do not reach into shadow trees, so marks inside an open shadow root need
 * the rule there too. Adding a constructed sheet leaves the component's own sheets in place.
 */
export function adoptMarkStyle(root: ShadowRoot): void {
  if (adopted.has(root)) return;
  adopted.add(root);
  const View = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!View?.CSSStyleSheet || !("adoptedStyleSheets" in root)) return;
  try {
    const sheet = new View.CSSStyleSheet();
    sheet.replaceSync(MARK_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // A frozen or exotic root: its marks stay unpainted but still explain on hover.
  }
}
