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

/**
 * Up to this many marks are registered at once. Beyond it, only the marks near the viewport are:
 * every change to the registry makes the next frame re-walk the painted tree along every registered
 * range, and 5,000 ranges spread over a 5 MB page made that one frame of 50–150 ms, where the 300 at
 * the top cost 4–7 ms. What is registered follows the scroll (an IntersectionObserver on the marked
 * text's elements, one viewport of margin above and below).
 */
export const MARK_ALL_UP_TO = 1000;

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
      if (ranges.length <= MARK_ALL_UP_TO) {
        for (const r of ranges) highlights.get(scoreBand(r.score))!.add(r.range);
        register(highlights);
        return;
      }
      // Many marks: group them by the element holding their text, and register a group while that
      // element is within a viewport of the visible area.
      const byElement = new Map<Element, MarkedRange[]>();
      for (const r of ranges) {
        const container = r.range.startContainer;
        const el = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
        if (!el) continue;
        const group = byElement.get(el);
        if (group) group.push(r);
        else byElement.set(el, [r]);
      }
      register(highlights);
      const io = observe(
        (entries) => {
          for (const entry of entries) {
            for (const r of byElement.get(entry.target) ?? []) {
              const highlight = highlights.get(scoreBand(r.score))!;
              if (entry.isIntersecting) highlight.add(r.range);
              else highlight.delete(r.range);
            }
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
