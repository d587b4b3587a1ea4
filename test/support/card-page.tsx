// A page that shows the real card component with real glossary entries, in an open shadow
// root with the card's own stylesheet: accessibility checkers cannot reach into the closed
// root the content script uses, so they check this one. Bundled by test/e2e/accessibility.test.ts.
import { render } from "preact";
import { Card } from "../../src/card/Card.tsx";
import { CARD_CSS } from "../../src/card/styles.ts";
import type { Entry } from "../../src/glossary/schema.ts";
import { installI18n } from "./i18n.ts";

installI18n();
const entries = (globalThis as unknown as { CARD_ENTRIES: Entry[] }).CARD_ENTRIES;
const host = document.createElement("div");
document.body.append(host);
const shadow = host.attachShadow({ mode: "open" });
const style = document.createElement("style");
style.textContent = CARD_CSS;
shadow.append(style);
const mount = document.createElement("div");
shadow.append(mount);
const byId = new Map(entries.map((e) => [e.id, e]));
render(
  <Card
    entries={entries.slice(0, 2)}
    matchedText={entries[0].title}
    lookup={async (ids) => ids.flatMap((id) => byId.get(id) ?? [])}
    pinned={false}
    onPin={() => undefined}
    onClose={() => undefined}
    isKnown={() => false}
    onKnown={() => undefined}
  />,
  mount,
);
(mount.firstElementChild as HTMLElement).style.cssText = "left: 16px; top: 16px";
