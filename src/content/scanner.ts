/**
 * The content script's loop: read the page's text, detect the tools, mark them, report them; again
 * after the page changes (throttled) or navigates within the app. Everything stops with `signal`.
 */
import { createDetector, type PageDetection } from '../detect/detector';
import type { DetectionIndex } from '../detect/detection-index';
import { collectPageText, rangeFor } from '../detect/dom/page-text';
import type { PageReport } from '../messaging/protocol';
import { createHighlighter, type MarkedRange } from '../overlay/highlights';
import { readPageContext } from './page-context';

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

  const scan = () => {
    if (signal.aborted) return;
    const root = win.document.body ?? win.document.documentElement;
    if (!root) return;
    const page = collectPageText(root, { ignore: options.ownHost?.() ?? null });
    const detection = detector.detectPage(page.text, readPageContext(win));
    const marks: MarkedRange[] = detection.mentions.flatMap((m) => {
      const range = rangeFor(page, m.start, m.end);
      return range ? [{ range, score: scores.get(m.toolId) ?? 0, toolId: m.toolId }] : [];
    });
    if (options.highlight?.() ?? true) highlighter.mark(marks);
    else highlighter.clear();
    const payload: PageReport = {
      url: win.location.href,
      mentions: Object.entries(detection.counts).map(([toolId, count]) => ({ toolId, count: count as number })),
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
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleScan = () => {
    if (timer !== undefined || signal.aborted) return;
    timer = setTimeout(() => {
      timer = undefined;
      scan();
    }, options.throttleMs ?? 400);
  };

  const observer = new MutationObserver((records) => {
    const host = options.ownHost?.();
    if (records.every((r) => host && (r.target === host || host.contains(r.target)))) return;
    scheduleScan();
  });
  observer.observe(win.document.documentElement, { childList: true, subtree: true, characterData: true });

  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    highlighter.clear();
  });

  scan();
  return {
    scan,
    /** After an in-app navigation: the old results are replaced, not merged. */
    rescanNow: () => {
      lastReported = '';
      scan();
    },
  };
}
