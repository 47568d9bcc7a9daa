/**
 * "Choose X if…" (issue 6; ARCHITECTURE.md §4), three lines as on the reference page:
 * 1. X's first winning dimension in the user's priority order, with its lead;
 * 2. X's first best-for;
 * 3. a second winning dimension, or else a line about X's vendor.
 * When X leads on no dimension, line 1 becomes a reason that is still true — the higher overall
 * score, or a lower cost at the user's usage — or is left out rather than invented.
 */
import { leadTenths, other, type SideKey } from './dimensions';
import { toCents } from './format';
import { overallText, type Matchup } from './matchup';
import { capitalizeItem, phrases } from './phrases';
import { DIMENSION_LABELS } from './preferences';

function noDimensionReason(m: Matchup, side: SideKey): string | undefined {
  const name = m.tools[side].name;
  if (m.overallWinner === side) return phrases.bestOverall(name, overallText(m, side), overallText(m, other(side)));
  const mine = m.costs?.[side];
  const theirs = m.costs?.[other(side)];
  if (mine?.kind === 'estimate' && theirs?.kind === 'estimate') {
    const [c, o] = [toCents(mine.monthlyUSD), toCents(theirs.monthlyUSD)];
    if (c < o) return phrases.costsLess(name, c, o);
  }
  return undefined;
}

export function chooseIf(m: Matchup, side: SideKey): string[] {
  const tool = m.tools[side];
  const [first, second] = m.wins[side];
  const lines: string[] = [];
  if (first) {
    lines.push(phrases.topPriority(DIMENSION_LABELS[first], tool.name, leadTenths(m.rows, first)));
  } else {
    const reason = noDimensionReason(m, side);
    if (reason) lines.push(reason);
  }
  // bestFor has at least one entry (schema); the guard keeps the type honest.
  const bestFor = tool.bestFor[0];
  if (bestFor) lines.push(capitalizeItem(bestFor));
  lines.push(second ? phrases.alsoValue(second, DIMENSION_LABELS[second], tool.name) : phrases.vendorSuits(tool.vendor));
  return lines;
}
