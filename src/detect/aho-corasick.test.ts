import { describe, expect, it } from 'vitest';
import { buildAutomaton, buildTables, type Automaton } from './aho-corasick';
import { ASCII_SYMBOLS, BREAK } from './normalize';

/** The automaton's hits as objects, from the (pattern, end) pairs it writes. */
/** A hit in symbol indices: the first and one past the last symbol. */
interface Hit {
  pattern: number;
  start: number;
  end: number;
}

function scan(a: Automaton, symbols: Int32Array, length: number): Hit[] {
  const into = { pairs: new Int32Array(2) }; // small, so that growing is tested too
  const count = a.scan(symbols, length, into);
  return Array.from({ length: count }, (_, k) => {
    const [pattern, end] = [into.pairs[k * 2]!, into.pairs[k * 2 + 1]!];
    return { pattern, start: end - a.lengthOf(pattern), end };
  });
}

/** Every occurrence of every pattern, found the slow and obvious way, in the automaton's order. */
function bruteForce(patterns: number[][], text: number[]): Hit[] {
  const firstId = new Map<string, number>();
  patterns.forEach((p, id) => {
    if (p.length > 0 && !firstId.has(p.join())) firstId.set(p.join(), id);
  });
  const hits: Hit[] = [];
  for (let end = 1; end <= text.length; end++) {
    const found: Hit[] = [];
    for (const [key, id] of firstId) {
      const p = patterns[id]!;
      const start = end - p.length;
      if (start < 0) continue;
      const slice = text.slice(start, end);
      if (slice.includes(BREAK)) continue;
      if (slice.join() === key) found.push({ pattern: id, start, end });
    }
    // The automaton reports the longest pattern ending here first, then shorter suffixes.
    found.sort((a, b) => a.start - b.start);
    hits.push(...found);
  }
  return hits;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('Aho-Corasick automaton', () => {
  it('finds overlapping and nested patterns, longest first at each end', () => {
    const a = buildAutomaton([[2, 3], [3], [2, 3, 4], [5]]);
    expect(scan(a, Int32Array.from([2, 3, 4, 5]), 4)).toEqual([
      { pattern: 0, start: 0, end: 2 },
      { pattern: 1, start: 1, end: 2 },
      { pattern: 2, start: 0, end: 3 },
      { pattern: 3, start: 3, end: 4 },
    ]);
  });

  it('restarts after a break: no pattern spans one', () => {
    const a = buildAutomaton([[2, 3]]);
    expect(scan(a, Int32Array.from([2, BREAK, 3, 2, 3]), 5)).toEqual([{ pattern: 0, start: 3, end: 5 }]);
  });

  it('handles symbols beyond ASCII (accented and CJK letters) at every depth', () => {
    const e = 0xe9 + 64; // é
    const a = buildAutomaton([[e], [2, e, 3, e], [e, e]]);
    const hits = scan(a, Int32Array.from([2, e, 3, e, e]), 5);
    expect(hits).toEqual(bruteForce([[e], [2, e, 3, e], [e, e]], [2, e, 3, e, e]));
    expect(hits.map((h) => h.pattern)).toContain(1);
  });

  it('reports a pattern registered twice under its first id', () => {
    const a = buildAutomaton([[2, 3], [2, 3]]);
    expect(scan(a, Int32Array.from([2, 3]), 2)).toEqual([{ pattern: 0, start: 0, end: 2 }]);
  });

  it('scans only the first `length` symbols of a larger buffer', () => {
    const a = buildAutomaton([[2, 3]]);
    expect(scan(a, Int32Array.from([2, 3, 2, 3]), 3)).toEqual([{ pattern: 0, start: 0, end: 2 }]);
  });

  it('agrees with brute force on 300 random catalogs and texts (deep states, failure chains, dense and hashed states)', () => {
    const next = random(20261202);
    const alphabet = [1, 2, 3, 4, 5, 28, 29, ASCII_SYMBOLS - 1, 0x4e2d + 64, 0xe9 + 64];
    const pick = () => alphabet[Math.floor(next() * alphabet.length)]!;
    const mismatches: string[] = [];
    for (let round = 0; round < 300; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 7) }, pick),
      );
      const text = Array.from({ length: Math.floor(next() * 60) }, () => (next() < 0.05 ? BREAK : pick()));
      const got = scan(buildAutomaton(patterns), Int32Array.from(text), text.length);
      const want = bruteForce(patterns, text);
      const key = (hits: Hit[]) => hits.map((h) => `${h.end}:${h.start}:${h.pattern}`).sort().join(' ');
      if (key(got) !== key(want)) mismatches.push(`round ${round}: ${JSON.stringify({ patterns, text })}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('numbers its states breadth first: each failure state before its state, dense states first, edges in order', () => {
    // What the WebAssembly scan's set-up relies on to give every state a full row in one pass.
    const next = random(7);
    const patterns = Array.from({ length: 200 }, () => Array.from({ length: 1 + Math.floor(next() * 9) }, () => 2 + Math.floor(next() * 6)));
    patterns.push([0x4e2d + 64, 2, 3, 4, 5], [2, 0xe9 + 64, 3]);
    const t = buildTables(patterns);
    const states = t.row.length;
    const rows = t.dense.length / ASCII_SYMBOLS;
    expect(states).toBeGreaterThan(rows); // there are deep states
    for (let s = 1; s < states; s++) expect(t.fail[s]).toBeLessThan(s);
    for (let s = 0; s < states; s++) expect(t.row[s]).toBe(s < rows ? s : -1);
    for (let e = 3; e < t.edges.length; e += 3) expect(t.edges[e]).toBeGreaterThanOrEqual(t.edges[e - 3]!);
    // And the renumbering keeps the automaton's answers.
    const text = Array.from({ length: 2000 }, () => 2 + Math.floor(next() * 6));
    const key = (hits: Hit[]) => hits.map((h) => `${h.end}:${h.start}:${h.pattern}`).sort().join(' ');
    expect(key(scan(buildAutomaton(patterns), Int32Array.from(text), text.length))).toBe(key(bruteForce(patterns, text)));
  });
});
