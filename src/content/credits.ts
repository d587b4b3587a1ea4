/**
 * Bylines, photo credits and "contributed to this report" lines name people who are not news
 * subjects: a card for a reporter is noise. Recognised by markup (microdata, rel, class names
 * sites use) and, for blocks that carry no such markup, by their wording. Both are cheap: the
 * element test runs once per element, the text test once per short block.
 */

const CREDIT_CLASS =
  /(?:^|[\s_-])(?:byline|bylines|author|authors|credit|credits|contributor|contributors)(?:$|[\s_-])/i;

/** Attributes whose presence makes an element worth the exact credit checks below. */
export const CREDIT_ATTRIBUTES = "[rel],[itemprop]";
/** A quick test of a class attribute before the exact one (no allocation, no word split). */
export const CREDIT_CLASS_HINT = /byline|author|credit|contributor/i;

/** Containers are never credits, whatever their classes ("author-4326" on a WordPress <body>). */
const CONTAINERS = new Set(["HTML", "BODY", "MAIN", "ARTICLE", "SECTION"]);

export function isCreditElement(el: Element): boolean {
  if (CONTAINERS.has(el.tagName)) return false;
  const rel = el.getAttribute("rel");
  if (rel && /\bauthor\b/i.test(rel)) return true;
  const itemprop = el.getAttribute("itemprop");
  if (itemprop && /\b(?:author|creator|copyrightHolder)\b/i.test(itemprop)) return true;
  const cls = el.getAttribute("class");
  return cls !== null && CREDIT_CLASS.test(cls);
}

const NAME = String.raw`\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}`;
const CREDIT_TEXT = [
  /\b(?:contributed|contributing)(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\b/iu,
  /^\s*(?:additional\s+)?(?:reporting|writing|editing|photographs?|photos?|video|graphics|illustrations?)\s+by\b/iu,
  // Case-sensitive on purpose: \p{Lu} must mean a capital, so "By Sunday, Kerry..." is news.
  new RegExp(String.raw`^\s*[Bb]y\s+${NAME}(?:\s*(?:,|and|&)\s*${NAME})*\s*(?:[·|•,;]|$)`, "u"),
  // A credit in parentheses: "(Jane Doe/The Daily Planet)", "(Photo: Jane Doe/Reuters)".
  new RegExp(String.raw`^\s*\((?:[Pp]hoto:\s*)?${NAME}\s*/\s*[^)]{2,60}\)\s*$`, "u"),
];

/**
 * What every credit line above has: a cheap test (no Unicode classes, no case folding of the
 * whole alphabet) that turns away almost every block before the exact patterns run. Traced on
 * news pages, running the exact patterns on every short block cost 10 ms and more a page.
 */
const CREDIT_HINT =
  /^\s*(?:by\s|\(|(?:additional\s+)?(?:reporting|writing|editing|photo|video|graphics|illustration))|contribut/i;

/** Whether a short block of text reads as a byline or credit line. */
export function isCreditText(text: string): boolean {
  return text.length <= 300 && CREDIT_HINT.test(text) && CREDIT_TEXT.some((re) => re.test(text));
}

const BOILERPLATE =
  /©|\(c\)\s*\d{4}|\ball rights reserved\b|\bterms of (?:use|service)\b|\bprivacy (?:policy|notice)\b|\bregistered trademarks?\b|\bare proprietary to\b/i;

/**
 * Copyright notices and legal footers ("© S&P Dow Jones Indices LLC 2016") name companies and
 * brands in passing, never as news: nothing in them is explained (not even places).
 */
export function isBoilerplateText(text: string): boolean {
  return text.length <= 600 && BOILERPLATE.test(text);
}

/**
 * Where in a short block the boilerplate is, as [start, end) offsets: for each notice ("©…",
 * "All rights reserved"), the largest inline run around it that is not the whole block (a
 * caption's "© Provided by…" inside the article's first paragraph), or the whole block when the
 * notice is the block's own text (a legal footer). Text outside these runs is read as usual.
 */
export function boilerplateSpans(block: {
  nodes: readonly Text[];
  starts: readonly number[];
  text: string;
}): [number, number][] {
  if (!isBoilerplateText(block.text)) return [];
  const { nodes, starts, text } = block;
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  const spans: [number, number][] = [];
  for (const hit of text.matchAll(new RegExp(BOILERPLATE.source, "gi"))) {
    const at = hit.index ?? 0;
    let i = 0;
    while (i + 1 < nodes.length && starts[i + 1] <= at) i++;
    // Climb from the notice's element while its parent still leaves part of the block outside.
    let run: Element | null = nodes[i].parentElement;
    if (!run || (run.contains(first) && run.contains(last))) return [[0, text.length]];
    while (run.parentElement && !(run.parentElement.contains(first) && run.parentElement.contains(last)))
      run = run.parentElement;
    let from = -1;
    let to = -1;
    nodes.forEach((n, k) => {
      if (!run?.contains(n)) return;
      if (from < 0) from = starts[k];
      to = starts[k] + n.data.length;
    });
    if (from >= 0) spans.push([from, Math.min(to, text.length)]);
  }
  return spans;
}
