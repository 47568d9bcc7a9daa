/**
 * One pass over a text: every whole-word occurrence of every pattern, with its offsets in the text.
 * Two engines give the same result: this module's, in JavaScript, and the WebAssembly one
 * (wasm/wasm-text-scanner.ts), which a cold page runs faster where its policy allows. Pure.
 */
import { createHitBuffer, type Automaton, type AutomatonTables } from './aho-corasick';
import { BREAK, createBuffers, isRealSeparator, normalizeInto, type Normalized } from './normalize';

export interface TextScan {
  /**
   * (pattern, start, end) triples in order of end: `start` and `end` are offsets in the text (UTF-16
   * units, end exclusive) of a hit with a boundary before and after it (a real separator, a break,
   * or the text's edge): "GPT-4o" in "GPT-4o-mini" is one, "o1" in "co1" is not.
   */
  hits: Int32Array;
  count: number;
}

/**
 * Scans a text. The result's array belongs to the scanner: valid until its next call (both engines
 * reuse their buffers from chunk to chunk).
 */
export type TextScanner = (text: string) => TextScan;

/** A pattern may be at most this long (symbols) for the WebAssembly scan, which keeps a ring of 256. */
export const MAX_PATTERN_SYMBOLS = 254;

/** A real (not zero-width) separator or a break, or the edge of the text. */
function isBoundary(n: Normalized, i: number): boolean {
  if (i < 0 || i >= n.length) return true;
  const s = n.symbols[i]!;
  return s === BREAK || isRealSeparator(n, i);
}

export function jsTextScanner(automaton: Automaton, tables: Pick<AutomatonTables, 'lengths'>): TextScanner {
  const buffers = createBuffers();
  const pairs = createHitBuffer();
  let hits = new Int32Array(384);
  return (text) => {
    const n = normalizeInto(text, buffers);
    const found = automaton.scan(n.symbols, n.length, pairs);
    if (hits.length < found * 3) hits = new Int32Array(found * 3);
    let count = 0;
    for (let k = 0; k < found; k++) {
      const pattern = pairs.pairs[k * 2]!;
      const end = pairs.pairs[k * 2 + 1]!;
      const start = end - tables.lengths[pattern]!;
      if (!isBoundary(n, start - 1) || !isBoundary(n, end)) continue;
      hits[count * 3] = pattern;
      hits[count * 3 + 1] = n.starts[start]!;
      hits[count * 3 + 2] = n.starts[end - 1]! + 1; // a pattern ends on a letter or digit: one unit
      count++;
    }
    return { hits, count };
  };
}
