import { describe, expect, it } from 'vitest';
import { chunkBounds } from './slices';

describe('chunkBounds', () => {
  it('covers the text exactly, cutting only after block breaks', () => {
    const text = Array.from({ length: 500 }, (_, i) => `line ${i} with GPT-4o and Claude 3.5 Sonnet`).join('\n');
    const bounds = chunkBounds(text, 1000);
    expect(bounds.length).toBeGreaterThan(10);
    expect(bounds[0]![0]).toBe(0);
    expect(bounds[bounds.length - 1]![1]).toBe(text.length);
    for (let i = 1; i < bounds.length; i++) {
      expect(bounds[i]![0]).toBe(bounds[i - 1]![1]);
      expect(text[bounds[i]![0] - 1]).toBe('\n');
    }
  });

  it('keeps a text with no breaks whole', () => {
    expect(chunkBounds('x'.repeat(5000), 1000)).toEqual([[0, 5000]]);
  });

  it('gives nothing for empty text', () => {
    expect(chunkBounds('', 1000)).toEqual([]);
  });
});
