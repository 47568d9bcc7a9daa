/**
 * One pass over a text: its normalized symbols and every pattern the automaton finds in them. Two
 * engines give the same result: this module's, in JavaScript, and the WebAssembly one
 * (wasm/wasm-text-scanner.ts), which a cold page runs many times faster. Pure.
 */
import { createHitBuffer, type Automaton } from './aho-corasick';
import { createBuffers, normalizeInto, type Normalized } from './normalize';

export interface TextScan {
  normalized: Normalized;
  /** (pattern, end) pairs in order of end, `end` one past the pattern's last symbol. */
  pairs: Int32Array;
  count: number;
}

/**
 * Scans a text. The result's arrays belong to the scanner: valid until its next call (both engines
 * reuse their buffers from chunk to chunk).
 */
export type TextScanner = (text: string) => TextScan;

export function jsTextScanner(automaton: Automaton): TextScanner {
  const buffers = createBuffers();
  const hits = createHitBuffer();
  return (text) => {
    const normalized = normalizeInto(text, buffers);
    const count = automaton.scan(normalized.symbols, normalized.length, hits);
    return { normalized, pairs: hits.pairs, count };
  };
}
