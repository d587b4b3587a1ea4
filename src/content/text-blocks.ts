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

/** Whether an element starts a new block of text (exported for the observer's dirty roots). */
export function isBlockElement(el: Element): boolean {
  return BLOCKS.has(el.tagName);
}

/**
 * Reads a subtree's text blocks a slice at a time: `read(deadline)` walks until the clock
 * passes the deadline and returns the blocks completed so far, so no single task grows with
 * the page. Open shadow roots met on the way are reported to `onShadowRoot` (the caller reads
 * them as roots of their own); subtrees for which `skip` is true are not entered.
 */
export class TextBlockReader {
  private walker: TreeWalker;
  private blockOf = new Map<Element, Element | null>();
  private current: TextBlock | null = null;
  private currentBlock: Element | null = null;
  private out: TextBlock[] = [];
  done = false;

  constructor(
    root: Node,
    isOwn: (el: Element) => boolean = () => false,
    private onShadowRoot: (root: ShadowRoot) => void = () => {},
    skip: (el: Element) => boolean = () => false,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode: (node) => {
        if (node.nodeType !== 1) return 1;
        const el = node as Element;
        return isSkippedElement(el) || isOwn(el) || skip(el) ? 2 /* REJECT */ : 1;
      },
    });
  }

  private nearestBlock(el: Element | null): Element | null {
    if (!el) return null;
    let found = this.blockOf.get(el);
    if (found === undefined) {
      found = BLOCKS.has(el.tagName) ? el : this.nearestBlock(el.parentElement);
      this.blockOf.set(el, found);
    }
    return found;
  }

  private flush(): void {
    if (this.current && /\S/.test(this.current.text)) this.out.push(this.current);
    this.current = null;
    this.currentBlock = null;
  }

  /** Reads until `now()` passes `deadline` (checked every 256 nodes); returns completed blocks. */
  read(deadline = Number.POSITIVE_INFINITY, now: () => number = () => performance.now()): TextBlock[] {
    let count = 0;
    while (!this.done) {
      if ((++count & 255) === 0 && now() > deadline) break;
      const node = this.walker.nextNode();
      if (!node) {
        this.flush();
        this.done = true;
        break;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        if (BLOCKS.has(el.tagName)) this.flush();
        if (el.shadowRoot) this.onShadowRoot(el.shadowRoot);
        continue;
      }
      const text = node as Text;
      const block = this.nearestBlock(text.parentElement);
      if (!this.current || block !== this.currentBlock) {
        this.flush();
        this.current = { nodes: [], starts: [], text: "" };
        this.currentBlock = block;
      }
      const c = this.current;
      c.starts.push(c.text.length);
      c.nodes.push(text);
      c.text += text.data;
    }
    const out = this.out;
    this.out = [];
    return out;
  }
}

/** Walks `root` at once and returns its text blocks (`isOwn` marks our UI, never read). */
export function collectTextBlocks(root: Node, isOwn: (el: Element) => boolean = () => false): TextBlock[] {
  return new TextBlockReader(root, isOwn).read();
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
