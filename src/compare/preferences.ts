/**
 * The user's comparison settings as `compare/` understands them (issue 6): which dimensions
 * matter, in what order and how much, and how much they use. `src/settings/` stores and repairs
 * them; everything here is pure and takes them as plain values.
 */
import { DIMENSIONS, type Category, type Dimension } from '../catalog/constants';
import type { Tool } from '../catalog/schema';
import { toTenths } from './format';

export type { Dimension };

/** How the four dimensions are named on screen (the reference page's words). */
export const DIMENSION_LABELS: Record<Dimension, string> = {
  performance: 'Performance',
  value: 'Value',
  reliability: 'Reliability',
  easeOfUse: 'Ease of Use',
};

/** 0 ignore, 1 a little, 2 matters, 3 matters most. */
export type Weight = 0 | 1 | 2 | 3;
export type Weights = Record<Dimension, Weight>;

export interface Preferences {
  /** Most important first. Used for "Choose X if…" and wherever dimensions are listed in words. */
  order: Dimension[];
  weights: Weights;
}

/** The reference page's order, and all weights equal: "no preference". */
export const DEFAULT_PREFERENCES: Preferences = {
  order: ['performance', 'value', 'reliability', 'easeOfUse'],
  weights: { performance: 2, value: 2, reliability: 2, easeOfUse: 2 },
};

/** How much the user uses a tool in a month; zero means "not set" for that part. */
export interface UsageProfile {
  inputTokensPerMonth: number;
  outputTokensPerMonth: number;
  seats: number;
  imagesPerMonth: number;
  audioMinutesPerMonth: number;
  videoSecondsPerMonth: number;
}

/** All zeros: usage not set, so no cost is estimated. */
export const DEFAULT_USAGE: UsageProfile = {
  inputTokensPerMonth: 0,
  outputTokensPerMonth: 0,
  seats: 0,
  imagesPerMonth: 0,
  audioMinutesPerMonth: 0,
  videoSecondsPerMonth: 0,
};

/** Per category, the tool id the user wants to compare against (settings: Record<category, toolId>). */
export type AlternativeChoices = Partial<Record<Category, string>>;

/**
 * The order with every dimension exactly once: stored settings may come from an older version
 * or a hand edit, and a missing dimension must still be listed somewhere.
 */
export function normalizeOrder(order: readonly Dimension[]): Dimension[] {
  const seen = new Set<Dimension>();
  for (const d of order) if ((DIMENSIONS as readonly string[]).includes(d)) seen.add(d);
  for (const d of DIMENSIONS) seen.add(d);
  return [...seen];
}

/** Preferences are "set" when the weights differ; all equal (all zeros included) is no preference. */
export function hasPreferences(preferences: Preferences): boolean {
  const first = preferences.weights[DIMENSIONS[0]];
  return DIMENSIONS.some((d) => preferences.weights[d] !== first);
}

/**
 * The order used for words: with preferences set, heavier dimensions come first (a weight says more
 * than a position), and the user's order breaks ties between equal weights.
 */
export function effectiveOrder(preferences: Preferences): Dimension[] {
  const order = normalizeOrder(preferences.order);
  if (!hasPreferences(preferences)) return order;
  // Array.prototype.sort is stable, so equal weights keep the user's order.
  return order.sort((x, y) => preferences.weights[y] - preferences.weights[x]);
}

/** The dimensions carrying the top weight, in the user's order: "On your priorities (Value, Ease of Use)". */
export function topPriorities(preferences: Preferences): Dimension[] {
  const top = Math.max(...DIMENSIONS.map((d) => preferences.weights[d]));
  return normalizeOrder(preferences.order).filter((d) => preferences.weights[d] === top);
}

/**
 * "Your score": the mean of the four dimension scores weighted by the user's weights, to one decimal
 * (half up). Worked in whole tenths so the rounding is exact. Undefined without preferences:
 * the stored, editorial overall is then the only score.
 */
export function yourScore(tool: Tool, preferences: Preferences): number | undefined {
  if (!hasPreferences(preferences)) return undefined;
  let sum = 0;
  let total = 0;
  for (const d of DIMENSIONS) {
    const w = preferences.weights[d];
    sum += w * toTenths(tool.scores[d]);
    total += w;
  }
  // total > 0 here: weights that are not all equal cannot all be zero.
  return Math.floor((2 * sum + total) / (2 * total)) / 10;
}
