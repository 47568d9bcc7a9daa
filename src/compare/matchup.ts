/**
 * The facts of one head-to-head, computed once and shared by the verdict, "Choose X if…" and the
 * FAQ, so every sentence agrees on who won what.
 */
import type { Dimension, Tool } from '../catalog/schema';
import { compareCosts, type CostComparison } from './cost';
import { compareDimensions, dimensionsWon, leaderOf, type DimensionRow, type Outcome, type SideKey } from './dimensions';
import { formatScore } from './format';
import { DEFAULT_PREFERENCES, effectiveOrder, hasPreferences, topPriorities, yourScore, type Preferences, type UsageProfile } from './preferences';

export interface Matchup {
  tools: Record<SideKey, Tool>;
  /** The user's priority order (weights first, then their order): how dimensions are listed in words. */
  order: Dimension[];
  rows: DimensionRow[];
  /** The dimensions each side leads on, in `order`. */
  wins: Record<SideKey, Dimension[]>;
  tied: Dimension[];
  /** On the stored, editorial overall. */
  overallWinner: Outcome;
  /** Present when preferences are set. */
  yours?: { scores: Record<SideKey, number>; winner: Outcome; priorities: Dimension[] };
  /** The winner the verdict announces: on "your score" when preferences are set, else on overall. */
  winner: Outcome;
  basis: 'overall' | 'your-score';
  /** Present when a usage profile was given. */
  costs?: CostComparison;
}

export function buildMatchup(a: Tool, b: Tool, preferences: Preferences = DEFAULT_PREFERENCES, usage?: UsageProfile): Matchup {
  const order = effectiveOrder(preferences);
  const rows = compareDimensions(a, b);
  const overallWinner = leaderOf(a.overall, b.overall);
  const m: Matchup = {
    tools: { a, b },
    order,
    rows,
    wins: { a: dimensionsWon(rows, 'a', order), b: dimensionsWon(rows, 'b', order) },
    tied: dimensionsWon(rows, 'tie', order),
    overallWinner,
    winner: overallWinner,
    basis: 'overall',
  };
  const ya = yourScore(a, preferences);
  const yb = yourScore(b, preferences);
  if (hasPreferences(preferences) && ya !== undefined && yb !== undefined) {
    const winner = leaderOf(ya, yb);
    m.yours = { scores: { a: ya, b: yb }, winner, priorities: topPriorities(preferences) };
    m.winner = winner;
    m.basis = 'your-score';
  }
  if (usage) m.costs = compareCosts(a, b, usage);
  return m;
}

/** "8.9/10" for a side's stored overall. */
export function overallText(m: Matchup, side: SideKey): string {
  return formatScore(m.tools[side].overall);
}
