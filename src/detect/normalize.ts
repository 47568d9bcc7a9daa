/**
 * The matcher's view of text: lower case, every run of separators (spaces, hyphens of every kind,
 * middle dots, dots, underscores, punctuation) folded to one space, a virtual space between a letter
 * and a digit ("GPT4o" reads "gpt 4o", like "GPT-4o"), and block breaks kept as "\n", which no name
 * crosses. Each normalized character keeps the offsets of the original characters it stands for, so
 * matches map back to the page exactly.
 */

export interface Normalized {
  /** Normalized characters as symbol codes (see `symbolOf`). */
  symbols: Int32Array;
  /** Original offset where each normalized character starts. */
  starts: Int32Array;
  /** Original offset just past each normalized character. */
  ends: Int32Array;
  length: number;
}

export const SEP = 1; // a folded separator
export const BREAK = 0; // a block break: matching restarts after it

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLower = (c: number) => c >= 97 && c <= 122;
const isAsciiUpper = (c: number) => c >= 65 && c <= 90;

/** Symbols: 0 break, 1 separator, 2–27 a–z, 28–37 0–9, then other letters by code point + 64. */
function symbolOfCode(code: number): number {
  if (isAsciiLower(code)) return code - 95; // a → 2
  if (isAsciiUpper(code)) return code - 63; // A → 2
  if (isDigit(code)) return code - 20; // 0 → 28
  return -1;
}

export const isLetterSymbol = (s: number) => (s >= 2 && s <= 27) || s >= 64;
export const isDigitSymbol = (s: number) => s >= 28 && s <= 37;
export const isWordSymbol = (s: number) => s >= 2;

/** Letters beyond ASCII: lower-cased, kept as their own symbols; everything else separates. */
const otherCache = new Map<number, number>();
function otherSymbol(ch: string, code: number): number {
  let sym = otherCache.get(code);
  if (sym === undefined) {
    const lower = ch.toLowerCase();
    // \p{L}: a letter of any script (accented names, CJK); \p{N}: other digits.
    sym = /^[\p{L}\p{N}]$/u.test(lower) ? (lower.codePointAt(0) ?? 0) + 64 : SEP;
    otherCache.set(code, sym);
  }
  return sym;
}

export function normalize(text: string): Normalized {
  const n = text.length;
  const symbols = new Int32Array(n * 2 + 1);
  const starts = new Int32Array(n * 2 + 1);
  const ends = new Int32Array(n * 2 + 1);
  let len = 0;
  let prev = BREAK; // the last symbol written
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let sym: number;
    if (code === 10 || code === 13) sym = BREAK;
    else if (code < 128) sym = symbolOfCode(code) === -1 ? SEP : symbolOfCode(code);
    else if (code >= 0xd800 && code <= 0xdfff) sym = SEP; // surrogate halves (emoji and the like): separators
    else sym = otherSymbol(text[i]!, code);

    if (sym === SEP && (prev === SEP || prev === BREAK)) {
      if (prev === SEP) ends[len - 1] = i + 1; // a run of separators is one
      continue;
    }
    if (sym === BREAK && prev === BREAK) continue;
    if (sym === BREAK && prev === SEP) {
      symbols[len - 1] = BREAK; // a separator right before a break becomes the break
      prev = BREAK;
      continue;
    }
    if (isDigitSymbol(sym) && isLetterSymbol(prev)) {
      // "gpt4o" reads "gpt 4o": a zero-width separator between a letter and a digit
      symbols[len] = SEP;
      starts[len] = i;
      ends[len] = i;
      len++;
    }
    symbols[len] = sym;
    starts[len] = i;
    ends[len] = i + 1;
    len++;
    prev = sym;
  }
  return { symbols, starts, ends, length: len };
}

/** A pattern's symbols (no breaks; trimmed of separators). */
export function normalizePattern(spelling: string): number[] {
  const { symbols, length } = normalize(spelling);
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const s = symbols[i]!;
    out.push(s === BREAK ? SEP : s);
  }
  while (out[0] === SEP) out.shift();
  while (out[out.length - 1] === SEP) out.pop();
  return out;
}
