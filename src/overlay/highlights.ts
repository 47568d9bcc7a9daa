/**
 * Marking mentions with the CSS Custom Highlight API: ranges registered with the document, one
 * highlight per score band, styled by the content script's manifest CSS (assets/highlights.css).
 * Neither adds nor changes a node of the page. Where the API is missing, nothing is marked here (the
 * overlay's chips still show the scores).
 */
import { rangeOf, type Span } from '../detect/dom/page-text';
import { scoreBand, type ScoreBand } from './score-band';

const BANDS: ScoreBand[] = ['high', 'good', 'fair'];
const nameOf = (band: ScoreBand) => `versus-lens-${band}`;
/** The names our highlights are registered under (assets/highlights.css styles each). */
export const HIGHLIGHT_NAMES: readonly string[] = BANDS.map(nameOf);

// Our own world's globals: a content script's CSS and Highlight are not the page's, which it may override.
export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A mark: its span (the overlay finds the mark under the pointer through the span's text nodes), score and tool. */
export interface MarkedRange extends Span {
  score: number;
  toolId: string;
  /** Its range, made by the highlighter when the mark is first near the viewport (see `rangeOf`). */
  range?: AbstractRange;
}

type ObserverFactory = (callback: IntersectionObserverCallback, options: IntersectionObserverInit) => Pick<IntersectionObserver, 'observe' | 'disconnect'>;

const defaultObserver: ObserverFactory = (callback, options) => new IntersectionObserver(callback, options);

/**
 * Up to this many marks, the element of each is observed (at most this many elements). Chromium
 * computes every target's intersection in each frame that scrolls or lays out: on the 5 MB bench page
 * in Chromium 156, the first frame took 37-43 ms for 5,000 targets, 7.5 ms for 1,000 and 1.5 ms for
 * 200, and in the scanner's frames, with V8 collecting at the same time, 86-206 ms for 5,000.
 */
export const MAX_OBSERVED_MARKS = 400;
/** Beyond that, the marks are cut into this many runs, each watched by its first mark's element. */
export const MARK_BUCKETS = 200;
/**
 * A margin that reaches past the end of any page (the 5 MB bench page is 1.8 million px tall), for
 * the observers that tell which side of the viewport a run's first element is on. Chromium's layout
 * lengths end at about 33 million px.
 */
const FAR = '10000000px';

/** Marks that are registered or left out together. */
interface Bucket {
  ranges: MarkedRange[];
  near: boolean;
}
/** Registers a bucket's marks, or takes them out. */
type Show = (bucket: Bucket, near: boolean) => void;
/** Starts an IntersectionObserver with this margin on these targets. */
type Watch = (margin: string, targets: Iterable<Element>, update: (entries: IntersectionObserverEntry[]) => void) => void;

/**
 * The element holding the first text node a mark covers, from the mark's own list of nodes (no range
 * getter to call); null when that node has left the page.
 */
const elementOf = (mark: MarkedRange): Element | null => mark.nodes[0]?.parentElement ?? null;

/** Each marked element observed, its marks registered while it is near. */
function watchEach(ranges: MarkedRange[], show: Show, watch: Watch): void {
  const buckets = new Map<Element, Bucket>();
  for (const r of ranges) {
    const el = elementOf(r);
    if (!el) continue;
    const bucket = buckets.get(el);
    if (bucket) bucket.ranges.push(r);
    else buckets.set(el, { ranges: [r], near: false });
  }
  watch('100% 0px', buckets.keys(), (entries) => {
    for (const entry of entries) show(buckets.get(entry.target)!, entry.isIntersecting);
  });
}

/**
 * Runs of marks in the text's order (MARK_BUCKETS of them), each watched by the element of its first
 * mark. A run is near when its first element starts above the near area's end and the next run's
 * first element (the last mark's, after the last run) ends below the near area's start: two observers
 * whose areas reach past the page's ends tell each side, and they stay right after any jump of the
 * scroll, since a target that passes from one side to the other crosses their edge. Only these
 * elements are looked up: asking each of the 3,320 marks of the 1 MB bench page for its element, and
 * grouping them by it, took 4-5 ms of the scan.
 */
function watchRuns(ranges: MarkedRange[], show: Show, watch: Watch): void {
  const size = Math.ceil(ranges.length / MARK_BUCKETS);
  const buckets: Bucket[] = [];
  const firsts: Element[] = [];
  /** The element of the first mark in [from, to) that still has one, stepping by `step` (-1: from the end). */
  const elementFrom = (from: number, to: number, step = 1): Element | null => {
    for (let i = from; i !== to; i += step) {
      const el = elementOf(ranges[i]!);
      if (el) return el;
    }
    return null;
  };
  for (let i = 0; i < ranges.length; i += size) {
    const el = elementFrom(i, Math.min(i + size, ranges.length));
    // A run with no element (its text nodes gone from the page) joins the run before it.
    if (el) {
      buckets.push({ ranges: ranges.slice(i, i + size), near: false });
      firsts.push(el);
    } else if (buckets.length > 0) buckets[buckets.length - 1]!.ranges.push(...ranges.slice(i, i + size));
  }
  const last = elementFrom(ranges.length - 1, -1, -1);
  if (last === null) return;
  firsts.push(last);
  const startsBefore = firsts.map(() => false);
  const endsAfter = firsts.map(() => false);
  // An element can be the first of several runs (one holding many marks), and the last mark's.
  const at = new Map<Element, number[]>();
  firsts.forEach((el, i) => at.set(el, [...(at.get(el) ?? []), i]));
  const side = (flags: boolean[]) => (entries: IntersectionObserverEntry[]) => {
    const touched = new Set<number>();
    for (const entry of entries) {
      for (const i of at.get(entry.target) ?? []) {
        flags[i] = entry.isIntersecting;
        if (i > 0) touched.add(i - 1);
        if (i < buckets.length) touched.add(i);
      }
    }
    for (const k of touched) show(buckets[k]!, startsBefore[k]! && endsAfter[k + 1]!);
  };
  watch(`${FAR} 0px 100% 0px`, at.keys(), side(startsBefore));
  watch(`100% 0px ${FAR} 0px`, at.keys(), side(endsAfter));
}

export function createHighlighter(observe: ObserverFactory = defaultObserver) {
  const supported = highlightSupported();
  let observers: Pick<IntersectionObserver, 'disconnect'>[] = [];
  const disconnect = () => {
    for (const o of observers) o.disconnect();
    observers = [];
  };

  const register = (highlights: Map<ScoreBand, Highlight>) => {
    for (const [band, highlight] of highlights) CSS.highlights.set(nameOf(band), highlight);
  };

  return {
    supported,
    /** Replace all our marks with these. */
    mark(ranges: MarkedRange[]): void {
      if (!supported) return;
      disconnect();
      const highlights = new Map(BANDS.map((band) => [band, new Highlight()]));
      // Only the marks near the viewport (one viewport of margin above and below) are registered,
      // and they follow the scroll. Each change to the registry costs the next frame in proportion to
      // the ranges registered: on the 5 MB bench page in Chromium 156, with the tint of
      // highlights.css, 15-37 ms for 16 ranges, 38-65 ms for 1,000 and 89-100 ms for 5,000 (1 MB
      // page: 6-9, 17-29, 50-60 ms).
      if (ranges.length === 0) {
        register(highlights); // the last page's marks go at once
        return;
      }
      const show: Show = (bucket, near) => {
        if (bucket.near === near) return;
        bucket.near = near;
        for (const r of bucket.ranges) {
          const highlight = highlights.get(scoreBand(r.score))!;
          if (near) highlight.add((r.range ??= rangeOf(r)));
          else if (r.range) highlight.delete(r.range);
        }
      };
      // Registered once every observer's first report has filled them: registered empty first, they
      // made one more change to the registry, and one more such frame. Until then the last marks stay.
      let waiting = 0;
      const watch: Watch = (margin, targets, update) => {
        let reported = false;
        waiting++;
        const io = observe(
          (entries) => {
            update(entries);
            if (!reported) {
              reported = true;
              if (--waiting === 0) register(highlights);
            }
          },
          { rootMargin: margin },
        );
        for (const el of targets) io.observe(el);
        observers.push(io);
      };
      if (ranges.length <= MAX_OBSERVED_MARKS) watchEach(ranges, show, watch);
      else watchRuns(ranges, show, watch);
    },
    clear(): void {
      disconnect();
      if (!supported) return;
      for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
    },
  };
}
