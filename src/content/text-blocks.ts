import { CREDIT_ATTRIBUTES, CREDIT_CLASS_HINT, isCreditElement } from "./credits.ts";

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

/**
 * Attributes whose mere presence may make an element skipped, as one selector (presence tests
 * are cheap for the browser; substring tests on classes are not, so classes get a regex).
 */
const SKIP_ATTRIBUTES = `[hidden],[contenteditable],${CREDIT_ATTRIBUTES}`;

export function isSkippedElement(el: Element): boolean {
  if (SKIPPED.has(el.tagName)) return true;
  // Most inline elements of a page carry no attributes at all: nothing more to look at.
  if (!el.hasAttributes()) return false;
  const cls = el.getAttribute("class");
  if (!(cls !== null && CREDIT_CLASS_HINT.test(cls)) && !el.matches(SKIP_ATTRIBUTES)) return false;
  if (el.hasAttribute("hidden")) return true;
  const editable = el.getAttribute("contenteditable");
  return (editable !== null && editable !== "false") || isCreditElement(el);
}

/** Whether an element starts a new block of text (exported for the observer's dirty roots). */
export function isBlockElement(el: Element): boolean {
  return BLOCKS.has(el.tagName);
}

const NON_SPACE = /\S/;

/**
 * Reads a subtree's text blocks a slice at a time: `read(deadline)` walks until the clock
 * passes the deadline and returns the blocks completed so far, so no single task grows with
 * the page. The walk visits text nodes only — as fast as a bare TreeWalker can go — and works
 * out, once per element on the path to the current text, whether it is skipped and which block
 * it belongs to. Subtrees for which `skip` is true are not read.
 *
 * Why a path and not a map from element to what is known of it: text comes in document order,
 * so what the next text node needs is almost always on the path to the last one. Keyed by DOM
 * nodes, a map made every element get a hash and the reader cost 10 µs an element on real
 * pages (7–20 ms a page, traced); the path costs a few comparisons.
 */
export class TextBlockReader {
  private walker: TreeWalker;
  /** Elements from just below the root down to the last text node's parent, with what is known of each. */
  private path: Element[] = [];
  private pathSkipped: boolean[] = [];
  private pathBlock: Node[] = [];
  private rootSkipped: boolean;
  private rootBlock: Node;
  private current: TextBlock | null = null;
  private currentBlock: Node | null = null;
  private out: TextBlock[] = [];
  done = false;

  constructor(
    private root: Node,
    private isOwn: (el: Element) => boolean = () => false,
    private skip: (el: Element) => boolean = () => false,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
    // The root's own ancestors count: a changed subtree inside <pre> is still not read.
    this.rootSkipped = false;
    this.rootBlock = root;
    if (root.nodeType === 1) {
      const chain: Element[] = [];
      for (let el: Element | null = root as Element; el; el = el.parentElement) chain.push(el);
      let block: Node = (chain[chain.length - 1] as Element).getRootNode();
      for (let i = chain.length - 1; i >= 0; i--) {
        const el = chain[i];
        this.rootSkipped ||= isSkippedElement(el) || isOwn(el);
        if (BLOCKS.has(el.tagName)) block = el;
      }
      this.rootBlock = block;
    }
  }

  /** Brings the path down to `el` (the parent of the next text node); returns its index on it. */
  private follow(el: Element): number {
    const path = this.path;
    // Climb until an element already on the path (or the root): what is below it is new.
    const fresh: Element[] = [];
    let at = -1;
    for (let node: Node | null = el; node && node !== this.root; node = node.parentNode) {
      at = path.lastIndexOf(node as Element);
      if (at >= 0) break;
      fresh.push(node as Element);
    }
    path.length = at + 1;
    this.pathSkipped.length = at + 1;
    this.pathBlock.length = at + 1;
    let skipped = at >= 0 ? this.pathSkipped[at] : this.rootSkipped;
    let block = at >= 0 ? this.pathBlock[at] : this.rootBlock;
    for (let i = fresh.length - 1; i >= 0; i--) {
      const e = fresh[i];
      skipped ||= isSkippedElement(e) || this.isOwn(e) || this.skip(e);
      if (BLOCKS.has(e.tagName)) block = e;
      path.push(e);
      this.pathSkipped.push(skipped);
      this.pathBlock.push(block);
    }
    return path.length - 1;
  }

  private flush(): void {
    // A block starts only at text that is not all space, so every current block is worth keeping.
    if (this.current) this.out.push(this.current);
    this.current = null;
    this.currentBlock = null;
  }

  /** Reads until `now()` passes `deadline` (checked every 256 nodes); returns completed blocks. */
  read(deadline = Number.POSITIVE_INFINITY, now: () => number = () => performance.now()): TextBlock[] {
    let count = 0;
    let lastParent: Node | null = null;
    let skipped = this.rootSkipped;
    let block: Node = this.rootBlock;
    while (!this.done) {
      if ((++count & 255) === 0 && now() > deadline) break;
      const text = this.walker.nextNode() as Text | null;
      if (!text) {
        this.flush();
        this.done = true;
        break;
      }
      const parent = text.parentNode as Node;
      let lineBreak = false;
      if (parent === lastParent) {
        // A <br> between two text nodes of one block breaks the line: "Seoul<br>Korea" is two.
        const before = text.previousSibling;
        lineBreak = before !== null && before.nodeType === 1 && (before as Element).localName === "br";
      } else {
        lastParent = parent;
        if (parent === this.root || parent.nodeType !== 1) {
          skipped = this.rootSkipped;
          block = parent === this.root ? this.rootBlock : parent;
        } else {
          const at = this.follow(parent as Element);
          skipped = this.pathSkipped[at];
          block = this.pathBlock[at];
        }
      }
      if (skipped) continue;
      if (block !== this.currentBlock || lineBreak || !this.current) {
        this.flush();
        this.currentBlock = block;
        // Indentation between blocks (half the text nodes of a typical page) starts nothing.
        if (!NON_SPACE.test(text.data)) continue;
        this.current = { nodes: [], starts: [], text: "" };
      }
      const c = this.current as TextBlock;
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

/** The index in `block.nodes` of the node a block offset falls in; `end` picks the node that a span ends in. */
export function nodeIndexAt(block: TextBlock, offset: number, end: boolean): number {
  const { starts } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (end ? starts[mid] < offset : starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
