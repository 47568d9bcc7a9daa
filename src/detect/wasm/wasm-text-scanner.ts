/**
 * The text scan in WebAssembly (text-scan.wat): the same result as text-scan.ts's JavaScript engine,
 * without the cold-code cost a content script pays on every page. Pure: WebAssembly and TextEncoder
 * are language globals, in Node as in the page. Whether a page lets us compile it is another
 * question (policy-allows-wasm.ts).
 *
 * Memory: the ASCII table, the cache of other code points' symbols, the automaton's packed tables as
 * they are (copied in once) with room for the rows the module makes for deeper states, the edge hash
 * the module builds from them, and the ring of the last symbols; after them, per call, the text's
 * UTF-8 and the hits, which the module grows the memory for as it finds them.
 */
import { edgeHashBits, type AutomatonTables } from '../aho-corasick';
import { fromBase64 } from '../base64';
import { ASCII_SYMBOLS, ASCII_TABLE, otherSymbol } from '../normalize';
import type { TextScanner } from '../text-scan';
import { TEXT_SCAN_WASM } from './text-scan-binary';

interface TextScanExports {
  memory: WebAssembly.Memory;
  setup(...args: number[]): void;
  run(input: number, bytes: number, hits: number): number;
}

const moduleBytes = () => fromBase64(TEXT_SCAN_WASM) as Uint8Array<ArrayBuffer>;

/**
 * The module, compiled off the main thread. Undefined where WebAssembly is unavailable or refused: the
 * detector then scans in JavaScript.
 */
export async function compileTextScanModule(): Promise<WebAssembly.Module | undefined> {
  try {
    return await WebAssembly.compile(moduleBytes());
  } catch {
    return undefined;
  }
}

/** The module compiled at once (Node and tests: a browser's main thread should use the async form). */
export function textScanModuleSync(): WebAssembly.Module {
  return new WebAssembly.Module(moduleBytes());
}

const PAGE = 65_536;
/** The module keeps the last 256 symbols (8 bytes each): enough to look one before a pattern this long. */
const RING_BYTES = 256 * 8;
const MAX_PATTERN_SYMBOLS = 254;
/**
 * How many states get a row of their own, breadth first (152 bytes each; the dense states always have
 * theirs). Of the bundled catalog's 2,524 states, the first 1,024 reach depth 5 or 6, and 99.1 % of
 * the scan's steps on the 1 MB bench page are in one of them (against 91.9 % in the 241 dense states
 * alone); rows for all would take 380 KB and a longer set-up on every page for the last 0.9 %. The
 * other states look their edges up in the hash.
 */
export const MAX_FULL_ROWS = 1_024;
const align = (n: number) => (n + 7) & ~7;

/** A scanner over `tables` running in its own instance of `module`. Throws when it cannot be set up. */
export function createWasmTextScanner(module: WebAssembly.Module, tables: AutomatonTables): TextScanner {
  let longest = 0;
  for (const length of tables.lengths) longest = Math.max(longest, length);
  if (longest > MAX_PATTERN_SYMBOLS) throw new Error(`a pattern of ${longest} symbols is longer than the WebAssembly scan's ring`);
  const edgeCount = tables.edges.length / 3;
  const bits = edgeHashBits(edgeCount);
  const states = tables.row.length;
  const rows = tables.dense.length / ASCII_SYMBOLS;
  // The module reads state s's row at s × 38: the dense states must be the first ones, in order, as
  // states numbered breadth first are (it checks the rest of that order as it makes the next rows).
  for (let s = 0; s < rows; s++) if (tables.row[s] !== s) throw new Error("the automaton's states are not numbered breadth first");
  const full = Math.max(rows, Math.min(states, MAX_FULL_ROWS));

  // The fixed part: each array at its address, in this order.
  let end = 0;
  const copies: [Int32Array, number][] = [];
  const place = (values: Int32Array | number) => {
    const at = end;
    if (typeof values === 'number') end = align(at + values);
    else {
      copies.push([values, at]);
      end = align(at + values.length * 4);
    }
    return at;
  };
  const ascii = place(ASCII_TABLE);
  const cache = place(65_536 * 4); // zeros: no code point asked yet
  const dense = place(full * ASCII_SYMBOLS * 4);
  copies.push([tables.dense, dense]);
  const fail = place(tables.fail);
  const out = place(tables.out);
  const dict = place(tables.dict);
  const lengths = place(tables.lengths);
  const edges = place(tables.edges);
  const slots = place((1 << bits) * 12);
  const ring = place(RING_BYTES);
  const base = end;

  const instance = new WebAssembly.Instance(module, { env: { other: otherSymbol } });
  const wasm = instance.exports as unknown as TextScanExports;
  const memory = wasm.memory;
  const ensure = (bytes: number) => {
    const short = bytes - memory.buffer.byteLength;
    if (short > 0) memory.grow(Math.ceil(short / PAGE));
  };
  ensure(base + PAGE);
  for (const [values, at] of copies) new Int32Array(memory.buffer, at, values.length).set(values);
  wasm.setup(ascii, cache, dense, rows, full, fail, out, dict, lengths, edges, edgeCount, slots, bits, ring);

  const encoder = new TextEncoder();
  return (text) => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const input = base;
    const hits = align(input + text.length * 3);
    ensure(hits + PAGE);
    const { written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, input, text.length * 3));
    const count = wasm.run(input, written, hits);
    // After the run: it may have grown the memory for its hits.
    return { hits: new Int32Array(memory.buffer, hits, count * 3), count };
  };
}
