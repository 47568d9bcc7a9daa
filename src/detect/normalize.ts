/**
 * The matcher's view of text: lower case, every run of separators (spaces, hyphens of every kind,
 * middle dots, dots, underscores, punctuation) folded to one space, a virtual space between a letter
 * and a digit ("GPT4o" reads "gpt 4o", like "GPT-4o"), and block breaks kept as "\n", which no name
 * crosses. Each normalized character keeps the offsets of the original characters it stands for, so
 * matches map back to the page exactly.
 */
import { isLetterOrNumberCode } from './char-class';

export interface Normalized {
  /** Normalized characters as symbol codes (see ASCII_TABLE and otherSymbol). */
  symbols: Int32Array;
  /**
   * Original offset where each normalized character starts. A letter or digit stands for one
   * character (it ends at start + 1); a separator runs to the next symbol's start, so one that starts
   * where the next does is the zero-width separator between a letter and a digit.
   */
  starts: Int32Array;
  length: number;
}

export const SEP = 1; // a folded separator
export const BREAK = 0; // a block break: matching restarts after it
// What the last symbol was, while normalizing: BREAK, SEP, or one of these two classes.
const LETTER = -2;
const DIGIT = -3;

/** Symbols: 0 break, 1 separator, 2–11 0–9, 12–37 a–z, then other letters by code point + 64. */
export const ASCII_SYMBOLS = 38;
/** The first letter's symbol: above SEP and below it, a digit. */
const FIRST_LETTER = 12;

/** The symbol of every ASCII code, looked up once per character instead of tested. */
export const ASCII_TABLE = (() => {
  const table = new Int32Array(128).fill(SEP);
  for (let c = 48; c <= 57; c++) table[c] = c - 46; // 0 → 2
  for (let c = 97; c <= 122; c++) table[c] = c - 85; // a → 12
  for (let c = 65; c <= 90; c++) table[c] = c - 53; // A → 12
  table[10] = BREAK;
  table[13] = BREAK;
  return table;
})();

/**
 * The symbol of a UTF-16 code unit beyond ASCII (not a surrogate half): letters lower-cased and kept
 * as their own symbols, everything else a separator. Also what the WebAssembly scan asks.
 */
const otherCache = new Map<number, number>();
export function otherSymbol(code: number): number {
  let sym = otherCache.get(code);
  if (sym === undefined) {
    const lower = String.fromCharCode(code).toLowerCase();
    // A letter of any script (accented names, CJK) or another digit. A letter whose lower case is
    // two units ("İ") is a separator, as it was when a pattern tested the lower-cased string.
    sym = lower.length === 1 && isLetterOrNumberCode(lower.charCodeAt(0)) ? lower.charCodeAt(0) + 64 : SEP;
    otherCache.set(code, sym);
  }
  return sym;
}

/**
 * Arrays to normalize into, kept between calls by their owner (a detector scans page after page and
 * chunk after chunk): allocating and zeroing arrays as long as the text on every call cost as much
 * as the normalizing itself.
 */
export interface NormalizeBuffers {
  symbols: Int32Array;
  starts: Int32Array;
}

export function createBuffers(): NormalizeBuffers {
  return { symbols: new Int32Array(0), starts: new Int32Array(0) };
}

/**
 * Normalize `text` into `buffers`, growing them when too small. The result's arrays are the
 * buffers': valid until the next call with the same buffers.
 */
export function normalizeInto(text: string, buffers: NormalizeBuffers): Normalized {
  const n = text.length;
  // At most 1.5 symbols per character: only a digit after a letter makes two (the seam in "gpt4o"),
  // and the letter made one. Room for that up front spares the loop a test per character.
  const room = n + (n >> 1) + 2;
  if (buffers.symbols.length < room) {
    buffers.symbols = new Int32Array(room);
    buffers.starts = new Int32Array(room);
  }
  const { symbols, starts } = buffers;
  let len = 0;
  let prev = BREAK; // the last symbol written
  // One branch per kind of symbol and no calls: on a page this loop runs cold, once per character,
  // where every call and every extra test shows.
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const sym =
      code < 128
        ? ASCII_TABLE[code]!
        : code >= 0xd800 && code <= 0xdfff
          ? SEP // surrogate halves (emoji and the like): separators
          : otherSymbol(code);
    if (sym > SEP) {
      // A letter or a digit.
      if (sym < FIRST_LETTER) {
        // A digit. "gpt4o" reads "gpt 4o": a zero-width separator between a letter and a digit.
        if (prev === LETTER) {
          symbols[len] = SEP;
          starts[len] = i;
          len++;
        }
        prev = DIGIT;
      } else prev = LETTER;
      symbols[len] = sym;
      starts[len] = i;
      len++;
    } else if (sym === SEP) {
      // A run of separators is one; none opens a block.
      if (prev === LETTER || prev === DIGIT) {
        symbols[len] = SEP;
        starts[len] = i;
        len++;
        prev = SEP;
      }
    } else if (prev === SEP) {
      symbols[len - 1] = BREAK; // a separator right before a break becomes the break
      prev = BREAK;
    } else if (prev !== BREAK) {
      symbols[len] = BREAK;
      starts[len] = i;
      len++;
      prev = BREAK;
    }
  }
  return { symbols, starts, length: len };
}

/** A pattern's symbols (no breaks; trimmed of separators). */
const patternBuffers = createBuffers(); // a catalog has thousands of spellings: one scratch buffer
export function normalizePattern(spelling: string): number[] {
  const { symbols, length } = normalizeInto(spelling, patternBuffers);
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const s = symbols[i]!;
    out.push(s === BREAK ? SEP : s);
  }
  while (out[0] === SEP) out.shift();
  while (out[out.length - 1] === SEP) out.pop();
  return out;
}
