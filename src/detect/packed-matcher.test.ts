import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher } from './compiled-matcher';
import type { DetectionIndex } from './detection-index';
import { createDetector, type PageContext } from './detector';
import { MATCHER_FORMAT, packMatcher, unpackMatcher, type PackedMatcher } from './packed-matcher';
import { TEST_INDEX } from './test-index';

const PAGE: PageContext = { hostname: 'blog.example', url: 'https://blog.example/post', title: 'Post', headings: [] };
const VENDOR: PageContext = { hostname: 'github.com', url: 'https://github.com/features/copilot', title: 'GitHub Copilot', headings: [] };
const doc = JSON.parse(readFileSync('public/catalog.json', 'utf8')) as { version: string; tools: DetectionIndex['tools'] };
const REAL: DetectionIndex = { catalogVersion: doc.version, tools: doc.tools };

/** What storage.local does to a value: JSON in, JSON out. */
const throughStorage = (p: PackedMatcher): unknown => JSON.parse(JSON.stringify(p));

/** Text naming many tools in many spellings, from the index itself, with ambiguous names and prose. */
function sampleText(index: DetectionIndex): string {
  const parts = index.tools.flatMap((t, i) => [`${i % 3 ? t.name.toUpperCase() : t.name} vs ${t.aliases[0] ?? t.name}.`, 'Move the cursor; Claude Monet painted; the copilot landed.']);
  return parts.join(' Pricing per month for the API. ');
}

describe('packed matcher', () => {
  const original = { from: (Uint8Array as { fromBase64?: unknown }).fromBase64, to: (Uint8Array.prototype as { toBase64?: unknown }).toBase64 };
  afterEach(() => {
    (Uint8Array as { fromBase64?: unknown }).fromBase64 = original.from;
    (Uint8Array.prototype as { toBase64?: unknown }).toBase64 = original.to;
  });

  for (const [name, index] of [
    ['the test index', TEST_INDEX],
    ['the bundled catalog', REAL],
  ] as const) {
    it(`finds exactly what a fresh compile finds, after a trip through JSON (${name})`, () => {
      const text = sampleText(index);
      const fresh = createDetector(index);
      const unpacked = unpackMatcher(throughStorage(packMatcher(compileMatcher(index), index)), index);
      expect(unpacked).toBeDefined();
      const shipped = createDetector(index, unpacked);
      for (const page of [PAGE, VENDOR]) {
        const expected = fresh.detectPage(text, page);
        expect(expected.mentions.length).toBeGreaterThan(index.tools.length / 2);
        expect(shipped.detectPage(text, page)).toEqual(expected);
      }
    });
  }

  it('uses the native base64 of Uint8Array when the engine has it (as Chromium does), with the same bytes', () => {
    const plain = packMatcher(compileMatcher(TEST_INDEX), TEST_INDEX);
    let encoded = 0;
    let decoded = 0;
    (Uint8Array.prototype as { toBase64?: unknown }).toBase64 = function (this: Uint8Array) {
      encoded++;
      return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
    };
    (Uint8Array as { fromBase64?: unknown }).fromBase64 = (s: string) => {
      decoded++;
      // An offset that is not a multiple of 4, as a decoder may return: the unpacker must copy.
      const b = Buffer.from(s, 'base64');
      const padded = new Uint8Array(b.length + 1);
      padded.set(b, 1);
      return padded.subarray(1);
    };
    const native = packMatcher(compileMatcher(TEST_INDEX), TEST_INDEX);
    expect(native.tables).toBe(plain.tables);
    const unpacked = unpackMatcher(throughStorage(native), TEST_INDEX);
    expect([encoded, decoded]).toEqual([1, 1]);
    expect(createDetector(TEST_INDEX, unpacked).detect('GPT-4o and Claude 3.5 Sonnet', PAGE).map((m) => m.toolId)).toEqual(
      createDetector(TEST_INDEX).detect('GPT-4o and Claude 3.5 Sonnet', PAGE).map((m) => m.toolId),
    );
  });

  it('is refused when it is not this index’s, not whole, or not a packing at all', () => {
    const good = throughStorage(packMatcher(compileMatcher(TEST_INDEX), TEST_INDEX)) as PackedMatcher;
    expect(unpackMatcher(good, TEST_INDEX)).toBeDefined();
    const bad: [string, unknown][] = [
      ['nothing', undefined],
      ['a string', 'matcher'],
      ['an older format', { ...good, format: MATCHER_FORMAT - 1 }],
      ['another catalog version', { ...good, catalogVersion: 'older' }],
      ['another number of tools', { ...good, toolCount: good.toolCount + 1 }],
      ['tables cut short', { ...good, tables: good.tables.slice(0, -8) }],
      ['tables that are not base64', { ...good, tables: '%%%not base64%%%' }],
      ['sizes that do not add up', { ...good, sizes: good.sizes.map((n, i) => (i === 0 ? n + 1 : n)) }],
      ['sizes that are not counts', { ...good, sizes: good.sizes.map((n, i) => (i === 1 ? -4 : i === 2 ? n + 4 : n)) }],
      ['too few tables', { ...good, sizes: good.sizes.slice(1) }],
      ['a lengths table of another pattern count', { ...good, patterns: JSON.stringify(JSON.parse(good.patterns).slice(1)) }],
      ['patterns that are not JSON', { ...good, patterns: '[{"owners":' }],
      ['patterns that are not a list', { ...good, patterns: '{}' }],
      ['tables swapped', { ...good, sizes: [good.sizes[1], good.sizes[0], ...good.sizes.slice(2)] }],
    ];
    for (const [why, value] of bad) expect(unpackMatcher(value, TEST_INDEX), why).toBeUndefined();
  });

});
