/**
 * Where a page's article is, so that underlines belong to it and not to the site around it.
 * Every mention is still explained on hover wherever it is; only underlining (and which
 * mention counts as an entry's "first") follows the region. In the spirit of Readability:
 * trust the markup where it says where the article is, else find where the paragraphs are.
 */
export interface ArticleRegion {
  /** The article's root element. */
  readonly root: Element;
  /** True when a mention in `node` belongs to the article's own text. */
  underlines(node: Node): boolean;
}

/**
 * Markup that says where the article is, most specific first, with the paragraph text an
 * element needs to count (a teaser card has less). An element that says "article" is trusted
 * with less text (a paywalled article shows a few paragraphs); "main" holds a page's whole
 * content column, so it needs as much as an article found by density.
 */
const ARTICLE_SELECTORS: [selector: string, minText: number][] = [
  ['[itemprop~="articleBody"]', 250],
  ["article", 250],
  ['[role="main"]', 500],
  ["main", 500],
];
/** Paragraph text the densest element needs to count as an article where the markup says nothing. */
const MIN_ARTICLE_TEXT = 500;
/** A paragraph shorter than this is a caption, a link or a label, not article prose. */
const MIN_PARAGRAPH = 60;

/** Inside the article, these are the site around it: never underlined. */
const NOT_ARTICLE_TAGS = new Set(["NAV", "ASIDE", "FOOTER", "FORM", "MENU", "FIGCAPTION", "BUTTON", "SELECT"]);
const NOT_ARTICLE_ROLES = new Set([
  "navigation",
  "complementary",
  "contentinfo",
  "menu",
  "menubar",
  "search",
  "banner",
]);
/** Class or id words of related-links lists, promotions, share bars, comments and the like. */
const NOT_ARTICLE_HINT =
  /(?:^|[\s_-])(?:related|recommend\w*|trending|popular|most-?read|more-?(?:stories|news|from|on)|read-?(?:more|next)|also-?read|newsletter|promo\w*|sidebar|rail|share|sharing|social|comments?|breadcrumbs?|tags|topics|outbrain|taboola|teasers?|nav\w*|menu|ad|ads|advert\w*|sponsor\w*|byline|author|credit|caption)(?:$|[\s_-])/i;

/**
 * Paragraphs: <p>, and the <div>s some sites use instead, which say so in their class
 * ("zn-body__paragraph", "article-paragraph").
 */
const PARAGRAPHS = 'p, div[class*="paragraph" i]';

/** The text of an element's paragraphs (long ones only): how much article prose it holds. */
function paragraphText(el: Element): number {
  let total = 0;
  for (const p of el.querySelectorAll(PARAGRAPHS)) {
    const n = p.textContent?.trim().length ?? 0;
    if (n >= MIN_PARAGRAPH) total += n;
  }
  return total;
}

function bySelectors(doc: Document): Element | null {
  for (const [selector, minText] of ARTICLE_SELECTORS) {
    let best: Element | null = null;
    let bestText = minText - 1;
    for (const el of doc.querySelectorAll(selector)) {
      const text = paragraphText(el);
      if (text > bestText) {
        best = el;
        bestText = text;
      }
    }
    if (best) return best;
  }
  return null;
}

/** Where the markup says nothing: the element whose paragraphs hold the most prose. */
function byDensity(doc: Document): Element | null {
  const score = new Map<Element, number>();
  for (const p of doc.querySelectorAll(PARAGRAPHS)) {
    const n = p.textContent?.trim().length ?? 0;
    if (n < MIN_PARAGRAPH) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + n);
    const grand = parent.parentElement;
    if (grand) score.set(grand, (score.get(grand) ?? 0) + n / 2);
  }
  let best: Element | null = null;
  let bestScore = MIN_ARTICLE_TEXT - 1;
  for (const [el, s] of score) {
    if (s > bestScore && el !== doc.body && el !== doc.documentElement) {
      best = el;
      bestScore = s;
    }
  }
  return best;
}

/** The page's article, or null for a page without one (a home page, a list): mark as before. */
export function findArticleRegion(doc: Document): ArticleRegion | null {
  const root = bySelectors(doc) ?? byDensity(doc);
  if (!root) return null;
  // The headline is often above the article element; it is the article's too.
  const headline = [...doc.getElementsByTagName("h1")].find((h) => !excludedBetween(h, doc.body));
  const verdicts = new WeakMap<Element, boolean>();
  const excludedUpTo = (el: Element, top: Element): boolean => {
    const cached = verdicts.get(el);
    if (cached !== undefined) return cached;
    const verdict =
      el === top ? false : isAround(el) || (el.parentElement ? excludedUpTo(el.parentElement, top) : false);
    verdicts.set(el, verdict);
    return verdict;
  };
  return {
    root,
    underlines(node: Node): boolean {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el) return false;
      // Text in a shadow root or a frame is its own document: the page's region says nothing of it.
      if (el.getRootNode() !== doc) return true;
      if (root.contains(el)) return !excludedUpTo(el, root);
      return !!headline?.contains(el);
    },
  };
}

function isAround(el: Element): boolean {
  if (NOT_ARTICLE_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute("role");
  if (role && NOT_ARTICLE_ROLES.has(role)) return true;
  if (el.getAttribute("aria-hidden") === "true") return true;
  const hint = `${el.id} ${typeof el.className === "string" ? el.className : ""}`;
  return hint.length > 1 && NOT_ARTICLE_HINT.test(hint);
}

function excludedBetween(el: Element, top: Element | null): boolean {
  for (let e: Element | null = el; e && e !== top; e = e.parentElement) {
    if (isAround(e) || e.tagName === "HEADER") return true;
  }
  return false;
}
