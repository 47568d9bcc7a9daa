export interface Pause {
  start: number;
  end: number;
}
export const SCAN_MARK: string;
export const GC_TRACE_CATEGORIES: string[];
export function gcPausesAfterMark(trace: { traceEvents?: unknown[] } | unknown[], mark: string): Pause[];
export function gcWithin(pauses: Pause[], start: number, end: number): number;
