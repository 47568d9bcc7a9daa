/**
 * Garbage-collection pauses on a page's main thread, read from a Chrome trace, so the bench can tell
 * how much of a long task was V8 collecting the renderer's heap and how much was our script.
 *
 * On the 1 MB and 5 MB pages a major collection's final pause takes 60-280 ms on this machine, and
 * finishing the sweep of earlier pages' DOMs before a new marking can start took 432 ms once (traced
 * 2026-12-02). Such a pause lands in whatever script runs when the heap reaches its limit.
 */

/** The user-timing mark the page harness sets where the scanner's run starts, lining its timings up with the trace's. */
export const SCAN_MARK = 'vl-scan-start';

/**
 * Trace events that are the main thread stopped for garbage collection, as the category
 * `disabled-by-default-v8.gc` names them: a major collection's final pause (inside a GC request), a
 * scavenge, a step of incremental marking, and finishing a sweep on the main thread. Nested ones
 * overlap and are merged, so none is counted twice; other threads' events are left out by thread.
 */
const GC_EVENTS = new Set([
  'V8.GCHandleGCRequest',
  'V8.GC_MARK_COMPACTOR',
  'V8.GC_SCAVENGER',
  'V8.GC_MINOR_MARK_SWEEPER',
  'V8.GC_MC_INCREMENTAL',
  'V8.GC_MC_INCREMENTAL_START',
  'V8.GC_HEAP_ENSURE_SWEEPING_COMPLETED',
  'V8.GC_MC_COMPLETE_SWEEPING',
]);

/**
 * The trace categories these events come in. Only these: with `v8` as well, one trace of the typical
 * page's runs (mark.js's included) outgrew the longest string Node can make.
 */
export const GC_TRACE_CATEGORIES = ['blink.user_timing', 'disabled-by-default-v8.gc'];

/**
 * The main thread's GC pauses, in the page's milliseconds relative to the user-timing mark `mark`
 * (set with `performance.mark(mark)` at the start of the measured work): merged, sorted intervals.
 * The main thread is the one that set the mark.
 *
 * @param {{ traceEvents?: any[] } | any[]} trace a parsed Chrome trace
 * @param {string} mark
 * @returns {{ start: number, end: number }[]}
 */
export function gcPausesAfterMark(trace, mark) {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const origin = events.find((e) => e.name === mark && typeof e.cat === 'string' && e.cat.includes('blink.user_timing'));
  if (!origin) throw new Error(`the trace has no user-timing mark "${mark}"`);
  const spans = events
    .filter((e) => e.ph === 'X' && GC_EVENTS.has(e.name) && e.pid === origin.pid && e.tid === origin.tid && e.ts + e.dur >= origin.ts)
    .map((e) => ({ start: (e.ts - origin.ts) / 1000, end: (e.ts + e.dur - origin.ts) / 1000 }))
    .sort((a, b) => a.start - b.start);
  /** @type {{ start: number, end: number }[]} */
  const merged = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * How much of the stretch `[start, end]` (page milliseconds, same origin as the pauses) the main
 * thread spent in the given GC pauses.
 *
 * @param {{ start: number, end: number }[]} pauses
 * @param {number} start
 * @param {number} end
 */
export function gcWithin(pauses, start, end) {
  let total = 0;
  for (const p of pauses) total += Math.max(0, Math.min(end, p.end) - Math.max(start, p.start));
  return total;
}
