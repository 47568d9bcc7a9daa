/**
 * Marking mentions with the CSS Custom Highlight API: ranges registered with the document, one
 * highlight per score band, styled by the content script's manifest CSS (assets/highlights.css).
 * Neither adds nor changes a node of the page. Where the API is missing, nothing is marked here (the
 * overlay's chips still show the scores).
 */
import { scoreBand, type ScoreBand } from './score-band';

const BANDS: ScoreBand[] = ['high', 'good', 'fair'];
const nameOf = (band: ScoreBand) => `versus-lens-${band}`;
/** The names our highlights are registered under (assets/highlights.css styles each). */
export const HIGHLIGHT_NAMES: readonly string[] = BANDS.map(nameOf);

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
      // Each change to the registry costs the next frame in proportion to the ranges registered: on
      // the 5 MB bench page in Chromium 156, with the tint of highlights.css, 15-37 ms for 16 ranges,
      // 38-65 ms for 1,000 and 89-100 ms for 5,000 (1 MB page: 6-9, 17-29, 50-60 ms).
      if (ranges.length === 0) {
        register(highlights); // the last page's marks go at once
        return;
      }
      const byElement = new Map<Element, MarkedRange[]>();
      for (const r of ranges) {
        // The first text node the mark covers, from our own list: no range getter to call.
        const el = r.nodes[0]?.parentElement;
        if (!el) continue;
        const group = byElement.get(el);
        if (group) group.push(r);
        else byElement.set(el, [r]);
      }
      // Registered once the observer's first report has filled them: registered empty first, they
      // made one more change to the registry, and one more such frame. Until then the last marks stay.
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
      for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
    },
  };
}
