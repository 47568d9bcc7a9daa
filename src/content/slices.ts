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
