/**
 * Character tests for the detector's checks around a match, written as code-point comparisons
 * instead of regular expressions. A content script runs fresh on every page, and V8 compiles a
 * regular expression on its first use and again, to machine code, on its second: 0.15-0.4 ms each
 * time for one with Unicode classes, in every page, for a test that takes microseconds. Letters beyond
 * ASCII fall back to a Unicode pattern, compiled only on a page that has them. Pure.
 */

let unicodeLetterOrNumber: RegExp | undefined;
let unicodeLetter: RegExp | undefined;
let unicodeUpperLower: RegExp | undefined;

/** `\s` of JavaScript's regular expressions: ASCII white space, no-break space and Unicode spaces. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A hyphen of any kind: "-", U+2010 to U+2015 (hyphens and dashes), and the minus sign U+2212. */
export function isHyphen(code: number): boolean {
  return code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212;
}

/** What separates a name from the word after it: white space (no-break space included) or a hyphen. */
export function isGap(code: number): boolean {
  return isSpace(code) || isHyphen(code);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** An ASCII letter, either case. */
export function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** `\w` of a regular expression without the u flag: ASCII letters, digits and "_". */
export function isAsciiWordChar(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code) || code === 0x5f;
}

/** `\p{L}`: the code point at `at` is a letter of any script (false past the end). */
export function isLetterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return isAsciiLetter(code);
  if (Number.isNaN(code)) return false;
  unicodeLetter ??= /^\p{L}/u;
  return unicodeLetter.test(text.slice(at, at + 2));
}

/** The letters and numbers of U+0080 to U+00BF: ª ² ³ µ ¹ º ¼ ½ ¾ (the rest are signs and spaces). */
const LATIN1_LETTERS_AND_NUMBERS = new Set([0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe]);

/**
 * `[\p{L}\p{N}]` for one UTF-16 code unit that is not a surrogate half. Latin letters and the general
 * punctuation block (dashes, quotes, bullets) are answered without the Unicode pattern: they are
 * what most pages beyond ASCII hold.
 */
export function isLetterOrNumberCode(code: number): boolean {
  if (code < 0x80) return isAsciiLetter(code) || isAsciiDigit(code);
  if (code < 0xc0) return LATIN1_LETTERS_AND_NUMBERS.has(code);
  // Latin-1's letters, and Latin Extended-A and -B: all letters but × and ÷.
  if (code < 0x250) return code !== 0xd7 && code !== 0xf7;
  if (code >= 0x2000 && code <= 0x206f) return false;
  unicodeLetterOrNumber ??= /^[\p{L}\p{N}]/u;
  return unicodeLetterOrNumber.test(String.fromCharCode(code));
}

/** `[\p{L}\p{N}]`: the code point at `at` is a letter or a number of any script (false past the end). */
export function isLetterOrNumberAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (Number.isNaN(code)) return false;
  if (code < 0xd800 || code > 0xdfff) return isLetterOrNumberCode(code);
  unicodeLetterOrNumber ??= /^[\p{L}\p{N}]/u;
  return unicodeLetterOrNumber.test(text.slice(at, at + 2));
}

/** `\p{Lu}\p{Ll}` at `at`: a capital letter followed by a small one ("Monet", "Émile"). */
export function isCapitalizedAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  if (first < 0x80 && second < 0x80) return first >= 0x41 && first <= 0x5a && second >= 0x61 && second <= 0x7a;
  if (Number.isNaN(first) || Number.isNaN(second)) return false;
  unicodeUpperLower ??= /^\p{Lu}\p{Ll}/u;
  return unicodeUpperLower.test(text.slice(at, at + 4));
}

/*
 * The loops below test each character written out, not through the tests above: they run around
 * every match on a page, in code that is still cold there, where a call per character costs more
 * than the test.
 */

/** The end of the run of ASCII letters starting at `at` (before `stop`). */
function asciiLettersEnd(text: string, at: number, stop: number): number {
  let i = at;
  for (; i < stop; i++) {
    const lower = text.charCodeAt(i) | 0x20;
    if (lower < 0x61 || lower > 0x7a) break;
  }
  return i;
}

/**
 * Whether one of `words` (lower-case ASCII words, or two such words joined by one space) stands at
 * `at` in `text`, in any case, ending before `stop` at a boundary: `boundary` says whether the
 * character after it may follow a whole word (the end of the window always may). Its end, or -1.
 */
export function wordAt(
  text: string,
  at: number,
  stop: number,
  words: ReadonlySet<string>,
  boundary: (text: string, at: number) => boolean,
): number {
  const first = asciiLettersEnd(text, at, stop);
  if (first === at) return -1;
  const word = text.slice(at, first).toLowerCase();
  const endsHere = (end: number) => end >= stop || boundary(text, end);
  if (words.has(word) && endsHere(first)) return first;
  if (first < stop && text.charCodeAt(first) === 0x20) {
    const second = asciiLettersEnd(text, first + 1, stop);
    if (second > first + 1 && words.has(`${word} ${text.slice(first + 1, second).toLowerCase()}`) && endsHere(second)) return second;
  }
  return -1;
}

/** The end of the run of gaps (white space, hyphens) starting at `at`, before `stop`. */
export function gapsEnd(text: string, at: number, stop: number): number {
  let i = at;
  for (; i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x2d) continue; // the usual gaps
    if (code < 0x80 ? code < 0x09 || code > 0x0d : !isGap(code)) break;
  }
  return i;
}

/** The end of the run of ASCII digits starting at `at`, before `stop`. */
export function digitsEnd(text: string, at: number, stop: number): number {
  let i = at;
  for (; i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) break;
  }
  return i;
}

/** Not a letter or number next: the end of a whole word in any script. */
export const notLetterOrNumber = (text: string, at: number) => !isLetterOrNumberAt(text, at);
/** Not an ASCII word character next: `\b` after a word, in a pattern without the u flag. */
export const notAsciiWordChar = (text: string, at: number) => !isAsciiWordChar(text.charCodeAt(at));
