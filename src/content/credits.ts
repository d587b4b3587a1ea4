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

/** Whether a short block of text reads as a byline or credit line. */
export function isCreditText(text: string): boolean {
  return text.length <= 300 && CREDIT_TEXT.some((re) => re.test(text));
}

const BOILERPLATE =
  /©|\(c\)\s*\d{4}|\ball rights reserved\b|\bterms of (?:use|service)\b|\bprivacy (?:policy|notice)\b/i;

/**
 * Copyright notices and legal footers ("© S&P Dow Jones Indices LLC 2016") name companies and
 * brands in passing, never as news: nothing in them is explained (not even places).
 */
export function isBoilerplateText(text: string): boolean {
  return text.length <= 600 && BOILERPLATE.test(text);
}
