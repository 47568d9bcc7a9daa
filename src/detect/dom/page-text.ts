/**
 * The page's visible text as one string, with a map back to the text nodes it came from, so that
 * pure matching can run on a string and its results become DOM Ranges. Reads only; never writes.
 *
 * Inline elements join without a break (`<b>GPT</b>-4o` reads "GPT-4o"); a block boundary becomes
 * "\n" so names never run across paragraphs.
 */

/** Elements whose text is never read or marked: code the page runs, and what the user types. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT']);

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'LABEL', 'INS', 'DEL', 'NOBR',
]);

export interface TextSlice {
  node: Text;
  /** Offset of the node's first character in `PageText.text`. */
  start: number;
}

export interface PageText {
  text: string;
  slices: TextSlice[];
}

export interface CollectOptions {
  /** Our own host element: never read. */
  ignore?: Element | null;
  /** Stop after this many characters (a cap for pathological pages). */
  maxChars?: number;
}

function isSkippedElement(el: Element, ignore: Element | null | undefined): boolean {
  if (el === ignore) return true;
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  if (el.getAttribute('aria-hidden') === 'true' && el.tagName === 'svg') return true;
  return false;
}

/** True when `el` or one of its ancestors is never read (scripts, inputs, editable regions, our host). */
export function insideSkipped(el: Element, ignore?: Element | null): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isSkippedElement(node, ignore)) return true;
  }
  return false;
}

/** The nearest ancestor (or self) that starts a block, used to put breaks between blocks. */
function blockOf(node: Node, root: Node): Node {
  let el = node.parentNode;
  while (el && el !== root && el.nodeType === Node.ELEMENT_NODE && INLINE_TAGS.has((el as Element).tagName.toUpperCase())) {
    el = el.parentNode;
  }
  return el ?? root;
}

/**
 * A text collector that can stop and resume: `step(deadline)` reads until `deadline()` says time is
 * up, so a huge page is read in slices of a few milliseconds. Open shadow roots of the page's
 * components are read where they stand.
 */
export function createTextCollector(root: Node, options: CollectOptions = {}) {
  const parts: string[] = [];
  const slices: TextSlice[] = [];
  let length = 0;
  let lastBlock: Node | null = null;
  const max = options.maxChars ?? Infinity;
  const doc = root.ownerDocument ?? (root as Document);
  // No filter callback: calling into JavaScript for every node costs more than the walk itself.
  // Skipped elements are stepped over by hand (see `skipSubtree`).
  const walkerFor = (scope: Node) => doc.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  // A stack of walkers: a shadow root is walked to its end before its host's walk goes on.
  const stack: { walker: TreeWalker; scope: Node }[] = [{ walker: walkerFor(root), scope: root }];
  // Text nodes share parents: remember each parent's block so the ancestors are walked once.
  const blockCache = new Map<Node, Node>();
  const blockFor = (text: Node, scope: Node): Node => {
    const parent = text.parentNode;
    if (!parent) return scope;
    let block = blockCache.get(parent);
    if (block === undefined) {
      block = blockOf(text, scope);
      blockCache.set(parent, block);
    }
    return block;
  };
  /** Move the walker past `el` and everything inside it; false when the walk is over. */
  const skipSubtree = (walker: TreeWalker): Node | null => {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  };

  return {
    /** Read until done or `deadline()` is true; true when the whole page has been read. */
    step(deadline: () => boolean = () => false): boolean {
      let n = 0;
      while (stack.length > 0) {
        if (length >= max) return true;
        // Check the clock every 256 nodes: reading it costs more than visiting a node.
        if ((++n & 255) === 0 && deadline()) return false;
        const top = stack[stack.length - 1]!;
        let node = top.walker.nextNode();
        // Step over skipped elements (and skipped elements right after them) without entering them.
        while (node && node.nodeType === Node.ELEMENT_NODE && isSkippedElement(node as Element, options.ignore)) {
          node = skipSubtree(top.walker);
        }
        if (!node) {
          stack.pop();
          continue;
        }
        if (node.nodeType === Node.ELEMENT_NODE) {
          const shadow = (node as Element).shadowRoot;
          if (shadow && shadow.mode === 'open') stack.push({ walker: walkerFor(shadow), scope: shadow });
          continue;
        }
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const data = (node as Text).data;
        if (data.length === 0) continue;
        const block = blockFor(node, top.scope);
        if (lastBlock !== null && block !== lastBlock) {
          parts.push('\n');
          length += 1;
        }
        lastBlock = block;
        slices.push({ node: node as Text, start: length });
        parts.push(data);
        length += data.length;
      }
      return true;
    },
    result(): PageText {
      return { text: parts.join(''), slices };
    },
  };
}

/** Collect the text of `root` (a document, element or open shadow root) in one go. */
export function collectPageText(root: Node, options: CollectOptions = {}): PageText {
  const collector = createTextCollector(root, options);
  collector.step();
  return collector.result();
}

/** The slice holding character `offset` (binary search). */
function sliceAt(slices: TextSlice[], offset: number): TextSlice | undefined {
  let lo = 0;
  let hi = slices.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = slices[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.start + s.node.data.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** A DOM Range over `[start, end)` of the collected text, across text nodes where the mention is split. */
export function rangeFor(page: PageText, start: number, end: number): Range | undefined {
  const first = sliceAt(page.slices, start);
  const last = sliceAt(page.slices, end - 1);
  if (!first || !last) return undefined;
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, start - first.start);
  range.setEnd(last.node, end - last.start);
  return range;
}
