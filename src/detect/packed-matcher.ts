/**
 * The compiled matcher as the background publishes it to `browser.storage.local`, beside the
 * detection index: storage holds JSON, so the automaton's typed arrays travel as one base64 string,
 * which a page turns back into arrays with native code (`Uint8Array.fromBase64`) instead of compiling
 * the catalog in cold code on every load. Pure.
 */
import type { AutomatonTables } from './aho-corasick';
import type { CompiledMatcher, PatternInfo } from './compiled-matcher';
import type { DetectionIndex } from './detection-index';
import { fromBase64, toBase64 } from './base64';
import { ASCII_SYMBOLS } from './normalize';

/** Where the background publishes the packed matcher in `browser.storage.local`. */
export const DETECTION_MATCHER_KEY = 'detectionMatcher';

/** Bumped whenever the tables' meaning or layout changes (2: digits and letters renumbered; 3: states numbered breadth first): an older packing is compiled afresh. */
export const MATCHER_FORMAT = 3;

/** The tables in the order they are concatenated. */
const TABLES = ['row', 'dense', 'edges', 'fail', 'out', 'dict', 'lengths'] as const;

export interface PackedMatcher {
  format: number;
  /** The index it was compiled from: its catalog version and number of tools. */
  catalogVersion: string;
  toolCount: number;
  /**
   * The patterns' owners and flags, as JSON text: one string crosses from storage to the page far
   * faster than hundreds of small objects, and the page parses it natively.
   */
  patterns: string;
  /** Each table's length, in TABLES order. */
  sizes: number[];
  /** The tables' Int32 values, concatenated, as the bytes of this machine's order, in base64. */
  tables: string;
}

export function packMatcher(compiled: CompiledMatcher, index: DetectionIndex): PackedMatcher {
  const sizes = TABLES.map((name) => compiled.tables[name].length);
  const all = new Int32Array(sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const name of TABLES) {
    all.set(compiled.tables[name], at);
    at += compiled.tables[name].length;
  }
  return {
    format: MATCHER_FORMAT,
    catalogVersion: index.catalogVersion,
    toolCount: index.tools.length,
    patterns: JSON.stringify(compiled.patterns),
    sizes,
    tables: toBase64(new Uint8Array(all.buffer)),
  };
}

/**
 * Whether `packed` claims to be a packing of `index` in this format (its tables unread): what the
 * background asks before deciding to publish again, and the first thing a page asks.
 */
export function isPackingOf(packed: unknown, index: DetectionIndex): packed is Partial<PackedMatcher> {
  if (!packed || typeof packed !== 'object') return false;
  const p = packed as Partial<PackedMatcher>;
  return p.format === MATCHER_FORMAT && p.catalogVersion === index.catalogVersion && p.toolCount === index.tools.length;
}

/**
 * The compiled matcher back from its packing, when it is `index`'s and whole; otherwise undefined,
 * and the caller compiles its own (an index published by an older version, or a torn write).
 */
export function unpackMatcher(packed: unknown, index: DetectionIndex): CompiledMatcher | undefined {
  if (!isPackingOf(packed, index)) return undefined;
  const p = packed;
  if (typeof p.patterns !== 'string' || !Array.isArray(p.sizes) || p.sizes.length !== TABLES.length || typeof p.tables !== 'string') return undefined;
  if (!p.sizes.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  let bytes: Uint8Array;
  let patterns: unknown;
  try {
    bytes = fromBase64(p.tables);
    patterns = JSON.parse(p.patterns);
  } catch {
    return undefined;
  }
  if (!Array.isArray(patterns)) return undefined;
  const total = p.sizes.reduce((a, b) => a + b, 0);
  if (bytes.byteLength !== total * 4) return undefined;
  // Int32 views need 4-aligned offsets: a decoded buffer of its own has one; otherwise copy.
  const all =
    bytes.byteOffset % 4 === 0
      ? new Int32Array(bytes.buffer, bytes.byteOffset, total)
      : new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const tables = {} as AutomatonTables;
  let at = 0;
  TABLES.forEach((name, i) => {
    tables[name] = all.subarray(at, at + p.sizes![i]!);
    at += p.sizes![i]!;
  });
  // The shape the scan relies on; the values come from our own background, through storage only
  // extension code can write.
  const states = tables.row.length;
  const wellShaped =
    states > 0 &&
    tables.fail.length === states &&
    tables.out.length === states &&
    tables.dict.length === states &&
    tables.dense.length % ASCII_SYMBOLS === 0 &&
    tables.edges.length % 3 === 0 &&
    tables.lengths.length === patterns.length;
  return wellShaped ? { patterns: patterns as PatternInfo[], tables } : undefined;
}
