/**
 * The card's styles, inside its shadow root. Sizes are in px, not rem: rem would follow the
 * page's root font size, which sites set to anything.
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
  width: 340px;
  max-width: calc(100vw - 16px);
  max-height: calc(100vh - 16px);
  overflow: auto;
  padding: 12px 14px;
  border-radius: 8px;
  border: 1px solid #d0d4da;
  background: #ffffff;
  color: #1d2330;
  box-shadow: 0 6px 24px rgba(20, 30, 50, 0.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: start;
}
.category {
  font-size: 11px;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: #5a6475;
}
h2 {
  margin: 2px 0 6px;
  font-size: 16px;
  line-height: 1.3;
  font-weight: 650;
}
p { margin: 0 0 8px; }
.as-of { font-size: 12px; color: #5a6475; }
.sources { margin: 0; padding: 0; list-style: none; font-size: 13px; }
.sources li { margin: 2px 0; }
a { color: #1a56c4; }
a:focus-visible, button:focus-visible { outline: 2px solid #1a56c4; outline-offset: 2px; }
.within { margin-top: 8px; padding-top: 8px; border-top: 1px solid #e4e7eb; font-size: 13px; }
.within button, .back {
  font: inherit;
  color: #1a56c4;
  background: none;
  border: 0;
  padding: 0;
  cursor: pointer;
  text-decoration: underline;
}
.back { font-size: 12px; margin-bottom: 4px; }
.status { color: #5a6475; }
@media (prefers-color-scheme: dark) {
  .card { background: #1e2229; color: #e6e9ef; border-color: #3a414c; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5); }
  .category, .as-of, .status { color: #a3acba; }
  a, .within button, .back { color: #8fb4ff; }
  a:focus-visible, button:focus-visible { outline-color: #8fb4ff; }
  .within { border-top-color: #3a414c; }
}
@media (forced-colors: active) {
  .card { border: 1px solid CanvasText; background: Canvas; color: CanvasText; box-shadow: none; }
  a { color: LinkText; }
  .within button, .back { color: ButtonText; }
}
`;
