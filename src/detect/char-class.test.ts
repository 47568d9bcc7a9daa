/**
 * The character tests that replaced regular expressions (char-class.ts) give the answers those
 * expressions gave: each is checked against its pattern, kept here as the oracle, on every BMP code
 * point or on thousands of strings made of the pieces that matter (gaps, words, digits, letters beyond
 * ASCII, case).
 */
import { describe, expect, it } from 'vitest';
import { foldWords } from './ambiguous-names';
import {
  gapsEnd,
  isCapitalizedAt,
  isLetterAt,
  isLetterOrNumberAt,
  isLetterOrNumberCode,
  isSpace,
  notAsciiWordChar,
  notLetterOrNumber,
  wordAt,
} from './char-class';
import { isPricingPage } from './page-subject';
import { seededRandom } from './test-random';

function strings(pieces: string[], count: number, seed: number, maxPieces = 6): string[] {
  const next = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let k = Math.floor(next() * maxPieces); k >= 0; k--) s += pieces[Math.floor(next() * pieces.length)];
    out.push(s);
  }
  return out;
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

describe('character classes', () => {
  it('isSpace is \\s on every BMP code point', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('isLetterOrNumberCode is [\\p{L}\\p{N}] on every BMP code point but surrogate halves', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isSurrogate(c)) continue;
      if (isLetterOrNumberCode(c) !== /^[\p{L}\p{N}]$/u.test(String.fromCharCode(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('the tests at an offset read astral code points and the end of the text as the patterns do', () => {
    const text = 'a𝐀1😀ÉéΣ-';
    for (let at = 0; at <= text.length; at++) {
      const rest = text.slice(at);
      expect(isLetterOrNumberAt(text, at), `at ${at}`).toBe(/^[\p{L}\p{N}]/u.test(rest));
      expect(isLetterAt(text, at), `at ${at}`).toBe(/^\p{L}/u.test(rest));
      expect(isCapitalizedAt(text, at), `at ${at}`).toBe(/^\p{Lu}\p{Ll}/u.test(rest));
    }
  });
});

describe('words after a mention', () => {
  const pieces = ['mini', 'Mini', 'MINI', 'deep', ' research', 'research', 'pro', 's', 'x', '_', '2', '.', ' ', '\u00a0', '-', '\u2011', '\u2212', 'é', 'É', '·', '\n'];
  const gaps = '[\\s\\u00a0\\u2010-\\u2015\\u2212-]';

  it('gaps, then a word ending at a letter-or-number boundary, as a Unicode pattern on lower-cased text', () => {
    const oracle = new RegExp(`^${gaps}+(?:mini|pro|deep research)(?![\\p{L}\\p{N}])`, 'u');
    const words = new Set(['mini', 'pro', 'deep research']);
    const texts = strings(pieces, 6000, 1);
    const wrong = texts.filter((text) => {
      const stop = Math.min(text.length, 24);
      const word = gapsEnd(text, 0, stop);
      const ours = word > 0 && wordAt(text, word, stop, words, notLetterOrNumber) >= 0;
      return ours !== oracle.test(text.slice(0, 24).toLowerCase());
    });
    const matched = texts.filter((t) => oracle.test(t.toLowerCase()));
    expect(matched.length).toBeGreaterThan(100);
    expect(matched.some((t) => /deep research/i.test(t))).toBe(true);
    expect(wrong).toEqual([]);
  });

  it('gaps or none, then a word ending at \\b, as a pattern without the u flag', () => {
    const oracle = new RegExp(`^${gaps}*(?:mini|pro|team|teams)\\b`);
    const words = new Set(['mini', 'pro', 'team', 'teams']);
    const texts = strings([...pieces, 'team', 'teams', 'Teams'], 6000, 2);
    const wrong = texts.filter((text) => {
      const stop = Math.min(text.length, 40);
      const ours = wordAt(text, gapsEnd(text, 0, stop), stop, words, notAsciiWordChar) >= 0;
      return ours !== oracle.test(text.slice(0, 40).toLowerCase());
    });
    expect(texts.filter((t) => oracle.test(t.toLowerCase())).length).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });

  it('the window ends a word: a word cut by it still counts, as it did on a sliced text', () => {
    const words = new Set(['mini']);
    expect(wordAt(' minis', 1, 5, words, notLetterOrNumber)).toBe(5);
    expect(wordAt(' minis', 1, 6, words, notLetterOrNumber)).toBe(-1);
    expect(wordAt(' min', 1, 4, words, notLetterOrNumber)).toBe(-1);
  });
});

describe('folding names', () => {
  it('gives what the Unicode pattern gives, with or without the ASCII shortcut', () => {
    const oracle = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const texts = strings(['Claude', 'gpt', ' ', '  ', '-', '4o', 'É', '·', '.', "'s", 'İ', 'ß', '_', ''], 4000, 3);
    const wrong = texts.filter((t) => foldWords(t) !== oracle(t));
    expect(wrong).toEqual([]);
    expect(foldWords('Claude 3.5 Sonnet')).toBe('claude 3 5 sonnet');
    expect(foldWords(' gpt ')).toBe('gpt');
  });
});

describe('pricing pages', () => {
  const PATH = /(?:^|\/)(?:pricing|plans?|prices?|billing|subscribe|upgrade|premium)(?:[/?#.-]|$)/i;
  const WORDS = /\b(?:pricing|plans|prices|price list)\b/i;
  const page = (url: string, title = '', headings: string[] = []) => ({ hostname: 'x.example', url, title, headings });

  it('reads paths as the pattern did', () => {
    const segments = strings(['pricing', 'Plans', 'plan', 'prices', 'price', 'premiums', 'upgrade', 'x', '.html', '-2026', '/', '/', 'a'], 3000, 4);
    const wrong = segments.filter((path) => {
      const url = `https://x.example/${path}`;
      return isPricingPage(page(url)) !== PATH.test(new URL(url).pathname);
    });
    expect(segments.filter((p) => PATH.test(new URL(`https://x.example/${p}`).pathname)).length).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });

  it('reads titles and headings as the pattern did', () => {
    const titles = strings(['Pricing', 'plans', 'Plans', 'price', ' list', ' ', 'x', '_', '2', 'é', 'prices', ':'], 3000, 5);
    const wrong = titles.filter((title) => isPricingPage(page('https://x.example/', title)) !== WORDS.test(title));
    expect(titles.filter((t) => WORDS.test(t)).length).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
    expect(isPricingPage(page('https://x.example/', 'Docs', ['Intro', 'Price list']))).toBe(true);
  });
});
