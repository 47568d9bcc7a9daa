/**
 * Working in slices on the main thread: a few milliseconds of work, then a yield so the page stays
 * responsive (no task of ours over 50 ms). Uses scheduler.yield where the browser has it.
 */
export const SLICE_MS = 8;

type SchedulerLike = { yield?: () => Promise<void> };

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A deadline `ms` from now, as the collector and the chunked matcher take it. */
export function deadlineIn(ms: number = SLICE_MS): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
}

/**
 * Text held in pieces (as the page reader returns it) cut into chunks of about `size` characters at
 * block breaks ("\n"), which no tool name crosses, so matching chunk by chunk finds exactly what
 * matching the whole would. Joins only a chunk's worth at a time: one string of a whole 5 MB page
 * cost over 100 ms to build in one go. Yields each chunk with the offset of its first character.
 */
export function* pieceChunks(pieces: readonly string[], size: number): Generator<[number, string]> {
  let offset = 0;
  let held: string[] = [];
  let heldLength = 0;
  for (const piece of pieces) {
    held.push(piece);
    heldLength += piece.length;
    if (heldLength < size) continue;
    const joined = held.join('');
    const cut = joined.lastIndexOf('\n');
    if (cut === -1) {
      held = [joined]; // no break yet: keep going until there is one
      continue;
    }
    yield [offset, joined.slice(0, cut + 1)];
    offset += cut + 1;
    const rest = joined.slice(cut + 1);
    held = rest ? [rest] : [];
    heldLength = rest.length;
  }
  if (heldLength > 0) yield [offset, held.join('')];
}
