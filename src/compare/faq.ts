/**
 * The three FAQ entries (issue 6), in the reference page's exact wording where the reference has
 * a case: is A better than B; the pricing difference; which is better for A's first best-for.
 * Cases the reference never shows (A losing, a tie, preferences, usage) reuse its phrasing.
 */
import type { Dimension } from '../catalog/schema';
import { other, type SideKey } from './dimensions';
import { formatScore, toCents } from './format';
import { overallText, type Matchup } from './matchup';
import { phrases } from './phrases';
import { DIMENSION_LABELS } from './preferences';

export interface FaqItem {
  question: string;
  answer: string;
}

const labels = (dims: readonly Dimension[]) => dims.map((d) => DIMENSION_LABELS[d]);

/** "On your priorities (…), X scores higher (…)." when preferences are set; else nothing. */
function prioritiesSentence(m: Matchup): string[] {
  if (!m.yours) return [];
  const names = labels(m.yours.priorities);
  const { scores, winner } = m.yours;
  if (winner === 'tie') return [phrases.tiedOnYourPriorities(names, formatScore(scores.a))];
  return [phrases.onYourPriorities(names, m.tools[winner].name, formatScore(scores[winner]), formatScore(scores[other(winner)]))];
}

function isBetter(m: Matchup): FaqItem {
  const { a, b } = m.tools;
  const parts: string[] = [];
  if (m.overallWinner === 'tie') {
    parts.push(phrases.bothScore(a.name, b.name, overallText(m, 'a')));
    for (const side of ['a', 'b'] as const) {
      if (m.wins[side].length > 0) parts.push(phrases.hasEdgeOn(m.tools[side].name, labels(m.wins[side])));
    }
  } else {
    // Told from the winner's side, as the reference does when A wins; when B wins, B leads the sentence.
    const w: SideKey = m.overallWinner;
    const l = other(w);
    const edge = m.wins[w].length > 0 ? phrases.withEdgeOn(labels(m.wins[w])) : '';
    parts.push(`${phrases.scoresVs(m.tools[w].name, overallText(m, w), overallText(m, l), m.tools[l].name)}${edge}.`);
    const [loserBest] = m.wins[l];
    if (loserBest) parts.push(phrases.thatSaid(m.tools[l].name, DIMENSION_LABELS[loserBest]));
  }
  parts.push(...prioritiesSentence(m), phrases.dependsOnUseCase);
  return { question: phrases.isBetterQ(a.name, b.name), answer: parts.join(' ') };
}

function pricing(m: Matchup): FaqItem {
  const { a, b } = m.tools;
  const parts = [phrases.pricingLine(a.name, a.pricing.display), phrases.pricingLine(b.name, b.pricing.display)];
  const ca = m.costs?.a;
  const cb = m.costs?.b;
  if (ca?.kind === 'estimate' && cb?.kind === 'estimate') {
    parts.push(phrases.costAtUsage(a.name, toCents(ca.monthlyUSD), ca.monthlyUSD, b.name, toCents(cb.monthlyUSD), cb.monthlyUSD));
  }
  parts.push(phrases.totalCostOfOwnership);
  return { question: phrases.pricingQ(a.name, b.name), answer: parts.join(' ') };
}

function betterFor(m: Matchup): FaqItem | undefined {
  const { a, b } = m.tools;
  const bestFor = a.bestFor[0];
  if (!bestFor) return undefined; // the schema requires one; nothing to ask without it
  const describeA = phrases.taglineAndSummary(a.tagline, a.summary);
  const [bBest] = m.wins.b;
  const niche = bBest ? [phrases.nicheRequirements(DIMENSION_LABELS[bBest], b.name)] : [];
  const parts =
    m.overallWinner === 'a'
      ? [phrases.generallyStronger(a.name, overallText(m, 'a')), describeA, ...niche]
      : m.overallWinner === 'b'
        ? [phrases.builtFor(a.name, overallText(m, 'a')), describeA, phrases.higherOverallWorthEvaluating(b.name, overallText(m, 'b'))]
        : [phrases.builtForLevel(a.name, overallText(m, 'a'), b.name), describeA, ...niche];
  return { question: phrases.betterForQ(bestFor), answer: parts.join(' ') };
}

export function faq(m: Matchup): FaqItem[] {
  const items = [isBetter(m), pricing(m)];
  const third = betterFor(m);
  if (third) items.push(third);
  return items;
}
