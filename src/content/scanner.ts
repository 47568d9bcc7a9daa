/**
 * The content script's loop: read the page's text, detect the tools, mark them, report them; again
 * after the page changes (throttled) or navigates within the app. Everything stops with `signal`.
 */
import { createDetector, type Mention, type PageDetection } from '../detect/detector';
import type { CompiledMatcher } from '../detect/compiled-matcher';
import type { DetectionIndex } from '../detect/detection-index';
import { createTextCollector, insideSkipped, spanFor } from '../detect/dom/page-text';
import type { PageReport } from '../messaging/protocol';
import { createHighlighter, type MarkedRange } from '../overlay/highlights';
import { readPageContext } from './page-context';
import { deadlineIn, whenIdle, yieldToMain } from './slices';

/** Text is matched in chunks of about this size (cut at block breaks), between yields. */
export const CHUNK_CHARS = 50_000;
/** Pathological pages: read at most this much text (about 20 MB). */
const MAX_CHARS = 20_000_000;
/** Highlights drawn at most (every mention still counts). */
export const MAX_MARKS = 5_000;
/**
 * The WebAssembly scan is set up at the first text this long: below it, scanning in cold JavaScript
 * costs about what making the instance does, and a frame with a few words keeps its renderer from
 * reserving another WebAssembly memory (see DetectorOptions.wasmMinChars).
 */
const WASM_MIN_CHARS = 4_000;
/** More added subtrees than this between two scans: rescan the page instead. */
const MAX_ADDED_ROOTS = 200;

export interface ScannerOptions {
  index: DetectionIndex;
  /** The index's matcher as the background compiled it; without it, the scanner compiles its own. */
  matcher?: CompiledMatcher;
  /** The compiled WebAssembly text scan; without it (or when it fails), the text is scanned in JavaScript. */
  wasm?: WebAssembly.Module;
  signal: AbortSignal;
  report: (report: PageReport) => Promise<void>;
  /** Our host element, never read. */
  ownHost?: () => Element | null;
  /** Quiet time after the last page change before rescanning. */
  throttleMs?: number;
  onScan?: (detection: PageDetection, marks: MarkedRange[], report: PageReport) => void;
  /** Whether to draw highlights (the display setting); read at each scan. */
  highlight?: () => boolean;
  /**
   * A scan that failed (the page's DOM changed under it in a way we did not foresee): told here, never
   * thrown into the page. The last good marks and report stay; the next change rescans.
   */
  onError?: (error: unknown) => void;
}

export function startScanner(win: Window, options: ScannerOptions) {
  const { index, signal, report } = options;
  const failed = (error: unknown) => options.onError?.(error);
  const detector = createDetector(index, options.matcher, { wasm: options.wasm, wasmMinChars: WASM_MIN_CHARS, onFallback: failed });
  const scores = new Map(index.tools.map((t) => [t.id, t.overall]));
  const highlighter = createHighlighter();
  let lastReported = '';

  // Each scan has a generation; a newer scan makes an older one stop at its next yield.
  let generation = 0;
  /** How long the last full scan took, slices and yields included: busy pages get scanned less often. */
  let lastScanMs = 0;
  /** What the page holds now: the last full scan plus what was added since. */
  let current: { marks: MarkedRange[]; counts: Record<string, number>; subject?: string; isPricingPage: boolean } | undefined;

  /**
   * Read `root`'s text in slices and match it chunk by chunk as it is read; undefined when a newer
   * scan took over. Each chunk's Ranges are made as soon as it is matched, and its text nodes let go:
   * a 5 MB page no longer keeps 186,000 of them alive until the end (V8 then spent up to 140 ms in
   * one garbage collection inside a slice).
   */
  const readAndMatch = async (root: Node, stale: () => boolean) => {
    // The collector's one query over the document (editable regions: 8.5 ms on a 5 MB page) counts
    // against the first slice.
    let deadline = deadlineIn();
    const collector = createTextCollector(root, { ignore: options.ownHost?.() ?? null, maxChars: MAX_CHARS, chunkChars: CHUNK_CHARS });
    try {
      // The headings come from the walk (collector.headings()), asked once it is over.
      const context = readPageContext(win, []);
      const mentions: Mention[] = [];
      const counts: Record<string, number> = {};
      const marks: MarkedRange[] = [];
      // A slice reads for a few milliseconds or until a chunk is ready, then matches at most that one
      // chunk: a slice that read in full and then matched ran to 60-90 ms on the 1 MB bench page.
      let first = true;
      const nextSlice = async () => {
        await yieldToMain();
        deadline = deadlineIn();
        return !stale();
      };
      for (let done = false; !done; ) {
        done = collector.step(() => deadline() || collector.ready());
        for (let chunk = collector.take(); chunk; chunk = collector.take()) {
          // The first chunk's match runs cold (and makes the WebAssembly instance): always a slice of its own.
          if ((first || deadline()) && !(await nextSlice())) return undefined;
          first = false;
          const found = detector.detect(chunk.text, context);
          for (const m of found) {
            mentions.push({ ...m, start: m.start + chunk.base, end: m.end + chunk.base });
            counts[m.toolId] = (counts[m.toolId] ?? 0) + 1;
            if (marks.length >= MAX_MARKS) continue;
            const span = spanFor(chunk, m.start, m.end);
            if (span) marks.push({ ...span, score: scores.get(m.toolId) ?? 0, toolId: m.toolId });
          }
          // Marking and reporting, or the next read, in a slice of its own.
          if (!(await nextSlice())) return undefined;
        }
        if (!done && deadline() && !(await nextSlice())) return undefined;
      }
      // The subject from the whole page's counts, the kind from the headings the walk passed.
      const facts = detector.pageFacts({ ...context, headings: collector.headings() }, counts);
      const detection: PageDetection = { mentions, counts, ...facts };
      return { detection, marks };
    } finally {
      collector.dispose(); // a scan that a newer one took over stops watching the page
    }
  };

  /** Mark, tell the overlay, and report to the background (only when the report changed). */
  const publish = (state: NonNullable<typeof current>, detection: PageDetection) => {
    current = state;
    if (options.highlight?.() ?? true) highlighter.mark(state.marks.slice(0, MAX_MARKS));
    else highlighter.clear();
    const payload: PageReport = {
      url: win.location.href,
      mentions: Object.entries(state.counts).map(([toolId, count]) => ({ toolId, count })),
      subject: state.subject,
      isPricingPage: state.isPricingPage,
    };
    options.onScan?.(detection, state.marks, payload);
    const key = JSON.stringify(payload);
    if (key !== lastReported) {
      lastReported = key;
      void report(payload).catch(() => {});
    }
  };

  /** The whole page, read, matched and marked in slices of a few milliseconds. */
  const scan = async (): Promise<boolean> => {
    const began = performance.now();
    const mine = ++generation;
    const stale = () => signal.aborted || mine !== generation;
    const root = win.document.body ?? win.document.documentElement;
    if (stale() || !root) return false;
    const result = await readAndMatch(root, stale);
    if (!result) return false;
    const { detection, marks } = result;
    publish({ marks, counts: { ...detection.counts }, subject: detection.subject, isPricingPage: detection.isPricingPage }, detection);
    lastScanMs = performance.now() - began;
    return true;
  };

  /**
   * Only what was added (infinite scroll, a feed, a widget): each new subtree is read and matched on
   * its own, and its marks and counts are added to the page's.
   */
  const scanAdded = async (roots: Element[]): Promise<boolean> => {
    const mine = ++generation;
    const stale = () => signal.aborted || mine !== generation;
    if (!current) return scan();
    let state = current;
    let last: PageDetection | undefined;
    for (const root of roots) {
      if (!root.isConnected || insideSkipped(root, options.ownHost?.() ?? null)) continue;
      const result = await readAndMatch(root, stale);
      if (!result) return false;
      const counts = { ...state.counts };
      for (const [id, n] of Object.entries(result.detection.counts)) counts[id] = (counts[id] ?? 0) + n;
      state = { ...state, marks: [...state.marks, ...result.marks], counts };
      last = result.detection;
    }
    if (last) publish(state, last);
    return true;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Changes since the last scan: added elements, or a change only a full rescan can account for. */
  let added = new Set<Element>();
  let needFull = false;
  const scheduleScan = () => {
    if (timer !== undefined || signal.aborted) return;
    // At most a fifth of the time goes to rescanning, however fast the page changes.
    const wait = Math.max(options.throttleMs ?? 400, lastScanMs * 4);
    timer = setTimeout(() => {
      timer = undefined;
      // The outermost added elements, by an ancestor walk: a pairwise check is quadratic, and a page
      // inserting thousands of elements between two scans stalled for seconds. Unused for a full scan.
      const hasAddedAncestor = (el: Element) => {
        for (let p = el.parentElement; p; p = p.parentElement) if (added.has(p)) return true;
        return false;
      };
      const roots = needFull ? [] : [...added].filter((el) => !hasAddedAncestor(el));
      const full = needFull || roots.length > MAX_ADDED_ROOTS;
      added = new Set();
      needFull = false;
      (full ? scan() : scanAdded(roots)).catch(failed);
    }, wait);
  };

  const observer = new MutationObserver((records) => {
    const host = options.ownHost?.();
    const isOurs = (n: Node) => !!host && (n === host || host.contains(n));
    let changed = false;
    for (const r of records) {
      if (isOurs(r.target)) continue; // inside our own host
      if (r.type === 'characterData') {
        needFull = true; // text edited in place: its old mentions must go
        changed = true;
        continue;
      }
      for (const n of r.removedNodes) {
        if (isOurs(n)) continue;
        if (n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && (n as Text).data.trim())) {
          needFull = true; // something left: its marks and counts must go
          changed = true;
        }
      }
      for (const n of r.addedNodes) {
        if (isOurs(n)) continue;
        if (n.nodeType === Node.ELEMENT_NODE) added.add(n as Element);
        else if (n.nodeType === Node.TEXT_NODE && (n as Text).data.trim()) needFull = true; // loose text joins its neighbours
        else continue;
        changed = true;
      }
    }
    if (changed) scheduleScan();
  });
  observer.observe(win.document.documentElement, { childList: true, subtree: true, characterData: true });

  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    highlighter.clear();
  });

  // Start when the page and the browser are idle: building the matcher is the page's coldest work,
  // and the renderer may still be sweeping the previous page's heap (see whenIdle).
  void whenIdle().then(() => (signal.aborted ? undefined : scan().catch(failed)));
  return {
    scan,
    /** After an in-app navigation: the old results are replaced, not merged. */
    rescanNow: () => {
      lastReported = '';
      added = new Set();
      needFull = false;
      scan().catch(failed);
    },
  };
}
