/**
 * The in-page side of the detection bench, bundled to one script and added to a freshly loaded
 * generated page. Each method runs once per page load (reads are cold, as a content script's are;
 * mark.js changes the DOM), and returns its own timings.
 *
 * - floor: a plain TreeWalker read of every text node, joined into one string.
 * - least: the least a scan under the rules has to do (the reads they require, then the
 *   WebAssembly scan over the text, nothing done with the hits): a lower bound for ours.
 * - ours: what src/content/scanner.ts does in one go, minus messaging and yields: the background's
 *   packed matcher unpacked + createDetector; the text read chunk by chunk, each chunk matched and
 *   its ranges made as it is read; CSS highlights registered.
 * - scanner: the real src/content/scanner.ts (startScanner), with its own slicing, timed to its
 *   onScan; its slices are measured by wrapping scheduler.yield, which its yieldToMain calls.
 * - markjs: mark.js marking every name and alias of the catalog.
 * - pageWork: the page's own DOM work (2,000 insertions and removals), after the real scanner has
 *   marked the page, on the untouched page, or with only an idle MutationObserver like the scanner's.
 */
import { CHUNK_CHARS, MAX_MARKS, startScanner } from '../../src/content/scanner';
import { readPageContext } from '../../src/content/page-context';
import type { DetectionIndex } from '../../src/detect/detection-index';
import { createTextCollector, INLINE_TAGS, NO_SHADOW_KIND, SKIPPED_KIND, spanFor, TAG_KINDS } from '../../src/detect/dom/page-text';
import { HIGHLIGHT_NAMES, createHighlighter, type MarkedRange } from '../../src/overlay/highlights';
import { createDetector, type PageDetection } from '../../src/detect/detector';
import { unpackMatcher, type PackedMatcher } from '../../src/detect/packed-matcher';
import { compileTextScanModule, createWasmTextScanner } from '../../src/detect/wasm/wasm-text-scanner';
import { SCAN_MARK } from './gc-pauses.mjs';

/**
 * The compiled WebAssembly text scan, as the content script has it when it starts: it compiles the
 * module off the main thread while it reads storage (start.ts), neither of which a method times.
 */
let wasmModule = compileTextScanModule();
/** `--javascript`: the JavaScript scan, as on a page whose policy refuses WebAssembly. */
function useJavaScript(): void {
  wasmModule = Promise.resolve(undefined);
}
/** Whether a method's detector had to scan in JavaScript after all (the bench prints it). */
let fellBack = 0;
const onFallback = () => {
  fellBack = 1;
};


export interface RunResult {
  /** The method's own work (script), to its end. */
  ms: number;
  /** To the end of the next rendered frame: the style, layout and paint the work caused. */
  settledMs: number;
  mentions: number;
  /** The longest stretch of main-thread work, as far as this method can tell. */
  longestTaskMs: number;
  /** Tasks over 50 ms reported by PerformanceObserver('longtask') while the method ran. */
  longTasks: number[];
  detail?: Record<string, number>;
  /**
   * The scanner only: its slices and the browser's long tasks as [start, end] in ms from the mark
   * SCAN_MARK (gc-pauses.mjs), so the bench can take out of each the garbage collection a trace shows in it.
   */
  spans?: { slices: [number, number][]; longTasks: [number, number][] };
}

interface MarkJs {
  mark(terms: string[], options: Record<string, unknown>): void;
}
declare const Mark: new (context: Element) => MarkJs;

const now = () => performance.now();

const fail = (message: string): never => {
  throw new Error(message);
};

/** Resolves after the next frame has been rendered: style, layout and paint our work caused included. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Resolves once our highlights hold a range, or after 2 s: marks are registered when the
 * highlighter's IntersectionObserver first reports, a frame or so after marking (highlights.ts), and
 * the frame that draws them is ours to count.
 */
async function marksRegistered(): Promise<void> {
  const until = now() + 2000;
  while (now() < until) {
    if (HIGHLIGHT_NAMES.some((name) => (CSS.highlights.get(name)?.size ?? 0) > 0)) return;
    await nextFrame();
  }
}

/** Long tasks (over 50 ms) from now until `stop()`; entries arrive after their task ends. */
function watchLongTasks() {
  const from = now();
  const entries: PerformanceEntry[] = [];
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
  } catch {
    observer = undefined;
  }
  const stop = async (): Promise<number[]> => (await stopWithSpans()).map((e) => e.duration);
  /** The same tasks with where they fell: [start, end] in ms from `origin`. */
  const stopWithSpans = async (origin = 0) => {
    await new Promise((resolve) => setTimeout(resolve, 60));
    entries.push(...(observer?.takeRecords() ?? []));
    observer?.disconnect();
    return entries
      .filter((e) => e.startTime + e.duration >= from)
      .map((e) => ({ duration: e.duration, span: [e.startTime - origin, e.startTime + e.duration - origin] as [number, number] }));
  };
  return Object.assign(stop, { withSpans: stopWithSpans });
}

async function floor(): Promise<RunResult> {
  const stop = watchLongTasks();
  const t0 = now();
  const { text, nodes } = readAllText();
  const ms = now() - t0;
  await nextFrame();
  const settledMs = now() - t0;
  const longTasks = await stop();
  return { ms, settledMs, mentions: 0, longestTaskMs: Math.max(ms, ...longTasks), longTasks, detail: { chars: text.length, nodes } };
}

/** The floor's read: every text node's `data` under `body`, joined. */
function readAllText(): { text: string; nodes: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push((node as Text).data);
  return { text: parts.join(''), nodes: parts.length };
}

/**
 * The least a scan under the rules has to do, written for speed and nothing else: a lower
 * bound for ours, not a method that could ship. The rules are the collector's own tag tables
 * (page-text.ts), so the two read the same text.
 * - Reads: an element pass for the open shadow roots (each tag read, `shadowRoot` asked unless the
 *   tag can never host one, regions never read stepped over), then a text walk reading each node's
 *   `data` and its parent's tag, climbing inline parents, for the block breaks that keep names from
 *   running across paragraphs; a node whose parent is never read is dropped (its own text only: a
 *   node deeper in such a region, or in an editable one, is read, which only makes the bound lower).
 *   Joined into one string with the breaks.
 * - Scan: the published matcher unpacked and the WebAssembly scan set up and run once over that
 *   string.
 * Nothing is done with the hits: no longest match, no disambiguation, no bounds, no marks.
 */
async function least(index: DetectionIndex, packed: PackedMatcher): Promise<RunResult> {
  const wasm = (await wasmModule) ?? fail('the least scan needs the WebAssembly module');
  const t0 = now();
  let hosts = 0;
  const elements = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  for (let el = elements.nextNode() as Element | null; el !== null; ) {
    const kind = TAG_KINDS.get(el.tagName);
    if (kind === SKIPPED_KIND) {
      let next: Node | null = elements.nextSibling();
      while (next === null && elements.parentNode() !== null) next = elements.nextSibling();
      el = next as Element | null;
      continue;
    }
    if (kind !== NO_SHADOW_KIND && el.shadowRoot !== null) hosts++;
    el = elements.nextNode() as Element | null;
  }
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let lastBlock: Node | null = null;
  for (let node = texts.nextNode(); node !== null; node = texts.nextNode()) {
    let block = node.parentNode as Element;
    let tag = block.tagName;
    if (TAG_KINDS.get(tag) === SKIPPED_KIND) continue;
    while (INLINE_TAGS.has(tag)) {
      block = block.parentNode as Element;
      tag = block.tagName;
    }
    if (block !== lastBlock) {
      if (lastBlock !== null) parts.push('\n');
      lastBlock = block;
    }
    parts.push((node as Text).data);
  }
  const text = parts.join('');
  const read = now();
  const tables = (unpackMatcher(packed, index) ?? fail('the packed matcher was refused')).tables;
  const { count } = createWasmTextScanner(wasm, tables)(text);
  const ms = now() - t0;
  return { ms, settledMs: ms, mentions: count, longestTaskMs: ms, longTasks: [], detail: { read: read - t0, scan: ms - (read - t0), chars: text.length, hosts } };
}

async function ours(index: DetectionIndex, packed: PackedMatcher): Promise<RunResult> {
  const wasm = await wasmModule;
  fellBack = wasm ? 0 : 1;
  const stop = watchLongTasks();
  const t0 = now();
  // As the content script does: the background's compiled matcher, unpacked (see packed-matcher.ts),
  // scanning with the WebAssembly module.
  const detector = createDetector(index, unpackMatcher(packed, index) ?? fail('the packed matcher was refused'), { wasm, onFallback });
  const build = now() - t0;
  const context = readPageContext(window, []); // the headings come from the walk, as in the scanner
  const scores = new Map(index.tools.map((t) => [t.id, t.overall]));
  // Read chunk by chunk, each matched and its Ranges made as soon as it is read, as the scanner does
  // (without its yields).
  const collector = createTextCollector(document.body, { chunkChars: CHUNK_CHARS });
  const marks: MarkedRange[] = [];
  const counts: Record<string, number> = {};
  let [collect, match, mark, chars, mentions] = [0, 0, 0, 0, 0];
  for (let done = false; !done; ) {
    let at = now();
    done = collector.step(() => collector.ready());
    collect += now() - at;
    for (let chunk = collector.take(); chunk; chunk = collector.take()) {
      at = now();
      const found = detector.detect(chunk.text, context);
      const matched = now();
      match += matched - at;
      chars += chunk.text.length;
      mentions += found.length;
      for (const m of found) {
        counts[m.toolId] = (counts[m.toolId] ?? 0) + 1;
        if (marks.length >= MAX_MARKS) continue;
        const span = spanFor(chunk, m.start, m.end);
        if (span) marks.push({ ...span, score: scores.get(m.toolId) ?? 0, toolId: m.toolId });
      }
      mark += now() - matched;
    }
  }
  let at = now();
  // The page's subject and kind, from the whole page's counts and the headings the walk passed.
  const facts = detector.pageFacts({ ...context, headings: collector.headings() }, counts);
  match += now() - at;
  at = now();
  createHighlighter().mark(marks);
  mark += now() - at;
  const ms = now() - t0;
  await marksRegistered();
  await nextFrame();
  const settledMs = now() - t0;
  const longTasks = await stop();
  return {
    ms,
    settledMs,
    mentions,
    longestTaskMs: Math.max(ms, ...longTasks),
    longTasks,
    detail: { collect, build, match, mark, chars, marks: marks.length, javascriptScan: fellBack, pricingPage: facts.isPricingPage ? 1 : 0 },
  };
}

type Scheduler = { yield?: () => Promise<void> };

/**
 * The real scanner (src/content/scanner.ts) started on this page with the published matcher,
 * resolved at its first report; a scan that never reports fails the run after 60 s.
 */
async function firstScan(index: DetectionIndex, packed: PackedMatcher, signal: AbortSignal): Promise<{ detection: PageDetection; marks: MarkedRange[] }> {
  const wasm = await wasmModule;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the scanner did not report within 60 s')), 60_000);
    startScanner(window, {
      index,
      matcher: unpackMatcher(packed, index) ?? fail('the packed matcher was refused'),
      wasm,
      signal,
      report: async () => {},
      throttleMs: 3_600_000,
      onScan: (detection, marks) => {
        clearTimeout(timer);
        resolve({ detection, marks });
      },
    });
  });
}

async function scanner(index: DetectionIndex, packed: PackedMatcher): Promise<RunResult> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  const slices: number[] = [];
  const sliceSpans: [number, number][] = [];
  let sliceStart = 0;
  let t0 = 0;
  /** Ends the slice running since `sliceStart`; returns when it ended. */
  const endSlice = () => {
    const end = now();
    slices.push(end - sliceStart);
    sliceSpans.push([sliceStart - t0, end - t0]);
    return end;
  };
  // Each slice runs from a resume to the next yield: wrap the yield the scanner calls, and the idle
  // callback it waits for before it starts (see whenIdle in src/content/slices.ts).
  const original = scheduler?.yield?.bind(scheduler);
  if (scheduler && original) {
    scheduler.yield = () => {
      endSlice();
      return original().then(() => {
        sliceStart = now();
      });
    };
  }
  const unwrappedIdle = window.requestIdleCallback;
  window.requestIdleCallback = (callback, options) => {
    endSlice();
    return unwrappedIdle.call(window, (deadline) => {
      sliceStart = now();
      callback(deadline);
    }, options);
  };
  const stop = watchLongTasks();
  const controller = new AbortController();
  t0 = performance.mark(SCAN_MARK).startTime;
  sliceStart = t0;
  const mentions = (await firstScan(index, packed, controller.signal)).detection.mentions.length;
  const t1 = endSlice();
  if (scheduler && original) delete scheduler.yield; // back to the prototype's
  window.requestIdleCallback = unwrappedIdle; // a method of the window itself (a [Global] interface), not of a prototype
  await marksRegistered();
  await nextFrame();
  const settled = now() - t0;
  const tasks = await stop.withSpans(t0);
  const longTasks = tasks.map((t) => t.duration);
  controller.abort();
  return {
    ms: t1 - t0,
    settledMs: settled,
    mentions,
    longestTaskMs: Math.max(...slices, ...longTasks),
    longTasks,
    // Where the longest slice fell (0 = the first, slices - 1 = the last: marking and reporting).
    detail: { slices: original ? slices.length : -1, longestSlice: slices.indexOf(Math.max(...slices)), longestSliceMs: Math.max(...slices) },
    spans: { slices: sliceSpans, longTasks: tasks.map((t) => t.span) },
  };
}

async function markjs(terms: string[]): Promise<RunResult> {
  const stop = watchLongTasks();
  let count = 0;
  const t0 = now();
  // Options chosen to match what ours does: whole terms, case-insensitive, across inline elements;
  // no diacritics expansion (ours does not fold accents either), which also keeps mark.js faster.
  new Mark(document.body).mark(terms, {
    separateWordSearch: false,
    diacritics: false,
    acrossElements: true,
    done: (n: number) => {
      count = n;
    },
  });
  const ms = now() - t0;
  await nextFrame();
  const settledMs = now() - t0;
  const longTasks = await stop();
  return { ms, settledMs, mentions: count, longestTaskMs: Math.max(ms, ...longTasks), longTasks };
}

/** The page's own DOM work: 2,000 elements inserted and removed, one after another. */
function burst(): number {
  const t0 = now();
  const box = document.createElement('div');
  document.body.append(box);
  for (let i = 0; i < 2000; i++) {
    const span = document.createElement('span');
    span.textContent = 'x';
    box.append(span);
    span.remove();
  }
  box.remove();
  return now() - t0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Five bursts, fastest first. */
const fiveBursts = () => [burst(), burst(), burst(), burst(), burst()].sort((a, b) => a - b);

/**
 * The page's own DOM work on a page the real scanner has marked (`scanned`), on the same page
 * untouched, or with only what any scan needs (`observed`: an idle MutationObserver with the
 * scanner's options, and the page's text read once as the floor reads it): what our marks cost the
 * page afterwards. Live Ranges made every insertion and removal update each of them.
 *
 * Five bursts soon after (100 ms after the next frame), then five more once the page has been idle
 * for a second, which is the figure judged. Reading a 5 MB page's text, the floor's read as much as
 * ours, leaves V8 marking the heap, DOM included, for up to a second, and the page's work in that time
 * pays for the marking: 56-222 ms a burst instead of 8-17 (traced 2026-12-02; after a forced
 * collection the bursts took their usual time). That is the collection any read of the page starts,
 * printed apart; what stays is our marks' own cost.
 */
async function pageWork(index: DetectionIndex, packed: PackedMatcher, mode: 'untouched' | 'observed' | 'scanned'): Promise<RunResult> {
  const controller = new AbortController();
  const marks = mode === 'scanned' ? (await firstScan(index, packed, controller.signal)).marks.length : 0;
  if (mode === 'observed') {
    // The scanner's options (scanner.ts): the browser makes a record per change for any such observer.
    const observer = new MutationObserver(() => {});
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    controller.signal.addEventListener('abort', () => observer.disconnect());
    readAllText();
  }
  // What the scan left running settles first (its last frame, the observers' first callbacks).
  await nextFrame();
  await sleep(100);
  const soonMs = fiveBursts()[2]!;
  await sleep(1_000);
  const bursts = fiveBursts();
  controller.abort();
  const ms = bursts[2]!;
  return { ms, settledMs: ms, mentions: marks, longestTaskMs: bursts[4]!, longTasks: [], detail: { marks, soonMs } };
}

const bench = { floor, least, ours, scanner, markjs, pageWork, useJavaScript };
export type PageBench = typeof bench;
(globalThis as unknown as { __vlBench: PageBench }).__vlBench = bench;
