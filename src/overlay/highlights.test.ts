// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlighter, MARK_ALL_UP_TO, type MarkedRange } from './highlights';

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
      const range = document.createRange();
      range.setStart(p.firstChild!, at);
      range.setEnd(p.firstChild!, at + 6);
      return { range, nodes: [p.firstChild as Text], score, toolId: 'gpt-4o' };
    }),
  );
  return { marks, paragraphs };
}

/** An IntersectionObserver driven by the test. */
function fakeObserver() {
  const state = { observed: [] as Element[], callback: undefined as undefined | IntersectionObserverCallback, disconnected: false, margin: '' };
  const factory = (callback: IntersectionObserverCallback, options: IntersectionObserverInit) => {
    state.callback = callback;
    state.margin = options.rootMargin ?? '';
    return { observe: (el: Element) => void state.observed.push(el), disconnect: () => void (state.disconnected = true) };
  };
  const show = (els: Element[], isIntersecting: boolean) =>
    state.callback!(els.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry), {} as IntersectionObserver);
  return { state, factory, show };
}

describe('createHighlighter', () => {
  it('registers every mark at once on an ordinary page, each in its score band', () => {
    const io = fakeObserver();
    const { marks } = page(10);
    const low = page(0).marks; // nothing
    createHighlighter(io.factory).mark([...marks.slice(0, 4), ...marks.slice(4).map((m) => ({ ...m, score: 6.2 })), ...low]);
    expect(registered()).toBe(20);
    expect(registry.get('versus-lens-high')!.size).toBe(4);
    expect(registry.get('versus-lens-fair')!.size).toBe(16);
    expect(io.state.observed).toHaveLength(0);
  });

  it('on a page with many marks, registers only those whose text is near the viewport, and follows the scroll', () => {
    const io = fakeObserver();
    const { marks, paragraphs } = page(MARK_ALL_UP_TO); // two marks per paragraph: twice the limit
    createHighlighter(io.factory).mark(marks);
    expect(registered()).toBe(0); // nothing until the observer reports
    expect(io.state.observed).toHaveLength(MARK_ALL_UP_TO); // one target per element, not per mark
    expect(io.state.margin).toBe('100% 0px');

    io.show(paragraphs.slice(0, 30), true);
    expect(registered()).toBe(60);
    io.show(paragraphs.slice(0, 10), false);
    io.show(paragraphs.slice(30, 40), true);
    expect(registered()).toBe(60);
    expect([...registry.get('versus-lens-high')!]).toContain(marks[60]!.range);
    expect([...registry.get('versus-lens-high')!]).not.toContain(marks[0]!.range);
  });

  it('a new mark() or clear() disconnects the observer of the last one', () => {
    const io = fakeObserver();
    const { marks } = page(MARK_ALL_UP_TO);
    const h = createHighlighter(io.factory);
    h.mark(marks);
    h.mark(marks.slice(0, 5));
    expect(io.state.disconnected).toBe(true);
    expect(registered()).toBe(5);
    io.state.disconnected = false;
    h.mark(marks);
    h.clear();
    expect(io.state.disconnected).toBe(true);
    expect(registry.size).toBe(0);
  });
});
