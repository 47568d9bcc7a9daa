/**
 * Marking mentions with the CSS Custom Highlight API: ranges registered with the document, one
 * highlight per score band, styled by the content script's manifest CSS (assets/highlights.css).
 * Neither adds nor changes a node of the page. Where the API is missing, nothing is marked here (the
 * overlay's chips still show the scores).
 */
import { scoreBand, type ScoreBand } from './score-band';

const BANDS: ScoreBand[] = ['high', 'good', 'fair'];
const nameOf = (band: ScoreBand) => `versus-lens-${band}`;

// Our own world's globals: a content script's CSS and Highlight are not the page's, which it may override.
export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export interface MarkedRange {
  /** A StaticRange in browsers that have them (see spanFor in detect/dom/page-text.ts). */
  range: AbstractRange;
  /** The text nodes the range covers: the overlay finds the mark under the pointer through them. */
  nodes: readonly Text[];
  score: number;
  toolId: string;
}

type ObserverFactory = (callback: IntersectionObserverCallback, options: IntersectionObserverInit) => Pick<IntersectionObserver, 'observe' | 'disconnect'>;

const defaultObserver: ObserverFactory = (callback, options) => new IntersectionObserver(callback, options);

export function createHighlighter(observe: ObserverFactory = defaultObserver) {
  const supported = highlightSupported();
  let observer: Pick<IntersectionObserver, 'disconnect'> | undefined;

  const register = (highlights: Map<ScoreBand, Highlight>) => {
    for (const [band, highlight] of highlights) CSS.highlights.set(nameOf(band), highlight);
  };

  return {
    supported,
    /** Replace all our marks with these. */
    mark(ranges: MarkedRange[]): void {
      if (!supported) return;
      observer?.disconnect();
      observer = undefined;
      const highlights = new Map(BANDS.map((band) => [band, new Highlight()]));
      // Only the marks near the viewport are registered, and they follow the scroll (an
      // IntersectionObserver on the marked text's elements, one viewport of margin above and below).
      // Every change to the registry costs the next frame a walk of the whole page: on the 5 MB bench
      // page in Chromium 156 that frame took 130-150 ms with the 16 marks near the top registered,
      // and 405-445 ms with 1,000 marks further down; on the 50 KB page, 3-6 ms against 13-21 ms for
      // all of its 179.
      if (ranges.length === 0) {
        register(highlights); // the last page's marks go at once
        return;
      }
      const byElement = new Map<Element, MarkedRange[]>();
      for (const r of ranges) {
        const container = r.range.startContainer;
        const el = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
        if (!el) continue;
        const group = byElement.get(el);
        if (group) group.push(r);
        else byElement.set(el, [r]);
      }
      // Registered once the observer's first report has filled them: registered empty first, they
      // cost a walk of the page in the frame before too (an 83 ms PrePaint in one trace of the 5 MB
      // page). Until then the last marks stay.
      let registered = false;
      const io = observe(
        (entries) => {
          for (const entry of entries) {
            for (const r of byElement.get(entry.target) ?? []) {
              const highlight = highlights.get(scoreBand(r.score))!;
              if (entry.isIntersecting) highlight.add(r.range);
              else highlight.delete(r.range);
            }
          }
          if (!registered) {
            registered = true;
            register(highlights);
          }
        },
        { rootMargin: '100% 0px' },
      );
      for (const el of byElement.keys()) io.observe(el);
      observer = io;
    },
    clear(): void {
      observer?.disconnect();
      observer = undefined;
      if (!supported) return;
      for (const band of BANDS) CSS.highlights.delete(nameOf(band));
    },
  };
}
