/**
 * "Our Verdict" (issue 6; ARCHITECTURE.md §4): who wins and on what, then the winner's tagline and
 * summary. Unlike the reference page, which names only Performance and Reliability, we name every
 * dimension the winner leads on (GPT-4.1 Mini also leads on Ease of Use).
 */
import type { Dimension, Tool } from '../catalog/schema';
import { other, type SideKey } from './dimensions';
import { formatScore } from './format';
import { overallText, type Matchup } from './matchup';
import { phrases } from './phrases';
import { DIMENSION_LABELS } from './preferences';

const labels = (dims: readonly Dimension[]) => dims.map((d) => DIMENSION_LABELS[d]);

/**
 * What the dimensions add to a decided verdict. The winner's dimensions are always named; the
 * loser's are named too when it leads on more of them, so an overall winner that loses most
 * dimensions is not presented as dominant.
 */
function dimensionsClause(m: Matchup, winner: SideKey): string {
  const won = m.wins[winner];
  const lost = m.wins[other(winner)];
  if (won.length === 0 && lost.length === 0) return phrases.everyDimensionTied;
  let clause = won.length > 0 ? phrases.winningOn(labels(won)) : '';
  if (lost.length > won.length) clause += phrases.thoughLeads(m.tools[other(winner)].name, labels(lost));
  return clause;
}

/** What the dimensions add when the two are tied on the chosen score. */
function tieClause(m: Matchup): string {
  const { a, b } = m.wins;
  if (a.length > 0 && b.length > 0) return phrases.tieSplit(m.tools.a.name, labels(a), m.tools.b.name, labels(b));
  if (a.length > 0) return phrases.tieOneSided(m.tools.a.name, labels(a), labels(m.tied));
  if (b.length > 0) return phrases.tieOneSided(m.tools.b.name, labels(b), labels(m.tied));
  return phrases.tieEverywhere;
}

function describe(tool: Tool): string {
  return phrases.taglineAndSummary(tool.tagline, tool.summary);
}

/** With preferences set, the stored overall still stands beside "your score". */
function overallBeside(m: Matchup): string {
  if (m.overallWinner === 'tie') return phrases.tiedOnOverall(overallText(m, 'a'));
  const w = m.overallWinner;
  if (w === m.winner) return phrases.alsoHigherOverall(overallText(m, w), overallText(m, other(w)));
  return phrases.otherLeadsOverall(m.tools[w].name, overallText(m, w), overallText(m, other(w)));
}

export function verdict(m: Matchup): string {
  const { a, b } = m.tools;
  if (m.basis === 'overall' || !m.yours) {
    if (m.winner === 'tie') {
      return `${phrases.tiedOverall(a.name, b.name, overallText(m, 'a'))}${tieClause(m)}. ${phrases.bothTaglines(a.name, a.tagline, b.name, b.tagline)}`;
    }
    const w = m.winner;
    const head = phrases.higherOverall(m.tools[w].name, overallText(m, w), overallText(m, other(w)));
    return `${head}${dimensionsClause(m, w)}. ${describe(m.tools[w])}`;
  }

  const { scores, priorities } = m.yours;
  const names = labels(priorities);
  if (m.winner === 'tie') {
    const head = phrases.tiedOnPriorities(names, a.name, b.name, formatScore(scores.a));
    return `${head}${tieClause(m)}. ${overallBeside(m)} ${phrases.bothTaglines(a.name, a.tagline, b.name, b.tagline)}`;
  }
  const w = m.winner;
  const head = phrases.higherOnPriorities(names, m.tools[w].name, formatScore(scores[w]), formatScore(scores[other(w)]));
  return `${head}${dimensionsClause(m, w)}. ${overallBeside(m)} ${describe(m.tools[w])}`;
}

/** The note for two tools in different categories; undefined when they do the same job. */
export function differentJobs(a: Tool, b: Tool): string | undefined {
  return a.category === b.category ? undefined : phrases.differentJobs(a.name, a.category, b.name, b.category);
}
