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

/**
 * Resolves in the browser's next idle period (or after `timeoutMs` at the latest). Idle time is when
 * the renderer finishes its own work, such as V8 sweeping the heap of the page before this one. A
 * scan that starts at once competes with it, and when the scan's allocations start the next garbage
 * collection, V8 must finish that sweep on the main thread first: 432 ms in one slice on the bench's
 * 5 MB page (traced). Where requestIdleCallback is missing, a plain yield.
 */
export function whenIdle(timeoutMs = 500): Promise<void> {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
  if (typeof idle !== 'function') return yieldToMain();
  return new Promise((resolve) => idle(() => resolve(), { timeout: timeoutMs }));
}

/** A deadline `ms` from now, as the collector and the chunked matcher take it. */
export function deadlineIn(ms: number = SLICE_MS): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
}
