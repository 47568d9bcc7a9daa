// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MARK_BUCKETS, MAX_OBSERVED_MARKS, createHighlighter, type MarkedRange } from './highlights';

/** The Custom Highlight API as Chromium has it: a registry of named highlights, each a set of ranges. */
class FakeHighlight extends Set<unknown> {}

let registry: Map<string, FakeHighlight>;
beforeEach(() => {
  registry = new Map();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
});
afterEach(() => vi.unstubAllGlobals());

const registered = () => [...registry.values()].reduce((n, h) => n + h.size, 0);

/** `count` paragraphs, each naming a tool twice; a mark per mention. */
function page(count: number, score = 8.6): { marks: MarkedRange[]; paragraphs: HTMLElement[] } {
  document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p>GPT-4o ${i} and GPT-4o</p>`).join('');
  const paragraphs = [...document.querySelectorAll('p')];
  const marks = paragraphs.flatMap((p) =>
    [0, 11 + String(paragraphs.indexOf(p)).length].map((at) => {
      const text = p.firstChild as Text;
      return { startContainer: text, startOffset: at, endContainer: text, endOffset: at + 6, nodes: [text], score, toolId: 'gpt-4o' };
    }),
  );
  return { marks, paragraphs };
}

/** IntersectionObservers driven by the test; `show` reports to the last one made unless told which. */
function fakeObserver() {
  interface Fake {
    observed: Element[];
    callback: IntersectionObserverCallback;
    margin: string;
    disconnected: boolean;
  }
  const made: Fake[] = [];
  const state = {
    made,
    get observed() {
      return made.at(-1)!.observed;
    },
    get margin() {
      return made.at(-1)!.margin;
    },
  };
  const factory = (callback: IntersectionObserverCallback, options: IntersectionObserverInit) => {
    const fake: Fake = { observed: [], callback, margin: options.rootMargin ?? '', disconnected: false };
    made.push(fake);
    return { observe: (el: Element) => void fake.observed.push(el), disconnect: () => void (fake.disconnected = true) };
  };
  const show = (els: Element[], isIntersecting: boolean, to: Fake = made.at(-1)!) =>
    to.callback(els.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry), {} as IntersectionObserver);
  return { state, factory, show };
}

describe('createHighlighter', () => {
  it('registers the marks near the viewport, each in its score band, once the observer first reports', () => {
    const io = fakeObserver();
    const { marks, paragraphs } = page(10);
    const h = createHighlighter(io.factory);
    h.mark([...marks.slice(0, 4), ...marks.slice(4).map((m) => ({ ...m, score: 6.2 }))]);
    expect(registry.size).toBe(0); // nothing registered empty: each change to the registry costs a frame
    io.show(paragraphs.slice(0, 6), true);
    io.show(paragraphs.slice(6), false);
    expect(registered()).toBe(12);
    expect(registry.get('versus-lens-high')!.size).toBe(4);
    expect(registry.get('versus-lens-fair')!.size).toBe(8);
  });

  it('registers only those whose text is near the viewport, and follows the scroll', () => {
    const io = fakeObserver();
    const { marks, paragraphs } = page(MAX_OBSERVED_MARKS / 2); // two marks per paragraph
    createHighlighter(io.factory).mark(marks);
    expect(registered()).toBe(0); // nothing until the observer reports
    expect(io.state.made).toHaveLength(1);
    expect(io.state.observed).toHaveLength(MAX_OBSERVED_MARKS / 2); // one target per element, not per mark
    expect(io.state.margin).toBe('100% 0px');

    io.show(paragraphs.slice(0, 30), true);
    expect(registered()).toBe(60);
    // A range is made only for a mark that comes near: most of a long page's never need one.
    expect(marks.filter((m) => m.range !== undefined)).toHaveLength(60);
    io.show(paragraphs.slice(0, 10), false);
    io.show(paragraphs.slice(30, 40), true);
    expect(registered()).toBe(60);
    expect([...registry.get('versus-lens-high')!]).toContain(marks[60]!.range);
    expect([...registry.get('versus-lens-high')!]).not.toContain(marks[0]!.range);
  });

  it('keeps the last marks until the new ones are in, and no marks clears them at once', () => {
    const io = fakeObserver();
    const { marks, paragraphs } = page(10);
    const h = createHighlighter(io.factory);
    h.mark(marks);
    io.show(paragraphs, true);
    expect(registered()).toBe(20);
    h.mark(marks.slice(0, 2));
    expect(registered()).toBe(20); // the last marks, until the observer reports
    io.show(paragraphs.slice(0, 1), true);
    expect(registered()).toBe(2);
    h.mark([]);
    expect(registered()).toBe(0);
  });

  it('a new mark() or clear() disconnects the observers of the last one', () => {
    const io = fakeObserver();
    const { marks, paragraphs } = page(MAX_OBSERVED_MARKS / 2 + 1);
    const h = createHighlighter(io.factory);
    h.mark(marks); // two observers
    h.mark(marks.slice(0, 5)); // one
    expect(io.state.made.map((o) => o.disconnected)).toEqual([true, true, false]);
    io.show(paragraphs.slice(0, 3), true);
    expect(registered()).toBe(5);
    h.mark(marks);
    h.clear();
    expect(io.state.made.every((o) => o.disconnected)).toBe(true);
    expect(registry.size).toBe(0);
  });

  it('beyond MAX_OBSERVED_MARKS, watches runs of marks by their first elements, from both sides', () => {
    const io = fakeObserver();
    const count = MARK_BUCKETS * 5; // five paragraphs (ten marks) per run
    const { marks, paragraphs } = page(count);
    createHighlighter(io.factory).mark(marks);
    const [before, after] = io.state.made;
    expect(io.state.made).toHaveLength(2);
    expect(before!.margin).toBe('10000000px 0px 100% 0px');
    expect(after!.margin).toBe('100% 0px 10000000px 0px');
    // Each run's first paragraph, and the last paragraph: 201 targets each, not 1,000.
    const firsts = [...paragraphs.filter((_, i) => i % 5 === 0), paragraphs[count - 1]!];
    expect(before!.observed).toEqual(firsts);
    expect(after!.observed).toEqual(firsts);

    // The viewport inside the 41st run, far from any run's first element: runs 0-40 start before
    // it, runs 41 on end after it.
    io.show(firsts.slice(0, 41), true, before);
    io.show(firsts.slice(41), false, before);
    expect(registered()).toBe(0); // not until both observers have reported
    io.show(firsts.slice(0, 41), false, after);
    io.show(firsts.slice(41), true, after);
    expect(registered()).toBe(10);
    const inRun = (k: number) => marks.slice(k * 10, k * 10 + 10).map((m) => m.range);
    expect([...registry.get('versus-lens-high')!]).toEqual(inRun(40));

    // A jump to the end: the last run's first paragraph and the last paragraph are now before the
    // near area's end, and only the last paragraph ends after its start.
    io.show(firsts.slice(41), true, before);
    io.show(firsts.slice(41, 200), false, after);
    expect(new Set(registry.get('versus-lens-high'))).toEqual(new Set(inRun(199)));
  });

  it('an element that starts many runs (a long paragraph of marks) shows them all when near, and none when far', () => {
    const io = fakeObserver();
    const { marks, paragraphs } = page(1);
    const many = Array.from({ length: MARK_BUCKETS * 3 }, (_, i) => ({ ...marks[i % 2]!, toolId: `t${i}` }));
    createHighlighter(io.factory).mark(many);
    const [before, after] = io.state.made;
    expect(before!.observed).toEqual(paragraphs); // one target for all the runs' firsts and the last
    io.show(paragraphs, true, before);
    io.show(paragraphs, true, after);
    expect(registered()).toBe(many.length);
    io.show(paragraphs, false, after); // scrolled past: it ends above the near area
    expect(registered()).toBe(0);
  });

  it('a run whose first element is near is registered with the run before it', () => {
    const io = fakeObserver();
    const { marks } = page(MAX_OBSERVED_MARKS / 2 + 1);
    createHighlighter(io.factory).mark(marks);
    const [before, after] = io.state.made;
    const firsts = before!.observed;
    expect(firsts.length).toBeLessThanOrEqual(MARK_BUCKETS + 1);
    // The third run's first element in the near area: run 1 ends there, run 2 starts there.
    io.show(firsts.slice(0, 3), true, before);
    io.show(firsts.slice(3), false, before);
    io.show(firsts.slice(0, 2), false, after);
    io.show(firsts.slice(2), true, after);
    const perRun = Math.ceil(marks.length / MARK_BUCKETS);
    expect(registered()).toBe(perRun * 2);
  });
});

describe('the highlight styles (assets/highlights.css)', () => {
  it('give each band a tint and nothing that makes the browser walk the whole page on each change', () => {
    const css = readFileSync('assets/highlights.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const rules = [...css.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)];
    expect(rules.map((r) => r[1])).toEqual(['versus-lens-high', 'versus-lens-good', 'versus-lens-fair']);
    for (const [, , body] of rules) {
      const properties = body!.split(';').map((d) => d.split(':')[0]!.trim()).filter(Boolean);
      // text-decoration (and text-shadow, which paints outside the text as well) made Chromium walk
      // every node of the page in the frame after each registry change: 183-268 ms on a 5 MB page.
      expect(properties).toEqual(['background-color']);
    }
  });
});
