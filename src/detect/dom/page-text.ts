/**
 * The page's visible text as one string, with a map back to the text nodes it came from, so that
 * pure matching can run on a string and its results become DOM Ranges. Reads only; never writes.
 *
 * Inline elements join without a break (`<b>GPT</b>-4o` reads "GPT-4o"); a block boundary becomes
 * "\n" so names never run across paragraphs.
 */

/** Elements whose text is never read or marked: code the page runs, and what the user types. */
const SKIPPED = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT'];

const INLINE = [
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'LABEL', 'INS', 'DEL', 'NOBR',
];
// Both cases, so a tag name is looked up as it is (upper case in HTML; lower case in SVG and XHTML)
// without a string made per element.
const bothCases = (tags: string[]) => new Set([...tags, ...tags.map((t) => t.toLowerCase())]);
export const INLINE_TAGS: ReadonlySet<string> = bothCases(INLINE);
/**
 * HTML elements that can never be a shadow host: `attachShadow` (and declarative shadow roots) are
 * for custom elements and for article, aside, blockquote, body, div, footer, h1-h6, header, main,
 * nav, p, section and span only (DOM Standard, "valid shadow host name"). Their `shadowRoot` is not
 * asked: on the 1 MB bench page most elements are cells, list items, links and inline ones.
 */
const NO_SHADOW = [
  'A', 'ABBR', 'ADDRESS', 'AREA', 'AUDIO', 'B', 'BDI', 'BDO', 'BR', 'BUTTON', 'CAPTION', 'CITE', 'CODE', 'COL', 'COLGROUP',
  'DATA', 'DD', 'DEL', 'DETAILS', 'DFN', 'DIALOG', 'DL', 'DT', 'EM', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FORM', 'HR', 'I',
  'IMG', 'INS', 'KBD', 'LABEL', 'LEGEND', 'LI', 'MAP', 'MARK', 'MENU', 'METER', 'OL', 'OUTPUT', 'PICTURE', 'PRE',
  'PROGRESS', 'Q', 'RP', 'RT', 'RUBY', 'S', 'SAMP', 'SMALL', 'SOURCE', 'STRONG', 'SUB', 'SUMMARY', 'SUP', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TIME', 'TR', 'TRACK', 'U', 'UL', 'VAR', 'VIDEO', 'WBR',
];
/**
 * What a tag says: never read, a heading for the page's kind, or never a shadow host (one look-up
 * per element tells all three). Exported for the bench's least scan, which reads by the same rules.
 */
export const SKIPPED_KIND = 1;
const HEADING_KIND = 2;
export const NO_SHADOW_KIND = 3;
export const TAG_KINDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...[...bothCases(SKIPPED)].map((t) => [t, SKIPPED_KIND] as const),
  ...[...bothCases(['H1', 'H2'])].map((t) => [t, HEADING_KIND] as const),
  ...[...bothCases(NO_SHADOW)].map((t) => [t, NO_SHADOW_KIND] as const),
]);

/** Text read from the page: all of it, or one chunk of it (see CollectOptions.chunkChars). */
export interface PageText {
  text: string;
  /** Where `text` starts in the whole page's text (0 for a whole page). */
  base: number;
  /** The text nodes read, in order (parallel arrays: no object per node). */
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
}

export interface CollectOptions {
  /** Our own host element: never read. */
  ignore?: Element | null;
  /** Stop after this many characters (a cap for pathological pages). */
  maxChars?: number;
  /**
   * Seal what was read into a chunk at the first block break after this many characters, for
   * `take()`. No name crosses a block break, so matching chunk by chunk finds what matching the whole
   * would; and a chunk's nodes can be let go once it is matched, instead of the whole page's.
   */
  chunkChars?: number;
  /** Elements in one part of a large scope's text snapshot (see PART_ELEMENTS); tests set it low. */
  partElements?: number;
}

/** How many of the page's h1 and h2 headings the walk keeps for the page's subject and kind. */
export const MAX_HEADINGS = 20;
/** Heading elements kept while walking: a few spare for ones whose text is all space. */
const MAX_HEADING_ELEMENTS = MAX_HEADINGS * 2;

/** The attribute's values that make an element editable (others are "false", or inherit). */
const EDITABLE_VALUES = new Set(['', 'true', 'plaintext-only']);

const ELEMENT = 1; // Node.ELEMENT_NODE, without a global lookup per node

/** An element that starts an editable region (its subtree is skipped whole). */
function startsEditable(el: Element): boolean {
  // The attribute decides: asking `isContentEditable` would bring the page's style up to date.
  const editable = el.getAttribute('contenteditable');
  return editable !== null && EDITABLE_VALUES.has(editable.toLowerCase());
}

/**
 * The elements under `scope` that start an editable region, found by one native query instead of
 * an attribute read per element (most pages have none).
 */
function editableUnder(scope: ParentNode, into: Set<Element>): void {
  for (const el of scope.querySelectorAll('[contenteditable]')) if (startsEditable(el)) into.add(el);
}

function isSkippedElement(el: Element, ignore: Element | null | undefined, editable?: ReadonlySet<Element>): boolean {
  if (el === ignore) return true;
  if (TAG_KINDS.get(el.tagName) === SKIPPED_KIND) return true;
  return editable ? editable.size > 0 && editable.has(el) : startsEditable(el);
}

/** True when `el` or one of its ancestors is never read (scripts, inputs, editable regions, our host). */
export function insideSkipped(el: Element, ignore?: Element | null): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isSkippedElement(node, ignore)) return true;
  }
  return false;
}

const DOCUMENT = 9; // Node.DOCUMENT_NODE

/**
 * A scope of more than four parts' elements (40,000) has its snapshot taken a part at a time: its
 * `textContent` is one call that cannot be cut into slices, and on the 5 MB bench page (about 150,000
 * elements) it took most of a 42-50 ms first slice. The 1 MB page has about 29,000. Each part is the
 * text from one element the element pass noted to the next, PART_ELEMENTS elements further on
 * (`Range.toString()`, which reads the same text nodes as `textContent` does, between any two
 * points); on the 5 MB page, about 300,000 characters.
 */
const PART_ELEMENTS = 10_000;
const SNAPSHOT_MAX_PARTS = 4;

/**
 * A scope's text in one native call. Each text node's text is then a slice of it, found from the
 * node's `length`, instead of its `data`: each read of `data` makes a string for the node (on the
 * 1 MB bench page, a walk reading `length` and slicing took 23.5 ms against 32.5 ms reading `data`),
 * and on a 5 MB page the collector finalizes each of them. `textContent` is the scope's text nodes in
 * the same order as the walk, skipped regions included (the walk jumps their length). Taken at the end
 * of the element pass, in the same task as the regions' lengths.
 */
function textOfScope(scopeRoot: Node): string | null {
  const from = scopeRoot.nodeType === DOCUMENT ? (scopeRoot as Document).documentElement : scopeRoot;
  return from?.textContent ?? null;
}

/**
 * What one scope (the root, or an open shadow root) needs for its walk. Two passes, each over one
 * kind of node: first its elements, for the regions never read and the shadow hosts; then its text
 * nodes alone, as the plain read of a page does. One walk over both kinds took 1.6-1.9 times as long
 * in Chromium (the same properties read on nodes of every kind are slow to look up), and the text
 * walk needs no element but a text node's parent and the inline ones above it.
 */
interface Scope {
  root: Node;
  /** The element pass, until it is over. */
  elements: TreeWalker | null;
  texts: TreeWalker;
  /** Each skipped region with text: its element, its first text node, the last node inside it. */
  skipElements: Element[];
  skipFirst: Node[];
  skipLast: Node[];
  /** The regions' text lengths, for the snapshot. */
  skipLength: number[];
  /** Elements the element pass saw. */
  elementCount: number;
  skipAt: number;
  /**
   * The scope's whole text, as `textContent` gave it at the end of the element pass, or the text of
   * the part being read in a scope of more than SNAPSHOT_MAX_PARTS parts, and where the next
   * text node's text starts in it; null once the page changed the scope (then each node's `data` is
   * read). See `textOfScope`.
   */
  snapshot: string | null;
  at: number;
  /**
   * A larger scope's parts: where each starts (null: the scope's start; then every `partElements`-th
   * element of the element pass), the first text node at or after that, and the next part to read.
   */
  partStarts: (Element | null)[];
  partFirst: (Node | null)[];
  partAt: number;
  /** Elements the element pass has still to see before it notes the next part's start. */
  untilPart: number;
  /** Watches the scope for changes while the walk waits between slices (see `step`). */
  watch: MutationObserver | null;
  /** The open shadow roots' hosts, and the first text node at or after each (null: none). */
  hosts: Element[];
  anchors: (Node | null)[];
  hostAt: number;
  /** The scope's h1 and h2 elements, in order (at most MAX_HEADING_ELEMENTS), and where each host stands among them. */
  headings: Element[];
  hostHeadingAt: number[];
  /** The shadow roots read so far, each with where it stands among the headings. */
  nested: { at: number; scope: Scope }[];
  /** The text node to go on with once the shadow root read before it is done. */
  pending: Node | null;
}

/**
 * A text collector that can stop and resume: `step(deadline)` reads until `deadline()` says time is
 * up, so a huge page is read in slices of a few milliseconds. Open shadow roots of the page's
 * components are read where they stand.
 */
export function createTextCollector(root: Node, options: CollectOptions = {}) {
  // The chunk being read: its text in pieces, its nodes and their offsets from the chunk's start.
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let chunkStart = 0;
  const sealed: PageText[] = [];
  const seal = () => {
    if (length === chunkStart) return;
    sealed.push({ text: parts.join(''), base: chunkStart, nodes, starts });
    parts = [];
    nodes = [];
    starts = [];
    chunkStart = length;
  };
  let length = 0;
  let lastBlock: Node | null = null;
  const max = options.maxChars ?? Infinity;
  const chunkChars = options.chunkChars ?? Infinity;
  const doc = root.ownerDocument ?? (root as Document);
  const editable = new Set<Element>();
  const partElements = options.partElements ?? PART_ELEMENTS;
  /** The range a larger scope's parts are read through (see `partText`). */
  let partRange: Range | undefined;
  // No filter callbacks: calling into JavaScript for every node costs more than the walk itself.
  // Skipped elements are stepped over by hand.
  const scopeOf = (scopeRoot: Node): Scope => {
    if ('querySelectorAll' in scopeRoot) editableUnder(scopeRoot as ParentNode, editable);
    return {
      root: scopeRoot,
      elements: doc.createTreeWalker(scopeRoot, NodeFilter.SHOW_ELEMENT),
      texts: doc.createTreeWalker(scopeRoot, NodeFilter.SHOW_TEXT),
      skipElements: [],
      skipFirst: [],
      skipLast: [],
      skipLength: [],
      elementCount: 0,
      skipAt: 0,
      snapshot: null,
      at: 0,
      partStarts: [null],
      partFirst: [],
      partAt: 0,
      untilPart: partElements,
      watch: null,
      hosts: [],
      anchors: [],
      hostAt: 0,
      headings: [],
      hostHeadingAt: [],
      nested: [],
      pending: null,
    };
  };
  // A stack of scopes: a shadow root is walked to its end before its host's walk goes on.
  const stack: Scope[] = [];
  // A document in design mode is editable as a whole: what the user types is never read.
  if ((doc as Document).designMode !== 'on') {
    // A root that is itself never read (a script, say) gives no text.
    if (root.nodeType !== ELEMENT || !isSkippedElement(root as Element, options.ignore, editable)) stack.push(scopeOf(root));
  }
  // The h1 and h2 headings, for the page's subject and kind, are noted by the element passes, which
  // read every element's tag anyway: a query of its own over a 5 MB page took 10 ms, in the scan's
  // first slice. The root scope holds them, each shadow root's in its place.
  const rootScope: Scope | undefined = stack[0];
  // Text nodes often follow one another in the same parent ("a <b>b</b> c": the two outer ones do
  // not, but paragraphs of several nodes do): then the block is the last one, with no walk up.
  let lastParent: Node | null = null;
  /** Whether the page changed while the walk waited, and whether the last parent is never read. */
  let changed = false;
  let lastParentSkipped = false;
  /**
   * The nearest element at or above `parent` that starts a block, or the scope's root. A root that is
   * no element (a document, a shadow root) has no tag name, which stops the climb: no `nodeType`
   * read per step, which costs a look-up on nodes of every kind.
   */
  const blockFrom = (parent: Node, scopeRoot: Node): Node => {
    let el = parent;
    let tag = (el as Element).tagName as string | undefined;
    while (el !== scopeRoot && tag !== undefined && INLINE_TAGS.has(tag)) {
      const up = el.parentNode;
      if (up === null) break;
      el = up;
      tag = (el as Element).tagName as string | undefined;
    }
    return el;
  };
  /** Move the walker past `el` and everything inside it; false when the walk is over. */
  const skipSubtree = (walker: TreeWalker): Node | null => {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  };
  /** Note a region never read, if it holds text: the text walk jumps from its first text node to its end. */
  const skipRegion = (scope: Scope, el: Element) => {
    const first = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    if (!first) return;
    let last: Node = el;
    while (last.lastChild) last = last.lastChild;
    scope.skipElements.push(el);
    scope.skipFirst.push(first);
    scope.skipLast.push(last);
  };
  return {
    /** Read until done or `deadline()` is true; true when the whole page has been read. */
    step(deadline: () => boolean = () => false): boolean {
      // Between two steps the page may have changed what is left to read: then no snapshot lines
      // up with its nodes any more, and the regions the element pass noted may have changed. The
      // rest is read node by node, each new parent checked up to the root.
      for (const scope of stack) {
        if (scope.watch !== null && scope.watch.takeRecords().length > 0) changed = true;
      }
      if (changed) for (const scope of stack) scope.snapshot = null;
      const done = walk(deadline);
      if (done) {
        seal();
        dispose();
      } else {
        // Nothing of the page's runs while a step does: only now can it change what is left to read.
        for (const scope of stack) {
          if (scope.watch === null && typeof MutationObserver === 'function') {
            scope.watch = new MutationObserver(() => {});
            scope.watch.observe(scope.root, { childList: true, subtree: true, characterData: true });
          }
        }
      }
      return done;
    },
    /** Stop watching the page (a collector dropped before it is done must be told). */
    dispose,
    /** Whether a chunk is sealed and waiting for `take()`. */
    ready: () => sealed.length > 0,
    /**
     * The next sealed chunk, oldest first (the rest of the text once reading is done), or undefined.
     * Without `chunkChars`, the one chunk is the whole text, sealed when reading is done.
     */
    take: (): PageText | undefined => sealed.shift(),
    /** The first MAX_HEADINGS h1 and h2 headings the element passes have met that have text, trimmed, in order. */
    headings(): string[] {
      const texts: string[] = [];
      // Each shadow root's headings where its host stands among its scope's.
      const visit = (scope: Scope) => {
        let k = 0;
        for (let j = 0; j <= scope.headings.length && texts.length < MAX_HEADINGS; j++) {
          while (k < scope.nested.length && scope.nested[k]!.at === j) visit(scope.nested[k++]!.scope);
          const text = j < scope.headings.length ? (scope.headings[j]!.textContent ?? '').trim() : '';
          if (text && texts.length < MAX_HEADINGS) texts.push(text);
        }
      };
      if (rootScope) visit(rootScope);
      return texts;
    },
  };

  function dispose(): void {
    for (const scope of stack) {
      scope.watch?.disconnect();
      scope.watch = null;
    }
  }

  /**
   * A scope's element pass, until it is over (true) or `deadline()` (false). The hosts' anchors are
   * found at its end.
   */
  function elementPass(scope: Scope, walker: TreeWalker, deadline: () => boolean): boolean {
    const ignore = options.ignore;
    const { hosts, headings } = scope;
    let n = 0;
    for (;;) {
      // Check the clock every 256 nodes: reading it costs more than visiting a node.
      if ((++n & 255) === 0 && deadline()) {
        scope.elementCount += n;
        return false;
      }
      let el = walker.nextNode() as Element | null;
      // One look-up of the tag per element tells both a skipped element and a heading. The test is
      // isSkippedElement's, written out: handing it the tag read here made this pass 15 ms slower on
      // the 1 MB bench page (A/B).
      let kind: number | undefined;
      // Step over skipped elements (and skipped elements right after them) without entering them.
      while (el !== null && ((kind = TAG_KINDS.get(el.tagName)) === SKIPPED_KIND || el === ignore || (editable.size > 0 && editable.has(el)))) {
        skipRegion(scope, el);
        el = skipSubtree(walker) as Element | null;
      }
      if (el === null) break;
      if (--scope.untilPart === 0) {
        scope.untilPart = partElements;
        scope.partStarts.push(el);
      }
      if (kind === NO_SHADOW_KIND) continue;
      if (kind === HEADING_KIND && headings.length < MAX_HEADING_ELEMENTS) headings.push(el);
      const shadow = el.shadowRoot;
      if (shadow !== null && shadow.mode === 'open') {
        hosts.push(el);
        scope.hostHeadingAt.push(headings.length);
      }
    }
    scope.elements = null;
    scope.elementCount += n;
    const texts = scope.texts;
    if (scope.elementCount <= partElements * SNAPSHOT_MAX_PARTS) {
      scope.snapshot = textOfScope(scope.root);
      scope.partStarts.length = 1;
    } else {
      // Each part's snapshot is taken when the text walk reaches its first text node.
      for (const start of scope.partStarts) {
        texts.currentNode = start ?? scope.root;
        scope.partFirst.push(texts.nextNode());
      }
    }
    if (scope.snapshot !== null || scope.partFirst.length > 0) scope.skipLength = scope.skipElements.map((el) => (el.textContent ?? '').length);
    // Where each shadow root is read: before the first text node after its host's start.
    for (const host of hosts) {
      texts.currentNode = host;
      scope.anchors.push(texts.nextNode());
    }
    texts.currentNode = scope.root;
    return true;
  }

  /** The text of a larger scope's part `k`: from its start to the next part's, or to the scope's end. */
  function partText(scope: Scope, k: number): string {
    const root = scope.root;
    const range = (partRange ??= doc.createRange());
    const start = scope.partStarts[k];
    const next = scope.partStarts[k + 1];
    if (start) range.setStartBefore(start);
    else range.setStart(root, 0);
    if (next) range.setEndBefore(next);
    else range.setEnd(root, root.childNodes.length);
    const text = range.toString();
    // Collapsed, the one live range we keep costs the page's own changes nothing to keep up to date.
    range.collapse(true);
    return text;
  }

  function walk(deadline: () => boolean): boolean {
    let n = 0;
    while (stack.length > 0) {
      const scope = stack[stack.length - 1]!;
      const elements = scope.elements;
      if (elements !== null) {
        if (!elementPass(scope, elements, deadline)) return false;
        continue;
      }
      // The text pass, until a shadow root is to be read, the scope ends, or time is up.
      const texts = scope.texts;
      const root = scope.root;
      const anchor = scope.hostAt < scope.hosts.length ? scope.anchors[scope.hostAt] : undefined;
      let skip: Node | undefined = scope.skipFirst[scope.skipAt];
      let node = scope.pending;
      scope.pending = null;
      let snapshot = scope.snapshot;
      const careful = changed;
      let at = scope.at;
      let part: Node | null | undefined = careful ? undefined : scope.partFirst[scope.partAt];
      for (;;) {
        if (length >= max) return true;
        if ((++n & 255) === 0 && deadline()) {
          scope.pending = node;
          scope.at = at;
          scope.snapshot = snapshot;
          return false;
        }
        if (node === null) node = texts.nextNode();
        if (node === anchor) {
          // A shadow root first, then this node (null: the scope's text is over).
          scope.pending = node;
          scope.at = at;
          scope.snapshot = snapshot;
          const nested = scopeOf(scope.hosts[scope.hostAt]!.shadowRoot!);
          scope.nested.push({ at: scope.hostHeadingAt[scope.hostAt++]!, scope: nested });
          stack.push(nested);
          break;
        }
        if (node === null) {
          scope.watch?.disconnect();
          stack.pop();
          break;
        }
        // A larger scope's next part: its text from its start to the next part's (parts with no text
        // node of their own are passed over).
        if (node === part) {
          let k = scope.partAt;
          while (k + 1 < scope.partFirst.length && scope.partFirst[k + 1] === node) k++;
          snapshot = partText(scope, k);
          at = 0;
          scope.partAt = k + 1;
          part = scope.partFirst[k + 1];
        }
        // The regions noted by the element pass, until the page changes: then each parent is checked.
        if (node === skip && !careful) {
          texts.currentNode = scope.skipLast[scope.skipAt]!;
          at += scope.skipLength[scope.skipAt++]!;
          skip = scope.skipFirst[scope.skipAt];
          node = null;
          continue;
        }
        let data: string;
        if (snapshot !== null) {
          const size = (node as Text).length;
          data = snapshot.slice(at, at + size);
          at += size;
        } else data = (node as Text).data;
        if (data.length > 0) {
          const parent = node.parentNode;
          let block = lastBlock;
          if (parent !== lastParent || block === null) {
            lastParent = parent;
            lastParentSkipped = careful && parent !== null && parent.nodeType === ELEMENT && insideSkipped(parent as Element, options.ignore);
            block = parent !== null ? blockFrom(parent, root) : root;
          }
          if (lastParentSkipped) {
            node = null;
            continue;
          }
          if (block !== lastBlock) {
            if (lastBlock !== null) {
              parts.push('\n');
              length += 1;
              if (length - chunkStart >= chunkChars) seal();
            }
            lastBlock = block;
          }
          nodes.push(node as Text);
          starts.push(length - chunkStart);
          parts.push(data);
          length += data.length;
        }
        node = null;
      }
    }
    return true;
  }
}

/** Collect the text of `root` (a document, element or open shadow root) in one go. */
export function collectPageText(root: Node, options: CollectOptions = {}): PageText {
  const collector = createTextCollector(root, { ...options, chunkChars: Infinity });
  collector.step();
  return collector.take() ?? { text: '', base: 0, nodes: [], starts: [] };
}

/**
 * The index of the node holding character `offset`, or -1 (binary search on the start offsets). A
 * node ends where the next one starts, or at the text's end: no node's text is read again (each read
 * of `data` is a call into the DOM that makes a string). A block break between two nodes counts as
 * the end of the first; a mention never starts or ends on one.
 */
function nodeAt(page: PageText, offset: number): number {
  const { nodes, starts } = page;
  let lo = 0;
  let hi = nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0 || offset >= (found + 1 < nodes.length ? starts[found + 1]! : page.text.length)) return -1;
  return found;
}

/**
 * Where a mention is in the DOM: its bounds, and the text nodes they cover. No range is made here
 * (see `rangeOf`): a page's thousands of mentions need ranges only for the few near the viewport.
 */
export interface Span {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
  nodes: Text[];
}

/** The span of `[start, end)` of `page.text`, across text nodes where the mention is split. */
export function spanFor(page: PageText, start: number, end: number): Span | undefined {
  const first = nodeAt(page, start);
  const last = nodeAt(page, end - 1);
  if (first < 0 || last < 0) return undefined;
  return {
    startContainer: page.nodes[first]!,
    startOffset: start - page.starts[first]!,
    endContainer: page.nodes[last]!,
    endOffset: end - page.starts[last]!,
    nodes: page.nodes.slice(first, last + 1),
  };
}

/**
 * A range over a span: a StaticRange where the browser has them. The document keeps every live Range
 * up to date on each change to the page, and 5,000 of them made a page's own DOM work 30-40 times
 * slower (2,000 element insertions and removals: 12-21 ms without, 370-560 ms with, in Chromium
 * 156). Each is made when first needed: making 3,320 StaticRanges took 4.5-15 ms on the 1 MB bench
 * page, where a plain object per span took 0.6-1.4 ms.
 */
export function rangeOf(span: Span): AbstractRange {
  const { startContainer, startOffset, endContainer, endOffset } = span;
  if (typeof StaticRange === 'function') return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
  const live = startContainer.ownerDocument.createRange();
  live.setStart(startContainer, startOffset);
  live.setEnd(endContainer, endOffset);
  return live;
}
