/**
 * Marking mentions with the CSS Custom Highlight API: ranges registered with the document, one
 * highlight per score band, styled by a constructed stylesheet adopted by the document. Neither adds
 * nor changes a node of the page. Where the API is missing, nothing is marked here (the overlay's
 * chips still show the scores).
 */
import { scoreBand, type ScoreBand } from './score-band';

const BANDS: ScoreBand[] = ['high', 'good', 'fair'];
const nameOf = (band: ScoreBand) => `versus-lens-${band}`;

const HIGHLIGHT_CSS = `
::highlight(versus-lens-high) { background-color: rgba(34, 197, 94, 0.28); text-decoration: underline 2px rgba(22, 163, 74, 0.9); }
::highlight(versus-lens-good) { background-color: rgba(59, 130, 246, 0.22); text-decoration: underline 2px rgba(37, 99, 235, 0.9); }
::highlight(versus-lens-fair) { background-color: rgba(245, 158, 11, 0.25); text-decoration: underline 2px rgba(217, 119, 6, 0.9); }
`;

// Our own world's globals: a content script's CSS and Highlight are not the page's, which it may override.
export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export interface MarkedRange {
  range: Range;
  score: number;
  toolId: string;
}

export function createHighlighter(doc: Document = document) {
  const supported = highlightSupported();
  let sheet: CSSStyleSheet | undefined;

  const ensureSheet = () => {
    if (sheet || !supported) return;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    } catch {
      sheet = undefined; // a page that forbids it keeps its look; chips still show scores
    }
  };

  return {
    supported,
    /** Replace all our marks with these. */
    mark(ranges: MarkedRange[]): void {
      if (!supported) return;
      ensureSheet();
      for (const band of BANDS) {
        const highlight = new Highlight(...ranges.filter((r) => scoreBand(r.score) === band).map((r) => r.range));
        CSS.highlights.set(nameOf(band), highlight);
      }
    },
    clear(): void {
      if (!supported) return;
      for (const band of BANDS) CSS.highlights.delete(nameOf(band));
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      sheet = undefined;
    },
  };
}
