import { CARD_CSS } from "./styles.ts";

export const HOST_TAG = "backstory-card-host";

export interface CardContainer {
  host: HTMLElement;
  /** Where Preact renders, inside a closed shadow root the page cannot reach or style. */
  mount: HTMLElement;
  destroy(): void;
}

/**
 * One host element for all of our UI on a page. Its shadow root is closed, so page scripts
 * cannot read or restyle the card, and `all: initial` keeps page CSS from leaking in.
 * Hosts left by an older copy of this script (an extension update) are removed first.
 */
export function createCardContainer(doc: Document): CardContainer {
  for (const stale of doc.querySelectorAll(HOST_TAG)) stale.remove();
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: "closed" });
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && "adoptedStyleSheets" in shadow && typeof view.CSSStyleSheet?.prototype.replaceSync === "function") {
    // Constructed sheets are not blocked by a page's style-src policy, unlike <style>.
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement("style");
    style.textContent = CARD_CSS;
    shadow.append(style);
  }
  const mount = doc.createElement("div");
  shadow.append(mount);
  doc.documentElement.append(host);
  return { host, mount, destroy: () => host.remove() };
}
