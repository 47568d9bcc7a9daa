/**
 * The head-to-head comparison of two tools (issue 6; ARCHITECTURE.md §4), as structured data the
 * UI renders without computing anything.
 */
import type { Tool } from '../catalog/schema';
import { chooseIf } from './choose-if';
import type { CostComparison } from './cost';
import type { DimensionRow, Outcome, SideKey } from './dimensions';
import { faq, type FaqItem } from './faq';
import { buildMatchup } from './matchup';
import { DEFAULT_PREFERENCES, type Dimension, type Preferences, type UsageProfile } from './preferences';
import { differentJobs, verdict } from './verdict';

export interface HeadToHeadSide {
  tool: Tool;
  /** The stored, editorial overall score. */
  overall: number;
  /** The score weighted by the user's preferences; only when preferences are set. */
  yourScore?: number;
  /** Won on the verdict's basis; false for both on a tie. */
  isWinner: boolean;
  /** The reference page's "Best For" line: the entries joined by commas. */
  bestForLine: string;
}

export interface HeadToHead {
  a: HeadToHeadSide;
  b: HeadToHeadSide;
  winner: Outcome;
  /** Which score chose the winner: the stored overall, or "your score" when preferences are set. */
  basis: 'overall' | 'your-score';
  /** The top-weighted dimensions named in the verdict; only when preferences are set. */
  priorities?: Dimension[];
  dimensions: DimensionRow[];
  verdict: string;
  /** Present when the two tools are in different categories. */
  differentJobs?: string;
  chooseIf: Record<SideKey, string[]>;
  faq: FaqItem[];
  /** Present when a usage profile is given. */
  cost?: CostComparison;
}

export interface HeadToHeadOptions {
  preferences?: Preferences;
  usage?: UsageProfile;
}

export function headToHead(a: Tool, b: Tool, opts: HeadToHeadOptions = {}): HeadToHead {
  const m = buildMatchup(a, b, opts.preferences ?? DEFAULT_PREFERENCES, opts.usage);
  const side = (key: SideKey): HeadToHeadSide => {
    const s: HeadToHeadSide = {
      tool: m.tools[key],
      overall: m.tools[key].overall,
      isWinner: m.winner === key,
      bestForLine: m.tools[key].bestFor.join(', '),
    };
    if (m.yours) s.yourScore = m.yours.scores[key];
    return s;
  };
  const result: HeadToHead = {
    a: side('a'),
    b: side('b'),
    winner: m.winner,
    basis: m.basis,
    dimensions: m.rows,
    verdict: verdict(m),
    chooseIf: { a: chooseIf(m, 'a'), b: chooseIf(m, 'b') },
    faq: faq(m),
  };
  if (m.yours) result.priorities = m.yours.priorities;
  const note = differentJobs(a, b);
  if (note) result.differentJobs = note;
  if (m.costs) result.cost = m.costs;
  return result;
}
