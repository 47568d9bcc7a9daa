/**
 * The content script's loop: read the page's text, detect the tools, mark them, report them; again
 * after the page changes (throttled) or navigates within the app. Everything stops with `signal`.
 */
import { createDetector, type Mention, type PageDetection } from '../detect/detector';
import type { DetectionIndex } from '../detect/detection-index';
import { createTextCollector, rangeFor } from '../detect/dom/page-text';
import type { PageReport } from '../messaging/protocol';
import { createHighlighter, type MarkedRange } from '../overlay/highlights';
import { readPageContext } from './page-context';
import { chunkBounds, deadlineIn, yieldToMain } from './slices';

/** Text matched in one go below this size; above it, chunk by chunk between yields. */
const CHUNK_CHARS = 200_000;
/** Pathological pages: read at most this much text (about 20 MB). */
const MAX_CHARS = 20_000_000;
/** Highlights drawn at most (every mention still counts). */
const MAX_MARKS = 5_000;

export interface ScannerOptions {
  index: DetectionIndex;
  signal: AbortSignal;
  report: (report: PageReport) => Promise<void>;
  /** Our host element, never read. */
  ownHost?: () => Element | null;
  /** Quiet time after the last page change before rescanning. */
  throttleMs?: number;
  onScan?: (detection: PageDetection, marks: MarkedRange[], report: PageReport) => void;
  /** Whether to draw highlights (the display setting); read at each scan. */
  highlight?: () => boolean;
}

export function startScanner(win: Window, options: ScannerOptions) {
  const { index, signal, report } = options;
  const detector = createDetector(index);
  const scores = new Map(index.tools.map((t) => [t.id, t.overall]));
  const highlighter = createHighlighter(win.document);
  let lastReported = '';

  // Each scan has a generation; a newer scan makes an older one stop at its next yield.
  let generation = 0;

  /** Read, match and mark in slices of a few milliseconds; false when a newer scan took over. */
  /** How long the last full scan took, slices and yields included: busy pages get scanned less often. */
  let lastScanMs = 0;

  const scan = async (): Promise<boolean> => {
    const began = performance.now();
    const mine = ++generation;
    const stale = () => signal.aborted || mine !== generation;
    const root = win.document.body ?? win.document.documentElement;
    if (stale() || !root) return false;

    const collector = createTextCollector(root, { ignore: options.ownHost?.() ?? null, maxChars: MAX_CHARS });
    while (!collector.step(deadlineIn())) {
      await yieldToMain();
      if (stale()) return false;
    }
    const page = collector.result();
    const context = readPageContext(win);

    let detection: PageDetection;
    if (page.text.length <= CHUNK_CHARS) {
      detection = detector.detectPage(page.text, context);
    } else {
      // A large page: match chunk by chunk (cut at block breaks), yielding between chunks. The page's
      // subject and kind come from its head (title, URL, first chunk), where a page says what it is.
      const mentions: Mention[] = [];
      const counts: Record<string, number> = {};
      for (const [start, end] of chunkBounds(page.text, CHUNK_CHARS)) {
        for (const m of detector.detect(page.text.slice(start, end), context)) {
          mentions.push({ ...m, start: m.start + start, end: m.end + start });
          counts[m.toolId] = (counts[m.toolId] ?? 0) + 1;
        }
        await yieldToMain();
        if (stale()) return false;
      }
      const head = detector.detectPage(page.text.slice(0, CHUNK_CHARS), context);
      detection = { mentions, counts, subject: head.subject, isPricingPage: head.isPricingPage };
    }

    const marks: MarkedRange[] = [];
    let deadline = deadlineIn();
    for (const m of detection.mentions.slice(0, MAX_MARKS)) {
      const range = rangeFor(page, m.start, m.end);
      if (range) marks.push({ range, score: scores.get(m.toolId) ?? 0, toolId: m.toolId });
      if (deadline()) {
        await yieldToMain();
        if (stale()) return false;
        deadline = deadlineIn();
      }
    }
    if (options.highlight?.() ?? true) highlighter.mark(marks);
    else highlighter.clear();
    const payload: PageReport = {
      url: win.location.href,
      mentions: Object.entries(detection.counts).map(([toolId, count]) => ({ toolId, count })),
      subject: detection.subject,
      isPricingPage: detection.isPricingPage,
    };
    options.onScan?.(detection, marks, payload);
    // Report only what changed, so a busy page does not flood the background.
    const key = JSON.stringify(payload);
    if (key !== lastReported) {
      lastReported = key;
      void report(payload).catch(() => {});
    }
    lastScanMs = performance.now() - began;
    return true;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleScan = () => {
    if (timer !== undefined || signal.aborted) return;
    // At most a fifth of the time goes to rescanning, however fast the page changes.
    const wait = Math.max(options.throttleMs ?? 400, lastScanMs * 4);
    timer = setTimeout(() => {
      timer = undefined;
      void scan();
    }, wait);
  };

  const observer = new MutationObserver((records) => {
    const host = options.ownHost?.();
    // Our own host coming and going, and everything inside it, is not a change to the page.
    const ours = (r: MutationRecord) =>
      !!host &&
      (r.target === host ||
        host.contains(r.target) ||
        (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n === host)));
    if (records.every(ours)) return;
    scheduleScan();
  });
  observer.observe(win.document.documentElement, { childList: true, subtree: true, characterData: true });

  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    highlighter.clear();
  });

  void scan();
  return {
    scan,
    /** After an in-app navigation: the old results are replaced, not merged. */
    rescanNow: () => {
      lastReported = '';
      void scan();
    },
  };
}
