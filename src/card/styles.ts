/**
 * The card's styles, inside its shadow root. Sizes are in em of the host's `font-size:
 * medium` (what `all: initial` gives): they follow the reader's default font size in the
 * browser, and never the page's own sizes (rem would follow the page's root font size).
 */
export const CARD_CSS = `
:host {
  all: initial;
  position: fixed;
  top: 0;
  left: 0;
  z-index: 2147483647;
}
.card {
  position: fixed;
  box-sizing: border-box;
  width: 24em;
  max-width: calc(100vw - 16px);
  max-height: calc(100vh - 16px);
  overflow: auto;
  overscroll-behavior: contain;
  padding: 0.75em 1em;
  border-radius: 8px;
  border: 1px solid #d0d4da;
  background: #ffffff;
  color: #1d2330;
  box-shadow: 0 6px 24px rgba(20, 30, 50, 0.18);
  font: 0.875em/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: start;
  animation: backstory-in 120ms ease-out;
}
.card[data-pinned] { border-color: #2f6fde; }
@keyframes backstory-in { from { opacity: 0; transform: translateY(2px); } }
.top { display: flex; align-items: center; justify-content: space-between; gap: 0.5em; }
.category {
  font-size: 0.8em;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: #5a6475;
}
.actions { display: flex; gap: 0.25em; margin-inline-end: -0.4em; }
h2 {
  margin: 0.1em 0 0.4em;
  font-size: 1.15em;
  line-height: 1.3;
  font-weight: 650;
}
p { margin: 0 0 0.55em; }
.as-of { font-size: 0.85em; color: #5a6475; }
.held-office { margin: -0.25em 0 0.45em; font-size: 0.93em; font-style: italic; }
.then { margin: 0.35em 0 0; font-size: 0.93em; }
.then-label { margin: 0.4em 0 0.1em; font-weight: 600; }
.then ul { margin: 0; padding-inline-start: 1.1em; }
.sources { margin: 0; padding: 0; list-style: none; font-size: 0.93em; }
.sources li { margin: 0.15em 0; }
a { color: #1a56c4; }
a:focus-visible, button:focus-visible { outline: 2px solid #1a56c4; outline-offset: 2px; }
.more { margin: 0.55em 0 0; padding-top: 0.55em; border-top: 1px solid #e4e7eb; font-size: 0.93em; }
.foot {
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  gap: 0.25em 1em;
  margin-top: 0.6em;
  font-size: 0.85em;
  color: #5a6475;
}
button { font: inherit; cursor: pointer; }
.link {
  color: #1a56c4;
  background: none;
  border: 0;
  padding: 0;
  text-decoration: underline;
  text-align: start;
}
.back { font-size: 0.85em; margin-bottom: 0.3em; }
.icon {
  min-width: 1.9em;
  min-height: 1.9em;
  border: 0;
  border-radius: 4px;
  background: none;
  color: #5a6475;
  font-size: 1em;
  line-height: 1;
}
.icon:hover { background: #eef1f5; color: #1d2330; }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
.status { color: #5a6475; }
@media (prefers-reduced-motion: reduce) {
  .card { animation: none; }
}
@media (prefers-color-scheme: dark) {
  .card { background: #1e2229; color: #e6e9ef; border-color: #3a414c; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5); }
  .card[data-pinned] { border-color: #8fb4ff; }
  .category, .as-of, .status, .foot, .icon { color: #a3acba; }
  .icon:hover { background: #2c323c; color: #e6e9ef; }
  a, .link { color: #8fb4ff; }
  a:focus-visible, button:focus-visible { outline-color: #8fb4ff; }
  .more { border-top-color: #3a414c; }
}
@media (forced-colors: active) {
  .card { border: 1px solid CanvasText; background: Canvas; color: CanvasText; box-shadow: none; }
  a { color: LinkText; }
  .link, .icon { color: ButtonText; }
}
`;
