/**
 * Collects a subtree's visible-text nodes into blocks: runs of text that read as one piece
 * (a paragraph, a heading, a list item), across inline elements, so "<a>Meng</a> Wanzhou"
 * is one string to match. Offsets in a block's text map back to its nodes.
 */

export interface TextBlock {
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] within text. */
  starts: number[];
  text: string;
}

/** Subtrees never read: code, editors, form fields, non-rendered and replaced content. */
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "TEXTAREA",
  "INPUT",
  "SELECT",
  "OPTION",
  "BUTTON",
  "CODE",
  "PRE",
  "KBD",
  "SAMP",
  "VAR",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "MATH",
  "svg",
  "SVG",
  "HEAD",
  "TITLE",
]);

/** Elements that start a new block of text (by tag, to avoid a style recalculation per element). */
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BODY",
  "CAPTION",
  "DD",
  "DETAILS",
  "DIALOG",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HGROUP",
  "HR",
  "HTML",
  "LEGEND",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL",
  "BR",
  "IMG",
]);

export function isSkippedElement(el: Element): boolean {
  if (SKIPPED.has(el.tagName) || el.hasAttribute("hidden")) return true;
  const editable = el.getAttribute("contenteditable");
  return editable !== null && editable !== "false";
}

/**
 * Walks `root` and returns its text blocks. `isOwn` marks our own UI, which is never read.
 */
export function collectTextBlocks(root: Node, isOwn: (el: Element) => boolean = () => false): TextBlock[] {
  const doc = root.ownerDocument ?? (root as Document);
  const blockOf = new Map<Element, Element | null>();
  const nearestBlock = (el: Element | null): Element | null => {
    if (!el) return null;
    let found = blockOf.get(el);
    if (found === undefined) {
      found = BLOCKS.has(el.tagName) ? el : nearestBlock(el.parentElement);
      blockOf.set(el, found);
    }
    return found;
  };

  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  let currentBlock: Element | null = null;
  const flush = () => {
    if (current && /\S/.test(current.text)) blocks.push(current);
    current = null;
    currentBlock = null;
  };

  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) =>
      node.nodeType === 1 && (isSkippedElement(node as Element) || isOwn(node as Element)) ? 2 /* REJECT */ : 1,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      if (BLOCKS.has((node as Element).tagName)) flush();
      continue;
    }
    const text = node as Text;
    const block = nearestBlock(text.parentElement);
    if (!current || block !== currentBlock) {
      flush();
      current = { nodes: [], starts: [], text: "" };
      currentBlock = block;
    }
    const c: TextBlock = current;
    c.starts.push(c.text.length);
    c.nodes.push(text);
    c.text += text.data;
  }
  flush();
  return blocks;
}

/** The text node and offset at a block offset; `end` picks the node that a span ends in. */
export function pointAt(block: TextBlock, offset: number, end: boolean): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (end ? starts[mid] < offset : starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo], offset: offset - starts[lo] };
}
