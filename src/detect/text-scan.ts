/**
 * One pass over a text: every whole-word occurrence of every pattern, with its offsets in the text.
 * Two engines give the same result: this module's, in JavaScript, and the WebAssembly one
 * (wasm/wasm-text-scanner.ts), which a cold page runs faster where its policy allows. Pure.
 */
import { automatonFrom, createHitBuffer, type AutomatonTables } from './aho-corasick';
import { BREAK, createBuffers, normalizeInto, SEP } from './normalize';

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

export function jsTextScanner(tables: AutomatonTables): TextScanner {
  const automaton = automatonFrom(tables);
  const buffers = createBuffers();
  const pairs = createHitBuffer();
  let hits = new Int32Array(384);
  return (text) => {
    const { symbols, starts, length } = normalizeInto(text, buffers);
    const found = automaton.scan(symbols, length, pairs);
    if (hits.length < found * 3) hits = new Int32Array(found * 3);
    let count = 0;
    // Written out rather than calling a boundary test: on a page this runs cold, once per raw hit.
    // A boundary is a break, a separator that stands for characters (not the zero-width seam of
    // "gpt4o", which starts where the next symbol does), or the text's edge.
    for (let k = 0; k < found; k++) {
      const pattern = pairs.pairs[k * 2]!;
      const end = pairs.pairs[k * 2 + 1]!;
      const start = end - tables.lengths[pattern]!;
      if (start > 0) {
        const before = symbols[start - 1]!;
        if (before !== BREAK && (before !== SEP || starts[start]! === starts[start - 1]!)) continue;
      }
      if (end < length) {
        const after = symbols[end]!;
        if (after !== BREAK && (after !== SEP || (end + 1 < length && starts[end + 1]! === starts[end]!))) continue;
      }
      hits[count * 3] = pattern;
      hits[count * 3 + 1] = starts[start]!;
      hits[count * 3 + 2] = starts[end - 1]! + 1; // a pattern ends on a letter or digit: one unit
      count++;
    }
    return { hits, count };
  };
}
