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
  range: Range;
  score: number;
  toolId: string;
}

export function createHighlighter() {
  const supported = highlightSupported();
  return {
    supported,
    /** Replace all our marks with these. */
    mark(ranges: MarkedRange[]): void {
      if (!supported) return;
      for (const band of BANDS) {
        const highlight = new Highlight(...ranges.filter((r) => scoreBand(r.score) === band).map((r) => r.range));
        CSS.highlights.set(nameOf(band), highlight);
      }
    },
    clear(): void {
      if (!supported) return;
      for (const band of BANDS) CSS.highlights.delete(nameOf(band));
    },
  };
}
