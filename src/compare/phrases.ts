/**
 * Every sentence `compare/` shows a person, in one place, so they can move to `browser.i18n`
 * messages later. The logic modules choose WHICH sentence; only this file knows the words.
 * Wording follows the reference comparison page (seed-comparison.txt) exactly where it has one.
 */
import { DIMENSIONS, type Category, type Dimension } from '../catalog/constants';
import { formatCents, formatTenths } from './format';

/** Ends a sentence with a period unless it already ends with one (or with ! ? …). */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** "Performance, Reliability and Ease of Use" (the verdict's style). */
export function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Performance and Reliability and Ease of Use": the reference FAQ's own style, kept verbatim. */
export function listAndAnd(items: readonly string[]): string {
  return items.join(' and ');
}

/** Dimension names in a sentence; all four at once read better as "every dimension". */
function dims(labels: readonly string[]): string {
  return labels.length === DIMENSIONS.length ? 'every dimension' : listAnd(labels);
}

/** The same in the reference FAQ's "A and B and C" style. */
function dimsAndAnd(labels: readonly string[]): string {
  return labels.length === DIMENSIONS.length ? 'every dimension' : listAndAnd(labels);
}

/** "bulk api use": the reference lower-cases a best-for entirely inside its FAQ question. */
export function lowerAll(text: string): string {
  return text.toLowerCase();
}

/** "chatbots" → "Chatbots" as a list item; "iOS developers" stays as written (mixed case is deliberate). */
export function capitalizeItem(text: string): string {
  const first = text.split(/\s/, 1)[0] ?? '';
  return first === first.toLowerCase() ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** "0.2 points"; exactly one is "1.0 point" (the lead is always shown to one decimal). */
export function points(tenths: number): string {
  return tenths === 10 ? `${formatTenths(tenths)} point` : `${formatTenths(tenths)} points`;
}

/** A per-month amount with honest rounding: "about $3.20", "less than $0.01", "$0.00". */
function approxCents(cents: number, exactUSD: number): string {
  if (cents === 0) return exactUSD > 0 ? 'less than $0.01' : '$0.00';
  return `about ${formatCents(cents)}`;
}

/** "an LLM API": article and noun together, since "a"/"an" depends on the noun. */
export const CATEGORY_NOUNS: Record<Category, string> = {
  'llm-api': 'an LLM API',
  'chat-assistant': 'a chat assistant',
  'coding-assistant': 'a coding assistant',
  'image-generator': 'an image generator',
  'video-generator': 'a video generator',
  'voice-audio': 'a voice and audio tool',
  'music-generator': 'a music generator',
  'writing-assistant': 'a writing assistant',
  'search-research': 'a search and research tool',
  'meetings-productivity': 'a meetings and productivity tool',
  'agents-automation': 'an agent and automation tool',
};

export const phrases = {
  // Dimension rows.
  leads: (name: string, tenths: number) => `${name} leads by ${points(tenths)}`,
  tiedAt: (scoreTenths: number) => `Tied at ${formatTenths(scoreTenths)}`,

  // Verdict: the opening clause.
  higherOverall: (winner: string, w: string, l: string) => `${winner} scores higher overall (${w} vs ${l})`,
  higherOnPriorities: (priorities: readonly string[], winner: string, w: string, l: string) =>
    `On your priorities (${priorities.join(', ')}), ${winner} scores higher (${w} vs ${l})`,
  tiedOverall: (a: string, b: string, s: string) => `${a} and ${b} are tied overall at ${s}`,
  tiedOnPriorities: (priorities: readonly string[], a: string, b: string, s: string) =>
    `On your priorities (${priorities.join(', ')}), ${a} and ${b} are tied at ${s}`,
  // Verdict: what the dimensions say, appended to the opening clause.
  winningOn: (labels: readonly string[]) => `, winning on ${dims(labels)}`,
  thoughLeads: (loser: string, labels: readonly string[]) => `, though ${loser} leads on ${dims(labels)}`,
  everyDimensionTied: ', with every dimension tied',
  tieSplit: (a: string, aLabels: readonly string[], b: string, bLabels: readonly string[]) =>
    `: ${a} leads on ${listAnd(aLabels)}, ${b} on ${listAnd(bLabels)}`,
  tieOneSided: (name: string, labels: readonly string[], level: readonly string[]) =>
    level.length > 0 ? `: ${name} leads on ${listAnd(labels)}, and they are level on ${listAnd(level)}` : `: ${name} leads on ${dims(labels)}`,
  tieEverywhere: ', and on every dimension',
  // Verdict: the stored overall beside "your score".
  alsoHigherOverall: (w: string, l: string) => `It also scores higher overall (${w} vs ${l}).`,
  otherLeadsOverall: (name: string, w: string, l: string) => `On the overall score, ${name} leads (${w} vs ${l}).`,
  tiedOnOverall: (s: string) => `On the overall score, they are tied at ${s}.`,
  // Verdict: the closing description.
  taglineAndSummary: (tagline: string, summary: string) => `${sentence(tagline)} ${sentence(summary)}`,
  bothTaglines: (a: string, aTagline: string, b: string, bTagline: string) =>
    `${a}: ${sentence(aTagline)} ${b}: ${sentence(bTagline)}`,
  differentJobs: (a: string, aCategory: Category, b: string, bCategory: Category) =>
    `${a} is ${CATEGORY_NOUNS[aCategory]} and ${b} is ${CATEGORY_NOUNS[bCategory]}: they do different jobs, so compare them only if you are choosing between those jobs.`,

  // "Choose X if…" lines (list items: no closing period, as on the reference page).
  topPriority: (dim: string, name: string, tenths: number) => `${dim} is your top priority — ${name} leads by ${points(tenths)}`,
  // "You also value Value" stutters, so that one dimension is said another way.
  alsoValue: (dimension: Dimension, label: string, name: string) =>
    dimension === 'value' ? `You also care about ${label} — ${name} wins that dimension too` : `You also value ${label} — ${name} wins that dimension too`,
  vendorSuits: (vendor: string) => `${vendor} support, documentation, and community suit your team`,
  bestOverall: (name: string, w: string, l: string) => `You want the higher overall score — ${name} scores ${w} vs ${l}`,
  costsLess: (name: string, cents: number, otherCents: number) =>
    `You want to spend less — at your usage ${name} comes to ${formatCents(cents)} a month vs ${formatCents(otherCents)}`,

  // FAQ: "Is A better than B?"
  isBetterQ: (a: string, b: string) => `Is ${a} better than ${b}?`,
  scoresVs: (w: string, ws: string, ls: string, l: string) => `${w} scores ${ws} overall vs ${ls} for ${l}`,
  withEdgeOn: (labels: readonly string[]) => `, with an edge on ${dimsAndAnd(labels)}`,
  thatSaid: (l: string, dim: string) => `That said, "${l}" may be the better pick if ${dim.toLowerCase()} is your priority.`,
  bothScore: (a: string, b: string, s: string) => `${a} and ${b} both score ${s} overall.`,
  hasEdgeOn: (name: string, labels: readonly string[]) => `${name} has an edge on ${dimsAndAnd(labels)}.`,
  onYourPriorities: (priorities: readonly string[], name: string, w: string, l: string) =>
    `On your priorities (${priorities.join(', ')}), ${name} scores higher (${w} vs ${l}).`,
  tiedOnYourPriorities: (priorities: readonly string[], s: string) => `On your priorities (${priorities.join(', ')}), they are tied at ${s}.`,
  dependsOnUseCase: 'The right choice depends on your use case.',

  // FAQ: pricing.
  pricingQ: (a: string, b: string) => `What is the pricing difference between ${a} and ${b}?`,
  pricingLine: (name: string, display: string) => `${name}: ${sentence(display)}`,
  costAtUsage: (a: string, aCents: number, aUSD: number, b: string, bCents: number, bUSD: number) => {
    if (aCents === bCents) return `At your usage, both come to ${approxCents(aCents, aUSD)} a month.`;
    const [cheaper, diff] = aCents < bCents ? [a, bCents - aCents] : [b, aCents - bCents];
    return `At your usage, ${a} comes to ${approxCents(aCents, aUSD)} a month and ${b} to ${approxCents(bCents, bUSD)}, so ${cheaper} costs ${formatCents(diff)} less a month.`;
  },
  totalCostOfOwnership: 'Compare usage volumes and features needed to determine total cost of ownership for your team.',

  // FAQ: "Which is better for <A's first best-for>?"
  betterForQ: (bestFor: string) => `Which is better for ${lowerAll(bestFor)}?`,
  generallyStronger: (a: string, s: string) => `${a} is generally stronger here, scoring ${s} overall.`,
  builtFor: (a: string, s: string) => `${a} is built for this, scoring ${s} overall.`,
  builtForLevel: (a: string, s: string, b: string) => `${a} is built for this, scoring ${s} overall, level with ${b}.`,
  nicheRequirements: (dim: string, b: string) => `For more niche requirements like ${dim.toLowerCase()}, ${b} may be worth evaluating.`,
  higherOverallWorthEvaluating: (b: string, s: string) => `${b} scores higher overall (${s}), so it is worth evaluating too.`,

  // Cost at your usage.
  costEstimate: (cents: number, usd: number) =>
    cents === 0 ? (usd > 0 ? 'Less than $0.01 a month' : 'Free at your usage') : `About ${formatCents(cents)} a month`,
  costSelfHosted: 'Self-hosted: your own hardware',
  costOnRequest: 'Price on request',
  costNoStructuredPrice: 'No published price to estimate',
  costUsageNotSet: 'Set your usage to estimate a monthly cost',
  costDifference: (cheaper: string, diffCents: number) => `${cheaper} costs ${formatCents(diffCents)} less a month at your usage`,
  costSame: 'Both cost about the same at your usage',
} as const;
