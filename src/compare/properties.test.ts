/**
 * Properties over every ordered pair of the bundled catalog (read at test time, so this grows with
 * the catalog) and of made-up tools built to hit the awkward cases: the text never shows an
 * artefact of an empty list, a missing value or a zero lead, and swapping A and B changes nothing
 * about who wins what.
 */
import { describe, expect, it } from 'vitest';
import type { Tool } from '../catalog/schema';
import { readCatalogTools, referenceTools } from './fixtures/catalog';
import { syntheticTools } from './fixtures/synthetic';
import { headToHead, type HeadToHead, type HeadToHeadOptions } from './head-to-head';
import { DEFAULT_PREFERENCES, DEFAULT_USAGE } from './preferences';

const catalog = readCatalogTools();
const made = [...syntheticTools(referenceTools().gpt), referenceTools().gpt, referenceTools().sd];

const OPTION_SETS: Record<string, HeadToHeadOptions> = {
  'no preferences': {},
  'value and ease of use first': {
    preferences: { order: ['easeOfUse', 'value', 'performance', 'reliability'], weights: { performance: 1, value: 3, reliability: 0, easeOfUse: 3 } },
  },
  'performance only, with usage': {
    preferences: { ...DEFAULT_PREFERENCES, weights: { performance: 3, value: 0, reliability: 0, easeOfUse: 0 } },
    usage: { ...DEFAULT_USAGE, inputTokensPerMonth: 2_000_000, outputTokensPerMonth: 500_000, seats: 3, imagesPerMonth: 100 },
  },
  'all weights zero, usage not set': {
    preferences: { ...DEFAULT_PREFERENCES, weights: { performance: 0, value: 0, reliability: 0, easeOfUse: 0 } },
    usage: DEFAULT_USAGE,
  },
};

function orderedPairs(tools: readonly Tool[]): [Tool, Tool][] {
  return tools.flatMap((a) => tools.filter((b) => b.id !== a.id).map((b): [Tool, Tool] => [a, b]));
}

/** Every string the UI would show from a result. */
function texts(r: HeadToHead): string[] {
  return [
    r.verdict,
    ...(r.differentJobs ? [r.differentJobs] : []),
    ...r.dimensions.map((d) => d.leadText),
    ...r.chooseIf.a,
    ...r.chooseIf.b,
    ...r.faq.flatMap((f) => [f.question, f.answer]),
    ...(r.cost ? [r.cost.a.text, r.cost.b.text, ...(r.cost.differenceText ? [r.cost.differenceText] : [])] : []),
  ];
}

const ARTEFACTS: [string, RegExp][] = [
  ['a double space', / {2}/],
  ['a space before punctuation', / [.,:;?]/],
  ['a doubled period', /\.\./],
  ['an empty list after "on"', /\bon [.,:;)]|\bon$/],
  ['a zero lead', /\b0\.0 points?\b/],
  ['a missing value', /undefined|NaN|null|\[object/],
  ['an empty list join', /,\s*,|\band and\b|\band\s*[.,:;)]|\(\s*\)|,\s*[.:;)]/],
  ['"1.0 points"', /\b1\.0 points\b/],
  ['padding at either end', /^\s|\s$/],
];

/** Problems found in one text; checked with plain code so 10,000 pairs stay fast, then asserted once. */
function artefacts(where: string, text: string): string[] {
  if (text.length === 0) return [`${where}: empty text`];
  return ARTEFACTS.filter(([, re]) => re.test(text)).map(([what]) => `${where}: ${what} in "${text}"`);
}

/** What must not depend on which side a tool is shown on, keyed by tool. */
function outcome(r: HeadToHead) {
  const winner = r.winner === 'tie' ? 'tie' : r[r.winner].tool.id;
  const byDimension = Object.fromEntries(
    r.dimensions.map((d) => [d.dimension, { leader: d.leader === 'tie' ? 'tie' : r[d.leader].tool.id, lead: d.lead, leadText: d.leadText }]),
  );
  const yourScores = Object.fromEntries([r.a, r.b].map((s) => [s.tool.id, s.yourScore ?? 'none']));
  return { winner, basis: r.basis, byDimension, yourScores, differentJobs: r.differentJobs !== undefined };
}

describe.each([
  ['the bundled catalog', catalog],
  ['made-up tools for the awkward cases', made],
])('every ordered pair of %s', (_, tools) => {
  const pairs = orderedPairs(tools);

  it('has pairs to check', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(2);
  });

  it.each(Object.entries(OPTION_SETS))('reads cleanly with %s', (_name, opts) => {
    const problems: string[] = [];
    for (const [a, b] of pairs) {
      const where = `${a.id} vs ${b.id}`;
      const r = headToHead(a, b, opts);
      for (const text of texts(r)) problems.push(...artefacts(where, text));
      if (!/[.!?…]$/.test(r.verdict)) problems.push(`${where}: verdict does not end a sentence`);
      for (const f of r.faq) if (!/[.!?…]$/.test(f.answer)) problems.push(`${where}: FAQ answer does not end a sentence`);
      if (r.faq.length !== 3) problems.push(`${where}: ${r.faq.length} FAQ entries`);
      for (const side of ['a', 'b'] as const) {
        if (r.chooseIf[side].length < 2) problems.push(`${where}: choose ${side} has ${r.chooseIf[side].length} lines`);
        if (new Set(r.chooseIf[side]).size !== r.chooseIf[side].length) problems.push(`${where}: choose ${side} repeats a line`);
      }
      // A tied dimension is never described as a lead, and a lead is never zero.
      for (const d of r.dimensions) if ((d.leader === 'tie') !== (d.lead === 0)) problems.push(`${where}: ${d.dimension} tie and lead disagree`);
      if ([r.a.isWinner, r.b.isWinner].filter(Boolean).length !== (r.winner === 'tie' ? 0 : 1)) problems.push(`${where}: winner flags disagree`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it.each(Object.entries(OPTION_SETS))('agrees with itself when A and B swap, with %s', (_name, opts) => {
    for (const [a, b] of pairs) {
      expect(outcome(headToHead(b, a, opts)), `${a.id} vs ${b.id}`).toEqual(outcome(headToHead(a, b, opts)));
    }
  });

  it('names in the verdict every dimension the winner leads on ("every dimension" when it is all four)', () => {
    for (const [a, b] of pairs) {
      const r = headToHead(a, b);
      if (r.winner === 'tie') continue;
      const won = r.dimensions.filter((d) => d.leader === r.winner);
      if (won.length === 4) expect(r.verdict).toContain('winning on every dimension');
      else for (const d of won) expect(r.verdict, `${a.id} vs ${b.id}`).toContain(d.label);
    }
  });
});
