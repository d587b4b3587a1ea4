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

/** What the reader needs to know about an element, worked out once per element. */
interface ElementInfo {
  /** Inside a subtree that is never read (code, editors, our UI, a root read already). */
  skipped: boolean;
  /** The nearest block element (or the root): text nodes join only within one. */
  block: Node;
}

/**
 * Reads a subtree's text blocks a slice at a time: `read(deadline)` walks until the clock
 * passes the deadline and returns the blocks completed so far, so no single task grows with
 * the page. The walk visits text nodes only — as fast as a bare TreeWalker can go — and works
 * out, once per parent element, whether it is skipped and which block it belongs to.
 * Subtrees for which `skip` is true are not read.
 */
export class TextBlockReader {
  private walker: TreeWalker;
  private info = new Map<Node, ElementInfo>();
  private current: TextBlock | null = null;
  private currentBlock: Node | null = null;
  private out: TextBlock[] = [];
  private rootInfo: ElementInfo;
  done = false;

  constructor(
    private root: Node,
    private isOwn: (el: Element) => boolean = () => false,
    private skip: (el: Element) => boolean = () => false,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
    // The root's own ancestors count: a changed subtree inside <pre> is still not read.
    this.rootInfo = { skipped: false, block: root };
    if (root.nodeType === 1) {
      const inherited = this.infoOf(root as Element);
      this.rootInfo = { skipped: inherited.skipped, block: isBlockElement(root as Element) ? root : inherited.block };
    }
    this.info.set(root, this.rootInfo);
  }

  private infoOf(el: Element): ElementInfo {
    const known = this.info.get(el);
    if (known) return known;
    const parent = el.parentElement;
    const up: ElementInfo = parent ? this.infoOf(parent) : { skipped: false, block: el.getRootNode() };
    const info: ElementInfo = {
      skipped: up.skipped || isSkippedElement(el) || this.isOwn(el) || (el !== this.root && this.skip(el)),
      block: BLOCKS.has(el.tagName) ? el : up.block,
    };
    this.info.set(el, info);
    return info;
  }

  private flush(): void {
    if (this.current && NON_SPACE.test(this.current.text)) this.out.push(this.current);
    this.current = null;
    this.currentBlock = null;
  }

  /** Reads until `now()` passes `deadline` (checked every 256 nodes); returns completed blocks. */
  read(deadline = Number.POSITIVE_INFINITY, now: () => number = () => performance.now()): TextBlock[] {
    let count = 0;
    let lastParent: Node | null = null;
    let lastInfo: ElementInfo = this.rootInfo;
    while (!this.done) {
      if ((++count & 255) === 0 && now() > deadline) break;
      const text = this.walker.nextNode() as Text | null;
      if (!text) {
        this.flush();
        this.done = true;
        break;
      }
      const parent = text.parentNode;
      let lineBreak = false;
      if (parent === lastParent) {
        // A <br> between two text nodes of one block breaks the line: "Seoul<br>Korea" is two.
        const before = text.previousSibling;
        lineBreak = before !== null && before.nodeType === 1 && (before as Element).localName === "br";
      } else {
        lastParent = parent;
        lastInfo =
          parent === this.root
            ? this.rootInfo
            : parent?.nodeType === 1
              ? this.infoOf(parent as Element)
              : { skipped: false, block: parent as Node };
      }
      if (lastInfo.skipped) continue;
      if (lastInfo.block !== this.currentBlock || lineBreak || !this.current) {
        this.flush();
        this.currentBlock = lastInfo.block;
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
