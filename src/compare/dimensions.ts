/**
 * Each dimension's leader and lead (issue 6): "GPT-4.1 Mini leads by 0.2 points", or tied.
 * Rows come in the catalog's fixed order (the reference page's table); sentences list
 * dimensions in the user's priority order instead (see `dimensionsWon`).
 */
import { DIMENSIONS, type Dimension } from '../catalog/constants';
import type { Tool } from '../catalog/schema';
import { toTenths } from './format';
import { phrases } from './phrases';
import { DIMENSION_LABELS } from './preferences';

export type SideKey = 'a' | 'b';
export type Outcome = SideKey | 'tie';

export interface DimensionRow {
  dimension: Dimension;
  label: string;
  /** The two scores out of ten. */
  a: number;
  b: number;
  leader: Outcome;
  /** The lead to one decimal; 0 when tied. */
  lead: number;
  /** "GPT-4.1 Mini leads by 0.2 points" or "Tied at 8.0". */
  leadText: string;
}

export function other(side: SideKey): SideKey {
  return side === 'a' ? 'b' : 'a';
}

/** Who is ahead on two scores, compared as whole tenths so equal-looking scores are equal. */
export function leaderOf(a: number, b: number): Outcome {
  const d = toTenths(a) - toTenths(b);
  return d > 0 ? 'a' : d < 0 ? 'b' : 'tie';
}

export function compareDimensions(a: Tool, b: Tool): DimensionRow[] {
  return DIMENSIONS.map((dimension) => {
    const sa = a.scores[dimension];
    const sb = b.scores[dimension];
    const leader = leaderOf(sa, sb);
    const leadTenths = Math.abs(toTenths(sa) - toTenths(sb));
    return {
      dimension,
      label: DIMENSION_LABELS[dimension],
      a: sa,
      b: sb,
      leader,
      lead: leadTenths / 10,
      leadText: leader === 'tie' ? phrases.tiedAt(toTenths(sa)) : phrases.leads((leader === 'a' ? a : b).name, leadTenths),
    };
  });
}

/** The dimensions `side` leads on, in `order` (the user's priorities, most important first). */
export function dimensionsWon(rows: readonly DimensionRow[], side: Outcome, order: readonly Dimension[]): Dimension[] {
  const won = new Set(rows.filter((r) => r.leader === side).map((r) => r.dimension));
  return order.filter((d) => won.has(d));
}

/** A lead in whole tenths, for sentences: 0.2 → 2. */
export function leadTenths(rows: readonly DimensionRow[], dimension: Dimension): number {
  return Math.round((rows.find((r) => r.dimension === dimension)?.lead ?? 0) * 10);
}
