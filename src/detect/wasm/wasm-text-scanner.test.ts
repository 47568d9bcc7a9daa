import { readFileSync } from 'node:fs';
import initWabt from 'wabt';
import { describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../compiled-matcher';
import type { DetectionIndex } from '../detection-index';
import { createDetector } from '../detector';
import { jsTextScanner, type TextScanner } from '../text-scan';
import { ASCII_SYMBOLS } from '../normalize';
import { PLAIN_PAGE, TEST_INDEX } from '../test-index';
import { createWasmTextScanner, MAX_FULL_ROWS, textScanModuleSync } from './wasm-text-scanner';
import { seededRandom } from '../test-random';

const doc = JSON.parse(readFileSync('public/catalog.json', 'utf8')) as { version: string; tools: DetectionIndex['tools'] };
const index: DetectionIndex = { catalogVersion: doc.version, tools: doc.tools };
const compiled = compileMatcher(index);
const module = textScanModuleSync();

const inJs = () => jsTextScanner(compiled.tables);
const inWasm = () => createWasmTextScanner(module, compiled.tables);
const triples = (scan: TextScanner, text: string) => {
  const { hits, count } = scan(text);
  return Array.from(hits.subarray(0, count * 3));
};

// Names as pages write them, and the characters the two engines must agree on: every kind of
// separator and hyphen, breaks, digits after letters, letters beyond ASCII (two and three UTF-8
// bytes, one whose lower case is two characters), emoji (four bytes, two UTF-16 units), lone
// surrogate halves, combining marks.
const names = index.tools.flatMap((t) => [t.name, ...t.aliases]);
const pieces = [' ', ' ', '-', '\u2011', '\u00a0', '·', '/', '.', ',', '\n', '\r\n', '  ', '\t', '_', 'AI', 'api', 'model', 'tokens', 'x', '4o', 'GPT', 'v7', '3.5'];
const odd = ['é', 'ß', 'İ', 'Ω', '中文', '😀', '\ud800', '\udc00', 'e\u0301', '\u2014', '\u3000', '🇫🇷', 'ﬁ'];

function randomText(rand: () => number): string {
  let text = '';
  const parts = 1 + Math.floor(rand() * 60);
  for (let i = 0; i < parts; i++) {
    const r = rand();
    if (r < 0.4) text += names[Math.floor(rand() * names.length)]!;
    else if (r < 0.8) text += pieces[Math.floor(rand() * pieces.length)]!;
    else text += odd[Math.floor(rand() * odd.length)]!;
  }
  return text;
}

/** A module with the same exports whose run traps, as a failed memory.grow does. */
async function trappingModule(): Promise<WebAssembly.Module> {
  const wabt = await initWabt();
  const wat = wabt.parseWat(
    'trap.wat',
    `(module (memory (export "memory") 1)
       (func (export "setup") (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32))
       (func (export "run") (param i32 i32 i32) (result i32) unreachable))`,
  );
  try {
    return new WebAssembly.Module(new Uint8Array(wat.toBinary({}).buffer));
  } finally {
    wat.destroy();
  }
}

describe('the WebAssembly text scan', () => {
  it('finds exactly what the JavaScript scan finds, on 400 random texts and the whole catalog file', () => {
    const [js, wasm] = [inJs(), inWasm()];
    const rand = seededRandom(20261202);
    let total = 0;
    for (let i = 0; i < 400; i++) {
      const text = randomText(rand);
      const expected = triples(js, text);
      expect(triples(wasm, text), JSON.stringify(text)).toEqual(expected);
      total += expected.length / 3;
    }
    expect(total).toBeGreaterThan(1_000); // the texts do name tools
    const file = readFileSync('public/catalog.json', 'utf8');
    expect(triples(wasm, file)).toEqual(triples(js, file));
  });

  it('agrees on names that start with a digit, where a letter before them leaves no boundary', () => {
    const tools = ['4o Studio', '360 Lens', '3D Forge', 'X1', '2B'].map((name, i) => ({ ...TEST_INDEX.tools[0]!, id: `d-${i}`, name, aliases: [], domains: [] }));
    const digits = compileMatcher({ catalogVersion: 'd', tools: [...TEST_INDEX.tools, ...tools] });
    const js = jsTextScanner(digits.tables);
    const wasm = createWasmTextScanner(module, digits.tables);
    const rand = seededRandom(7);
    const parts = ['gpt', 'GPT-', 'X', '4o Studio', '360 Lens', '3D Forge', 'X1', '2B', ' ', '-', 'a', '9', 'é', '😀'];
    let total = 0;
    for (let i = 0; i < 300; i++) {
      let text = '';
      for (let k = 0; k < 12; k++) text += parts[Math.floor(rand() * parts.length)]!;
      const expected = triples(js, text);
      expect(triples(wasm, text), JSON.stringify(text)).toEqual(expected);
      total += expected.length / 3;
    }
    expect(total).toBeGreaterThan(100);
    // "4o Studio" inside "gpt4o Studio" has no boundary before it (the seam is zero-width).
    const id = (toolId: string) => digits.patterns.findIndex((p) => p.owners[0]?.toolId === toolId);
    expect(triples(wasm, 'gpt4o Studio and 4o Studio')).toEqual([id('gpt-4o'), 0, 5, id('d-0'), 17, 26]);
  });

  it('agrees with JavaScript on a catalog with more states than it gives rows, where deeper states use the hash', () => {
    // Long names with few shared prefixes: far more states than get a row.
    const rand = seededRandom(11);
    const word = () => Array.from({ length: 4 + Math.floor(rand() * 6) }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
    const tools = Array.from({ length: 300 }, (_, i) => ({ ...TEST_INDEX.tools[0]!, id: `big-${i}`, name: `${word()} ${word()} ${word()} ${word()}`, aliases: [], domains: [] }));
    const big = compileMatcher({ catalogVersion: 'big', tools: [...TEST_INDEX.tools, ...tools] });
    expect(big.tables.row.length).toBeGreaterThan(MAX_FULL_ROWS);
    const [js, wasm] = [jsTextScanner(big.tables), createWasmTextScanner(module, big.tables)];
    let total = 0;
    for (let i = 0; i < 100; i++) {
      let text = '';
      for (let k = 0; k < 8; k++) {
        const r = rand();
        const name = tools[Math.floor(rand() * tools.length)]!.name;
        // Whole names, names cut short (deep states that fail), and names run together.
        text += r < 0.4 ? name : r < 0.7 ? name.slice(0, Math.floor(rand() * name.length)) : pieces[Math.floor(rand() * pieces.length)]!;
        text += rand() < 0.8 ? ' ' : '';
      }
      const expected = triples(js, text);
      expect(triples(wasm, text), JSON.stringify(text)).toEqual(expected);
      total += expected.length / 3;
    }
    expect(total).toBeGreaterThan(200);
  });

  it('refuses tables whose states are not numbered breadth first, and the detector falls back to JavaScript', () => {
    // A deep state whose failure state comes after it: its row could not be made from a complete one.
    const rows = compiled.tables.dense.length / ASCII_SYMBOLS;
    const fail = compiled.tables.fail.slice();
    fail[rows] = rows + 1;
    const broken = { ...compiled, tables: { ...compiled.tables, fail } };
    expect(() => createWasmTextScanner(module, broken.tables)).toThrow(WebAssembly.RuntimeError);
    // Dense states that are not the first ones, in order: their rows would be read at the wrong place.
    const row = compiled.tables.row.slice();
    [row[1], row[2]] = [row[2]!, row[1]!];
    expect(() => createWasmTextScanner(module, { ...compiled.tables, row })).toThrow(/not numbered breadth first/);
    const onFallback = vi.fn();
    const detector = createDetector(index, broken, { wasm: module, onFallback });
    expect(detector.detect('We use GPT-4o daily.', PLAIN_PAGE).map((m) => m.toolId)).toEqual(['gpt-4o']);
    expect(onFallback).toHaveBeenCalledTimes(1);
  });

  it('gives offsets in UTF-16 units after letters and emoji of every UTF-8 length', () => {
    const wasm = inWasm();
    const text = 'é😀中 GPT-4o';
    const { hits, count } = wasm(text);
    expect(count).toBe(1);
    expect(text.slice(hits[1], hits[2])).toBe('GPT-4o');
  });

  it('grows its memory when the hits outgrow it, and keeps working on the next text', () => {
    const [js, wasm] = [inJs(), inWasm()];
    const many = 'AI, '.repeat(120_000); // 120,000 context-word hits: 1.4 MB of triples
    const found = triples(wasm, many);
    expect(found.length / 3).toBe(120_000);
    expect(found).toEqual(triples(js, many));
    expect(triples(wasm, 'Then GPT-4o.')).toEqual(triples(js, 'Then GPT-4o.'));
  });

  it('refuses a catalog with a pattern longer than its ring, and the detector falls back to JavaScript', () => {
    const long = { ...TEST_INDEX.tools[0]!, id: 'long', name: `Tool ${'x'.repeat(300)}`, aliases: [], domains: [] };
    const withLong: DetectionIndex = { catalogVersion: 't', tools: [...TEST_INDEX.tools, long] };
    expect(() => createWasmTextScanner(module, compileMatcher(withLong).tables)).toThrow(/longer than/);
    const onFallback = vi.fn();
    const detector = createDetector(withLong, undefined, { wasm: module, onFallback });
    expect(detector.detect('We use GPT-4o daily.', PLAIN_PAGE).map((m) => m.toolId)).toEqual(['gpt-4o']);
    expect(detector.detect('And o3-mini.', PLAIN_PAGE).map((m) => m.toolId)).toEqual(['o3-mini']);
    expect(onFallback).toHaveBeenCalledTimes(1);
  });

  it('sets up its instance only at the first text as long as wasmMinChars, and uses it from then on', async () => {
    // A module whose run traps tells when the detector first tries WebAssembly.
    const onFallback = vi.fn();
    const detector = createDetector(TEST_INDEX, undefined, { wasm: await trappingModule(), wasmMinChars: 100, onFallback });
    expect(detector.detect('We use GPT-4o daily.', PLAIN_PAGE).map((m) => m.toolId)).toEqual(['gpt-4o']);
    expect(onFallback).not.toHaveBeenCalled(); // 20 characters: JavaScript, no instance
    const long = `${'Plain words. '.repeat(10)}Then o3-mini.`;
    expect(detector.detect(long, PLAIN_PAGE).map((m) => m.toolId)).toEqual(['o3-mini']);
    expect(onFallback).toHaveBeenCalledTimes(1);
    // A working module, set up at a long text, serves the short ones after it.
    const working = createDetector(TEST_INDEX, undefined, { wasm: module, wasmMinChars: 100, onFallback: (e) => { throw e; } });
    expect(working.detect(long, PLAIN_PAGE).map((m) => m.toolId)).toEqual(['o3-mini']);
    expect(working.detect('GPT-4o', PLAIN_PAGE).map((m) => m.toolId)).toEqual(['gpt-4o']);
  });

  it('the detector redoes a failed WebAssembly scan in JavaScript, and stays there', async () => {
    const onFallback = vi.fn();
    const detector = createDetector(TEST_INDEX, undefined, { wasm: await trappingModule(), onFallback });
    expect(onFallback).not.toHaveBeenCalled();
    expect(detector.detect('We use GPT-4o daily.', PLAIN_PAGE).map((m) => m.toolId)).toEqual(['gpt-4o']);
    expect(detector.detect('And o3-mini.', PLAIN_PAGE).map((m) => m.toolId)).toEqual(['o3-mini']);
    expect(onFallback).toHaveBeenCalledTimes(1);
  });
});
