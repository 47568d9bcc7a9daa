import { describe, expect, it } from 'vitest';
import { looseName, reorderings } from './variants';

describe('loose names', () => {
  it.each([
    [{ name: 'GitHub Copilot', vendor: 'GitHub' }, 'Copilot'],
    [{ name: 'Adobe Firefly', vendor: 'Adobe' }, 'Firefly'],
    [{ name: 'Microsoft 365 Copilot', vendor: 'Microsoft' }, undefined],
    [{ name: 'Mistral 7B', vendor: 'Mistral AI' }, undefined],
    [{ name: 'Meta AI', vendor: 'Meta' }, undefined],
    [{ name: 'Kagi Assistant', vendor: 'Kagi' }, undefined],
    [{ name: 'Midjourney', vendor: 'Midjourney' }, undefined],
  ])('%j → %s', (tool, loose) => expect(looseName(tool)).toBe(loose));
});

describe('word order', () => {
  it('swaps version and tier for model families', () => {
    expect(reorderings('Claude 3.5 Sonnet')).toEqual(['Claude Sonnet 3.5']);
    expect(reorderings('Claude Sonnet 4')).toEqual(['Claude 4 Sonnet']);
    expect(reorderings('Gemini 2.5 Pro')).toEqual(['Gemini Pro 2.5']);
    expect(reorderings('GPT-4o')).toEqual([]);
  });
});
