import { describe, expect, it } from 'vitest';
import { referenceTools } from './fixtures/catalog';
import { makeTool } from './fixtures/synthetic';
import { chooseAlternative } from './alternative';

const { gpt, sd } = referenceTools();
const scores = { performance: 8, value: 8, reliability: 8, easeOfUse: 8 };
const llm = (name: string, overall: number) => makeTool(gpt, { name, category: 'llm-api', overall, scores });
const mid = llm('Mid Model', 8.5);
const topB = llm('Bravo Model', 9.1);
const topA = llm('Alpha Model', 9.1);
const catalog = [gpt, sd, mid, topB, topA];

describe('chooseAlternative', () => {
  it('defaults to the highest-rated other tool of the same category, ties by name', () => {
    expect(chooseAlternative(gpt, catalog)?.id).toBe('alpha-model');
    expect(chooseAlternative(gpt, [...catalog].reverse())?.id).toBe('alpha-model');
    expect(chooseAlternative(topA, catalog)?.id).toBe('bravo-model');
  });

  it('never picks the tool itself or another category', () => {
    expect(chooseAlternative(mid, [mid, sd])).toBeUndefined();
    expect(chooseAlternative(sd, catalog)).toBeUndefined();
  });

  it('honours the user\'s choice for the category', () => {
    expect(chooseAlternative(gpt, catalog, { alternatives: { 'llm-api': 'mid-model' } })?.id).toBe('mid-model');
    expect(chooseAlternative(topA, catalog, { alternatives: { 'llm-api': 'gpt-4-1-mini' } })?.id).toBe('gpt-4-1-mini');
  });

  it('falls back to the default when the choice is the tool itself, missing, or no longer in the category', () => {
    expect(chooseAlternative(mid, catalog, { alternatives: { 'llm-api': 'mid-model' } })?.id).toBe('alpha-model');
    expect(chooseAlternative(gpt, catalog, { alternatives: { 'llm-api': 'gone-model' } })?.id).toBe('alpha-model');
    expect(chooseAlternative(gpt, catalog, { alternatives: { 'llm-api': 'stable-diffusion' } })?.id).toBe('alpha-model');
    // A choice for another category does not apply.
    expect(chooseAlternative(gpt, catalog, { alternatives: { 'image-generator': 'mid-model' } })?.id).toBe('alpha-model');
  });
});
