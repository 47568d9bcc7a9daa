/**
 * The text scan in WebAssembly (text-scan.wat): the same result as text-scan.ts's JavaScript engine,
 * without the cold-code cost a content script pays on every page. Pure: WebAssembly and TextEncoder
 * are language globals, in Node as in the page.
 *
 * Memory: the ASCII table, the cache of other code points' symbols, then the automaton's tables,
 * copied in once; after them, per call, the text's UTF-8, its symbols and starts, and the hits, which
 * the module grows the memory for as it finds them.
 */
import { scanTablesOf, type AutomatonTables } from '../aho-corasick';
import { ASCII_TABLE, otherSymbol } from '../normalize';
import type { TextScanner } from '../text-scan';
import { TEXT_SCAN_WASM } from './text-scan-binary';

interface TextScanExports {
  memory: WebAssembly.Memory;
  length: WebAssembly.Global;
  setup(...addresses: number[]): void;
  run(input: number, bytes: number, symbols: number, starts: number, hits: number): number;
}

type Base64Uint8Array = typeof Uint8Array & { fromBase64?: (s: string) => Uint8Array };

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as Base64Uint8Array).fromBase64;
  if (native) return native(TEXT_SCAN_WASM) as Uint8Array<ArrayBuffer>;
  const binary = atob(TEXT_SCAN_WASM);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The module, compiled off the main thread. Undefined where WebAssembly is unavailable or refused
 * (a browser without it, a policy that forbids compiling it): the detector then scans in JavaScript.
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
const align = (n: number) => (n + 7) & ~7;

/** A scanner over `tables` running in its own instance of `module`. Throws when it cannot be set up. */
export function createWasmTextScanner(module: WebAssembly.Module, tables: AutomatonTables): TextScanner {
  const { rowStart, report, slots, mask, shift } = scanTablesOf(tables);
  const instance = new WebAssembly.Instance(module, { env: { other: otherSymbol } });
  const wasm = instance.exports as unknown as TextScanExports;
  const memory = wasm.memory;

  // The fixed part: each array at its address, in this order.
  const fixed: [Int32Array, number][] = [];
  let end = 0;
  const place = (array: Int32Array | number) => {
    const at = end;
    const values = typeof array === 'number' ? new Int32Array(0) : array;
    end = align(at + (typeof array === 'number' ? array : array.length) * 4);
    fixed.push([values, at]);
    return at;
  };
  const ascii = place(ASCII_TABLE);
  const cache = place(65_536); // zeros: no code point asked yet
  const addresses = {
    rowStart: place(rowStart),
    dense: place(tables.dense),
    slots: place(slots),
    fail: place(tables.fail),
    report: place(report),
    dict: place(tables.dict),
    out: place(tables.out),
  };
  const base = end;
  const ensure = (bytes: number) => {
    const short = bytes - memory.buffer.byteLength;
    if (short > 0) memory.grow(Math.ceil(short / PAGE));
  };
  ensure(base + PAGE);
  for (const [values, at] of fixed) new Int32Array(memory.buffer, at, values.length).set(values);
  wasm.setup(ascii, cache, addresses.rowStart, addresses.dense, addresses.slots, mask, shift, addresses.fail, addresses.report, addresses.dict, addresses.out);

  const encoder = new TextEncoder();
  return (text) => {
    const n = text.length;
    // UTF-8 takes at most 3 bytes per UTF-16 unit; normalizing makes at most 1.5 symbols per unit.
    const input = base;
    const room = n + (n >> 1) + 2;
    const symbols = align(input + n * 3);
    const starts = symbols + room * 4;
    const hits = starts + room * 4;
    ensure(hits + PAGE);
    const { written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, input, n * 3));
    const count = wasm.run(input, written, symbols, starts, hits);
    const length = wasm.length.value as number;
    const buffer = memory.buffer; // after the run: it may have grown the memory for its hits
    return {
      normalized: { symbols: new Int32Array(buffer, symbols, length), starts: new Int32Array(buffer, starts, length), length },
      pairs: new Int32Array(buffer, hits, count * 2),
      count,
    };
  };
}
