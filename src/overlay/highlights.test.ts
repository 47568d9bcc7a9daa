// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlighter, type MarkedRange } from './highlights';

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
    const { marks, paragraphs } = page(500); // two marks per paragraph
    createHighlighter(io.factory).mark(marks);
    expect(registered()).toBe(0); // nothing until the observer reports
    expect(io.state.observed).toHaveLength(500); // one target per element, not per mark
    expect(io.state.margin).toBe('100% 0px');

    io.show(paragraphs.slice(0, 30), true);
    expect(registered()).toBe(60);
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

  it('a new mark() or clear() disconnects the observer of the last one', () => {
    const io = fakeObserver();
    const { marks, paragraphs } = page(50);
    const h = createHighlighter(io.factory);
    h.mark(marks);
    h.mark(marks.slice(0, 5));
    expect(io.state.disconnected).toBe(true);
    io.show(paragraphs.slice(0, 3), true);
    expect(registered()).toBe(5);
    io.state.disconnected = false;
    h.mark(marks);
    h.clear();
    expect(io.state.disconnected).toBe(true);
    expect(registry.size).toBe(0);
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
