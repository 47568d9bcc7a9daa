import { describe, expect, it } from 'vitest';
import { gcPausesAfterMark, gcWithin } from '../../scripts/bench/gc-pauses.mjs';

// A trace as Chrome writes it: microseconds, complete events ('X') with a duration, per pid and tid.
const MAIN = { pid: 7, tid: 1 };
const mark = (ts: number) => ({ name: 'vl-start', cat: 'blink,blink.user_timing', ph: 'R', ts, ...MAIN });
const gc = (name: string, ts: number, dur: number, where = MAIN) => ({ name, cat: 'devtools.timeline,disabled-by-default-v8.gc', ph: 'X', ts, dur, ...where });

describe('GC pauses from a trace (bench)', () => {
  it('gives pauses in milliseconds from the mark, nested events merged', () => {
    const trace = {
      traceEvents: [
        mark(1_000_000),
        gc('V8.GCHandleGCRequest', 1_010_000, 255_000),
        gc('V8.GC_MARK_COMPACTOR', 1_010_500, 254_000), // inside the request: not counted twice
        gc('V8.GC_SCAVENGER', 1_400_000, 2_000),
      ],
    };
    expect(gcPausesAfterMark(trace, 'vl-start')).toEqual([
      { start: 10, end: 265 },
      { start: 400, end: 402 },
    ]);
  });

  it("ignores other threads, other events and pauses over before the mark", () => {
    const trace = [
      gc('V8.GC_MARK_COMPACTOR', 500_000, 100_000), // ended before the mark
      mark(1_000_000),
      gc('V8.GC_MARK_COMPACTOR', 1_100_000, 80_000, { pid: 7, tid: 2 }), // a helper thread
      gc('V8.GC_MARK_COMPACTOR', 1_100_000, 80_000, { pid: 8, tid: 1 }), // another renderer
      { name: 'Layout', cat: 'devtools.timeline', ph: 'X', ts: 1_100_000, dur: 300_000, ...MAIN },
      gc('V8.GC_HEAP_ENSURE_SWEEPING_COMPLETED', 1_200_000, 432_000),
    ];
    expect(gcPausesAfterMark(trace, 'vl-start')).toEqual([{ start: 200, end: 632 }]);
  });

  it('fails loudly without the mark', () => {
    expect(() => gcPausesAfterMark([gc('V8.GC_MARK_COMPACTOR', 0, 10)], 'vl-start')).toThrow(/no user-timing mark "vl-start"/);
  });

  it('measures the GC inside a stretch', () => {
    const pauses = [
      { start: 10, end: 265 },
      { start: 400, end: 402 },
    ];
    expect(gcWithin(pauses, 0, 445)).toBe(257);
    expect(gcWithin(pauses, 200, 401)).toBe(66);
    expect(gcWithin(pauses, 270, 399)).toBe(0);
  });
});
