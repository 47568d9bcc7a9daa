/**
 * Cost at your usage (issue 6): a tool's structured pricing and the user's UsageProfile give an
 * estimated monthly bill; where no estimate is honest, the reason comes back as data so the UI
 * can say "Self-hosted: your own hardware", "Price on request", …
 *
 * What is added up, each only when the user has set that part of their usage:
 * - API tokens: input and output tokens × the per-million prices (`pricing.api`).
 * - A subscription for `seats` people: the cheapest plan covering the seats (rule below).
 * - Per-unit prices for images, audio minutes and video seconds: the cheapest listed price of
 *   that unit (a vendor's base quality; higher tiers are a choice, not the floor).
 *   Units the profile does not measure (characters, requests, credits) are not estimated.
 */
import type { Plan, Tool, UnitPrice } from '../catalog/schema';
import { toCents } from './format';
import { phrases } from './phrases';
import type { UsageProfile } from './preferences';

export type UnknownCostReason = 'self-hosted' | 'on-request' | 'no-structured-price' | 'usage-not-set';

export type CostPart =
  | { kind: 'tokens'; inputTokens: number; outputTokens: number; usd: number }
  | { kind: 'plan'; plan: string; seats: number; perSeat: boolean; billedAnnually: boolean; usd: number }
  | { kind: 'units'; unit: MeasuredUnit; quantity: number; priceUSD: number; usd: number };

export type CostEstimate =
  | { kind: 'estimate'; monthlyUSD: number; parts: CostPart[]; text: string }
  | { kind: 'unknown'; reason: UnknownCostReason; text: string };

export interface CostComparison {
  a: CostEstimate;
  b: CostEstimate;
  /** "GPT-4.1 Mini costs $1.80 less a month at your usage"; only when both sides have an estimate. */
  differenceText?: string;
}

type MeasuredUnit = 'image' | 'audio-minute' | 'video-second';

/** Which field of the profile measures each unit we can price. */
const UNIT_USAGE: Record<MeasuredUnit, (u: UsageProfile) => number> = {
  image: (u) => u.imagesPerMonth,
  'audio-minute': (u) => u.audioMinutesPerMonth,
  'video-second': (u) => u.videoSecondsPerMonth,
};

function isMeasured(unit: UnitPrice['unit']): unit is MeasuredUnit {
  return unit in UNIT_USAGE;
}

/** Settings are validated elsewhere; still, a negative or NaN count must not turn into a price. */
function count(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * The plan for `seats` people. The schema records no seat limits, so the rule is:
 * - a per-seat plan covers any number of people at monthlyUSD × seats;
 * - a flat plan is one person's subscription (AI tools' flat plans — Plus, Pro, Starter — are
 *   individual), so it covers one seat; a team of several needs a per-seat plan, and only where
 *   a tool has none do we count one flat plan per person;
 * - $0 plans are free tiers whose limits we cannot see; they would make every tool look free,
 *   so they count only when a tool has no paid plan at all;
 * - among the plans that cover the seats, the cheapest; on equal cost, the first listed.
 */
export function cheapestPlan(plans: readonly Plan[], seats: number): { plan: Plan; usd: number } | undefined {
  if (seats <= 0 || plans.length === 0) return undefined;
  const paid = plans.filter((p) => p.monthlyUSD > 0);
  const pool = paid.length > 0 ? paid : plans;
  const covering = seats === 1 ? pool : pool.filter((p) => p.perSeat);
  const candidates = covering.length > 0 ? covering : pool;
  let best: { plan: Plan; usd: number } | undefined;
  for (const plan of candidates) {
    // Covering plans cost monthlyUSD × seats: per-seat by definition, flat only as one per person.
    const usd = plan.monthlyUSD * seats;
    if (!best || usd < best.usd) best = { plan, usd };
  }
  return best;
}

function unknown(reason: UnknownCostReason): CostEstimate {
  const text = {
    'self-hosted': phrases.costSelfHosted,
    'on-request': phrases.costOnRequest,
    'no-structured-price': phrases.costNoStructuredPrice,
    'usage-not-set': phrases.costUsageNotSet,
  }[reason];
  return { kind: 'unknown', reason, text };
}

export function estimateMonthlyCost(tool: Tool, usage: UsageProfile): CostEstimate {
  const { pricing } = tool;
  const plans = pricing.plans ?? [];
  const units = (pricing.units ?? []).filter((u) => isMeasured(u.unit));
  // Nothing we could ever price from a profile: say why (self-hosted before on-request, since
  // "your own hardware" is the more useful thing to know).
  if (!pricing.api && plans.length === 0 && units.length === 0) {
    return unknown(pricing.selfHosted ? 'self-hosted' : pricing.onRequest ? 'on-request' : 'no-structured-price');
  }

  const parts: CostPart[] = [];
  const input = count(usage.inputTokensPerMonth);
  const output = count(usage.outputTokensPerMonth);
  if (pricing.api && input + output > 0) {
    const usd = (input / 1e6) * pricing.api.inputPerMTok + (output / 1e6) * pricing.api.outputPerMTok;
    parts.push({ kind: 'tokens', inputTokens: input, outputTokens: output, usd });
  }
  const seats = Math.ceil(count(usage.seats));
  const plan = cheapestPlan(plans, seats);
  if (plan) {
    parts.push({ kind: 'plan', plan: plan.plan.name, seats, perSeat: plan.plan.perSeat, billedAnnually: plan.plan.billedAnnually ?? false, usd: plan.usd });
  }
  for (const unit of Object.keys(UNIT_USAGE) as MeasuredUnit[]) {
    const quantity = count(UNIT_USAGE[unit](usage));
    const prices = units.filter((u) => u.unit === unit).map((u) => u.priceUSD);
    if (quantity === 0 || prices.length === 0) continue;
    const priceUSD = Math.min(...prices);
    parts.push({ kind: 'units', unit, quantity, priceUSD, usd: quantity * priceUSD });
  }

  // The parts of the profile this tool charges for are all zero: an estimate of $0 would mislead.
  if (parts.length === 0) return unknown('usage-not-set');
  const monthlyUSD = parts.reduce((sum, p) => sum + p.usd, 0);
  return { kind: 'estimate', monthlyUSD, parts, text: phrases.costEstimate(toCents(monthlyUSD), monthlyUSD) };
}

/** Both estimates and, where both exist, the difference in words (compared in whole cents, as shown). */
export function compareCosts(a: Tool, b: Tool, usage: UsageProfile): CostComparison {
  const ca = estimateMonthlyCost(a, usage);
  const cb = estimateMonthlyCost(b, usage);
  if (ca.kind !== 'estimate' || cb.kind !== 'estimate') return { a: ca, b: cb };
  const diff = toCents(ca.monthlyUSD) - toCents(cb.monthlyUSD);
  const differenceText = diff === 0 ? phrases.costSame : phrases.costDifference(diff < 0 ? a.name : b.name, Math.abs(diff));
  return { a: ca, b: cb, differenceText };
}
