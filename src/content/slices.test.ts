import { describe, expect, it } from 'vitest';
import { createDetector } from '../detect/detector';
import { PLAIN_PAGE, TEST_INDEX } from '../detect/test-index';
import { pieceChunks } from './slices';

/** Cut a text into pieces of uneven sizes, as slices of reading would. */
function piecesOf(text: string, sizes: number[]): string[] {
  const pieces: string[] = [];
  for (let at = 0, k = 0; at < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  return pieces;
}

describe('pieceChunks', () => {
  const text = Array.from({ length: 500 }, (_, i) => `line ${i} with GPT-4o and Claude 3.5 Sonnet`).join('\n');

  it('covers the text exactly, cutting only after block breaks', () => {
    const chunks = [...pieceChunks(piecesOf(text, [37, 401, 5, 1200]), 1000)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.map(([, c]) => c).join('')).toBe(text);
    for (const [offset, chunk] of chunks) expect(text.slice(offset, offset + chunk.length)).toBe(chunk);
    for (const [, chunk] of chunks.slice(0, -1)) expect(chunk.endsWith('\n')).toBe(true);
    for (const [, chunk] of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(900);
  });

  it('finds the same mentions chunk by chunk as in the whole text', () => {
    const detector = createDetector(TEST_INDEX);
    const whole = detector.detect(text, PLAIN_PAGE);
    const chunked = [...pieceChunks(piecesOf(text, [333, 77]), 1000)].flatMap(([offset, chunk]) =>
      detector.detect(chunk, PLAIN_PAGE).map((m) => ({ ...m, start: m.start + offset, end: m.end + offset })),
    );
    expect(whole.length).toBeGreaterThan(500);
    expect(chunked).toEqual(whole);
  });

  it('keeps a text with no breaks whole', () => {
    expect([...pieceChunks(['x'.repeat(2500), 'y'.repeat(2500)], 1000)]).toEqual([[0, 'x'.repeat(2500) + 'y'.repeat(2500)]]);
  });

  it('gives nothing for no text', () => {
    expect([...pieceChunks([], 1000)]).toEqual([]);
    expect([...pieceChunks(['', ''], 1000)]).toEqual([]);
  });
});
