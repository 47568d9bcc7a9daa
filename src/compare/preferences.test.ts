import { describe, expect, it } from 'vitest';
import { referenceTools } from './fixtures/catalog';
import { DEFAULT_PREFERENCES, effectiveOrder, hasPreferences, normalizeOrder, topPriorities, yourScore, type Preferences, type Weights } from './preferences';

const { gpt, sd } = referenceTools();
const prefs = (weights: Partial<Weights>, order = DEFAULT_PREFERENCES.order): Preferences => ({
  order,
  weights: { performance: 0, value: 0, reliability: 0, easeOfUse: 0, ...weights },
});

describe('preferences', () => {
  it('treats equal weights, all zeros included, as no preference', () => {
    expect(hasPreferences(DEFAULT_PREFERENCES)).toBe(false);
    expect(hasPreferences(prefs({}))).toBe(false);
    expect(hasPreferences(prefs({ performance: 3, value: 3, reliability: 3, easeOfUse: 3 }))).toBe(false);
    expect(hasPreferences(prefs({ value: 1 }))).toBe(true);
    expect(yourScore(gpt, prefs({}))).toBeUndefined();
    expect(yourScore(gpt, DEFAULT_PREFERENCES)).toBeUndefined();
  });

  it('repairs an order that misses or repeats dimensions', () => {
    expect(normalizeOrder(['value', 'value', 'easeOfUse'])).toEqual(['value', 'easeOfUse', 'performance', 'reliability']);
    expect(normalizeOrder([])).toEqual(['performance', 'value', 'reliability', 'easeOfUse']);
  });

  it('lists heavier dimensions first, the user order breaking ties', () => {
    expect(effectiveOrder(DEFAULT_PREFERENCES)).toEqual(['performance', 'value', 'reliability', 'easeOfUse']);
    expect(effectiveOrder(prefs({ value: 3, easeOfUse: 3, performance: 1 }))).toEqual(['value', 'easeOfUse', 'performance', 'reliability']);
    expect(effectiveOrder(prefs({ value: 3, easeOfUse: 3 }, ['easeOfUse', 'reliability', 'value', 'performance']))).toEqual([
      'easeOfUse',
      'value',
      'reliability',
      'performance',
    ]);
  });

  it('names the top-weighted dimensions as "your priorities"', () => {
    expect(topPriorities(prefs({ value: 3, easeOfUse: 3, performance: 1 }))).toEqual(['value', 'easeOfUse']);
    expect(topPriorities(prefs({ performance: 1, value: 1, reliability: 1 }))).toEqual(['performance', 'value', 'reliability']);
  });

  // Hand-computed from the reference scores: GPT-4.1 Mini 8.2 / 9.5 / 9.0 / 9.5, Stable Diffusion 8.0 / 10.0 / 7.0 / 5.5.
  it.each<[string, Partial<Weights>, number, number]>([
    ['value only', { value: 3 }, 9.5, 10.0],
    ['value and ease of use (SD: (10.0 + 5.5) / 2 = 7.75, half up)', { value: 3, easeOfUse: 3 }, 9.5, 7.8],
    ['value 3, performance 1 (GPT: (8.2 + 3 × 9.5) / 4 = 9.175)', { value: 3, performance: 1 }, 9.2, 9.5],
    ['reliability 2, ease of use 1 (SD: (2 × 7.0 + 5.5) / 3 = 6.5)', { reliability: 2, easeOfUse: 1 }, 9.2, 6.5],
    ['performance 3, the rest 1 (GPT: 52.6 / 6 = 8.77; SD: 46.5 / 6 = 7.75, half up)', { performance: 3, value: 1, reliability: 1, easeOfUse: 1 }, 8.8, 7.8],
  ])('your score with %s', (_, weights, forGpt, forSd) => {
    expect(yourScore(gpt, prefs(weights))).toBe(forGpt);
    expect(yourScore(sd, prefs(weights))).toBe(forSd);
  });
});
