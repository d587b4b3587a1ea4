import { deserializeMatcher, fromBase64 } from "../matcher/serialize.ts";
import type { Matcher } from "../matcher/types.ts";
import { isContentRequest } from "../shared/content-request.ts";
import { ext } from "../shared/ext-api.ts";
import type { MatcherSource } from "../shared/protocol-types.ts";
import { sendToBackground } from "../shared/runtime.ts";
import { SETTINGS_KEY, USER_GLOSSARIES_KEY } from "../shared/settings.ts";
import { CardLoader } from "./card-loader.ts";
import { EntryCache } from "./entry-cache.ts";
import { HighlightMarker, nativeHighlightApi } from "./highlight-marker.ts";
import { PageSession } from "./page-session.ts";
import { isSkippedElement } from "./text-blocks.ts";

/**
 * Content script entry. Waits until the page has loaded and gone idle (so sites that
 * hydrate are never raced), then starts a session with the matcher from the background.
 */
async function start(): Promise<void> {
  const host = siteHost();
  // A frame of no site (about:blank under a sandbox: an opaque origin) has nothing for the
  // site switch to name, and the background refuses an empty host: stand down quietly.
  if (!host) return;
  // Every browser Backstory supports (Chrome 105+, Firefox 140+) has the CSS Custom Highlight
  // API; the page's DOM is never changed to mark it, so without the API nothing is marked.
  const api = nativeHighlightApi(document);
  if (!api) {
    console.warn("Backstory: this browser has no CSS Custom Highlight API; nothing is marked here.");
    return;
  }
  const entryCache = new EntryCache(async (ids) => (await sendToBackground({ type: "backstory:lookup", ids })).entries);
  // One per frame, whatever sessions come and go: card.js is injected into a frame once.
  const cardLoader = new CardLoader(() => sendToBackground({ type: "backstory:load-card" }));
  let config = await sendToBackground({ type: "backstory:get-page-config", host });
  let matcher = await loadMatcher(config.matcher);
  const newSession = () =>
    new PageSession({
      doc: document,
      matcher,
      categories: config.categories,
      household: config.household,
      countryOf: config.countryOf,
      officeOf: config.officeOf,
      marker: new HighlightMarker(api),
      host,
      setKnown: (id, known) => void sendToBackground({ type: "backstory:set-entry-known", id, known }),
      // An extension reloaded or updated under the page leaves this copy without a runtime.
      contextAlive: () => {
        try {
          return !!ext().runtime?.id;
        } catch {
          return false;
        }
      },
      lookup: entryCache.lookup,
      cardLoader,
    });
  let session = newSession();
  session.apply(config.settings, config.siteEnabled);
  /** How many config requests this frame has made: only the latest one's reply is applied. */
  let configAsked = 0;

  // Settings or glossaries changed (in the popup, the options page, another browser): apply at
  // once. A new set of entries means a new matcher, so the page is read again with it.
  ext().storage.onChanged.addListener((changes) => {
    if (!(SETTINGS_KEY in changes) && !(USER_GLOSSARIES_KEY in changes)) return;
    // Changes are applied in the order they were made: a reply to an earlier change that
    // arrives after a later one's is dropped (two quick switches end in the second's state).
    const asked = ++configAsked;
    void sendToBackground({ type: "backstory:get-page-config", host }).then(async (next) => {
      if (asked !== configAsked) return;
      const glossaryChanged = next.glossaryKey !== config.glossaryKey;
      config = next;
      if (glossaryChanged) {
        const nextMatcher = await loadMatcher(next.matcher);
        if (asked !== configAsked) return; // a later change is on its way and will apply itself
        matcher = nextMatcher;
        session.destroy();
        entryCache.clear();
        session = newSession();
      }
      session.apply(next.settings, next.siteEnabled);
    });
  });

  ext().runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own pages and background can reach a content script; checked all the same.
    if (sender.id !== ext().runtime.id) return undefined;
    if (!isContentRequest(message)) {
      console.warn("Backstory: ignored an unexpected message", message);
      return undefined;
    }
    const request = message;
    switch (request.type) {
      case "backstory:get-page-stats":
        sendResponse(session.stats());
        break;
      case "backstory:show-entry":
        sendResponse({ shown: session.showEntry(request.id) });
        break;
      case "backstory:navigate":
        sendResponse({ shown: session.navigate(request.direction) });
        break;
      case "backstory:set-article-date":
        sendResponse({ articleDate: session.setArticleDay(request.day) });
        break;
    }
    return undefined;
  });
}

/**
 * The bundled matcher is read as a file (fetched off the main thread, used as it arrives);
 * one compiled in the worker comes in the reply as base64.
 */
async function loadMatcher(source: MatcherSource): Promise<Matcher> {
  if ("base64" in source) return deserializeMatcher(fromBase64(source.base64));
  const response = await fetch(ext().runtime.getURL(source.file));
  if (!response.ok) throw new Error(`${source.file}: HTTP ${response.status}`);
  return deserializeMatcher(await response.arrayBuffer());
}

/**
 * The site this frame belongs to. An about:blank or about:srcdoc frame (match_about_blank: ad
 * slots and embeds that news pages write into) has no host of its own, but the origin of the
 * page that made it. Reading location.hostname alone, every such frame failed to start with
 * "Cannot read properties of undefined (reading 'matcher')": the background refused the empty
 * host (seen on 7 of the 24 corpus pages).
 */
function siteHost(): string {
  if (location.hostname) return location.hostname.toLowerCase();
  try {
    return self.origin !== "null" ? new URL(self.origin).hostname.toLowerCase() : "";
  } catch {
    return "";
  }
}

function whenIdle(fn: () => void): void {
  const run = () =>
    window.requestIdleCallback ? window.requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 50);
  if (document.readyState === "complete") run();
  else window.addEventListener("load", run, { once: true });
}

/**
 * Whether the document has any text to read. Frames on news pages are mostly ad slots and
 * embeds with none: they start nothing (no config message, no matcher) until text arrives.
 */
function hasText(root: Node): boolean {
  if (root.nodeType === 3) return isReadableText(root as Text);
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (isReadableText(n as Text)) return true;
  return false;
}

/**
 * Text that is not all space, in an element the reader would read: the source of scripts and
 * styles does not count (ad frames are full of those). The reader's own rule, on the parent only.
 */
function isReadableText(text: Text): boolean {
  const parent = text.parentElement;
  return /\S/.test(text.data) && !(parent && isSkippedElement(parent));
}

/** Calls `fn` once the document has text: at once, or after the change that brings some. */
function whenText(doc: Document, fn: () => void): void {
  if (hasText(doc.body ?? doc.documentElement)) {
    fn();
    return;
  }
  // Only what changed is looked at: an ad frame that rewrites itself all the time must not
  // cost a walk over the whole frame at every change.
  const observer = new MutationObserver((records) => {
    const arrived = records.some((r) =>
      r.type === "characterData" ? hasText(r.target) : [...r.addedNodes].some((n) => hasText(n)),
    );
    if (!arrived) return;
    observer.disconnect();
    whenIdle(fn);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
}

whenIdle(() => {
  const begin = () => void start().catch((error) => console.warn("Backstory could not start on this page:", error));
  // The top page always starts (a shell filled in later is followed by the page observer).
  if (window === window.top) begin();
  else whenText(document, begin);
});
