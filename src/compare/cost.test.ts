import { describe, expect, it } from 'vitest';
import { referenceTools } from './fixtures/catalog';
import { makeTool, syntheticTools } from './fixtures/synthetic';
import { cheapestPlan, compareCosts, estimateMonthlyCost, type CostEstimate } from './cost';
import { DEFAULT_USAGE, type UsageProfile } from './preferences';

const { gpt, sd } = referenceTools();
const made = syntheticTools(gpt);
const byName = (name: string) => {
  const t = made.find((x) => x.name === name);
  if (!t) throw new Error(name);
  return t;
};
const usage = (u: Partial<UsageProfile>): UsageProfile => ({ ...DEFAULT_USAGE, ...u });
/** Scores for made-up tools whose scores these tests do not look at. */
const flat = { overall: 8, scores: { performance: 8, value: 8, reliability: 8, easeOfUse: 8 } };

function usd(e: CostEstimate): number {
  if (e.kind !== 'estimate') throw new Error(`expected an estimate, got ${e.reason}`);
  return e.monthlyUSD;
}

describe('estimateMonthlyCost', () => {
  it('prices tokens from the per-million API prices: 5M in × $0.40 + 1M out × $1.60 = $3.60', () => {
    const e = estimateMonthlyCost(gpt, usage({ inputTokensPerMonth: 5_000_000, outputTokensPerMonth: 1_000_000 }));
    expect(usd(e)).toBeCloseTo(3.6, 10);
    expect(e.text).toBe('About $3.60 a month');
    expect(e.kind === 'estimate' && e.parts).toEqual([{ kind: 'tokens', inputTokens: 5_000_000, outputTokens: 1_000_000, usd: expect.closeTo(3.6, 10) }]);
  });

  it('says "less than $0.01" rather than "$0.00" for a tiny bill', () => {
    const e = estimateMonthlyCost(gpt, usage({ inputTokensPerMonth: 1000 }));
    expect(usd(e)).toBeCloseTo(0.0004, 10);
    expect(e.text).toBe('Less than $0.01 a month');
  });

  it('takes the cheapest paid plan for one seat, the free plan left out', () => {
    // Alpha Chat: Free $0 (flat), Plus $20 (flat), Team $25 per seat.
    const e = estimateMonthlyCost(byName('Alpha Chat'), usage({ seats: 1 }));
    expect(usd(e)).toBe(20);
    expect(e.kind === 'estimate' && e.parts[0]).toMatchObject({ kind: 'plan', plan: 'Plus', seats: 1 });
  });

  it('takes a per-seat plan for a team: 3 seats × $25 = $75, even though three Plus plans would be $60', () => {
    const e = estimateMonthlyCost(byName('Alpha Chat'), usage({ seats: 3 }));
    expect(usd(e)).toBe(75);
    expect(e.kind === 'estimate' && e.parts[0]).toMatchObject({ kind: 'plan', plan: 'Team', seats: 3, perSeat: true, billedAnnually: true });
  });

  it('counts one flat plan per person when a tool has no per-seat plan', () => {
    const plans = [
      { name: 'Pro', monthlyUSD: 200, perSeat: false },
      { name: 'Plus', monthlyUSD: 20, perSeat: false },
    ];
    expect(cheapestPlan(plans, 3)).toEqual({ plan: plans[1], usd: 60 });
    expect(cheapestPlan(plans, 0)).toBeUndefined();
  });

  it('uses a free plan only when there is no paid one', () => {
    const freeOnly = makeTool(gpt, { name: 'Free Only', ...flat, pricing: { plans: [{ name: 'Free', monthlyUSD: 0, perSeat: false }] } });
    const e = estimateMonthlyCost(freeOnly, usage({ seats: 2 }));
    expect(usd(e)).toBe(0);
    expect(e.text).toBe('Free at your usage');
  });

  it('rounds fractional seats up to whole people', () => {
    expect(usd(estimateMonthlyCost(byName('Alpha Chat'), usage({ seats: 2.2 })))).toBe(75);
  });

  it('prices images at the cheapest listed image price: 250 × $0.04 = $10', () => {
    const e = estimateMonthlyCost(byName('Epsilon Image'), usage({ imagesPerMonth: 250 }));
    expect(usd(e)).toBeCloseTo(10, 10);
    expect(e.kind === 'estimate' && e.parts[0]).toMatchObject({ kind: 'units', unit: 'image', quantity: 250, priceUSD: 0.04 });
  });

  it('prices audio minutes and video seconds from their units', () => {
    const av = makeTool(gpt, {
      name: 'Studio AV',
      ...flat,
      pricing: { units: [{ unit: 'audio-minute', priceUSD: 0.3 }, { unit: 'video-second', priceUSD: 0.5 }] },
    });
    expect(usd(estimateMonthlyCost(av, usage({ audioMinutesPerMonth: 10, videoSecondsPerMonth: 60 })))).toBeCloseTo(33, 10);
  });

  it('adds tokens and seats for a tool sold both ways: $3.60 + 2 × $30 = $63.60', () => {
    const both = makeTool(gpt, {
      name: 'Both Ways',
      ...flat,
      pricing: { api: { inputPerMTok: 0.4, outputPerMTok: 1.6 }, plans: [{ name: 'Team', monthlyUSD: 30, perSeat: true }] },
    });
    const e = estimateMonthlyCost(both, usage({ inputTokensPerMonth: 5_000_000, outputTokensPerMonth: 1_000_000, seats: 2 }));
    expect(usd(e)).toBeCloseTo(63.6, 10);
    expect(e.text).toBe('About $63.60 a month');
  });

  it('says self-hosted for a tool run on your own hardware, whatever the usage', () => {
    for (const u of [DEFAULT_USAGE, usage({ imagesPerMonth: 500, seats: 4 })]) {
      expect(estimateMonthlyCost(sd, u)).toEqual({ kind: 'unknown', reason: 'self-hosted', text: 'Self-hosted: your own hardware' });
    }
  });

  it('says price on request, also when the only prices are in units no profile measures', () => {
    expect(estimateMonthlyCost(byName('Eta Agent'), usage({ seats: 10 }))).toEqual({ kind: 'unknown', reason: 'on-request', text: 'Price on request' });
    expect(estimateMonthlyCost(byName('Zeta Voice'), usage({ audioMinutesPerMonth: 60 }))).toMatchObject({ reason: 'on-request' });
  });

  it('says there is no structured price for a tool with only a display line', () => {
    expect(estimateMonthlyCost(byName('Beta Chat'), usage({ seats: 1 }))).toMatchObject({ kind: 'unknown', reason: 'no-structured-price' });
  });

  it('says usage is not set when the profile is empty or sets only what the tool does not charge for', () => {
    expect(estimateMonthlyCost(gpt, DEFAULT_USAGE)).toMatchObject({ kind: 'unknown', reason: 'usage-not-set' });
    expect(estimateMonthlyCost(gpt, usage({ imagesPerMonth: 100, seats: 3 }))).toMatchObject({ kind: 'unknown', reason: 'usage-not-set' });
  });

  it('ignores negative or non-numeric usage rather than pricing it', () => {
    expect(estimateMonthlyCost(gpt, usage({ inputTokensPerMonth: -5_000_000, outputTokensPerMonth: Number.NaN }))).toMatchObject({ reason: 'usage-not-set' });
  });
});

describe('compareCosts', () => {
  const pricier = makeTool(gpt, { name: 'Pricier API', ...flat, pricing: { api: { inputPerMTok: 1, outputPerMTok: 4 } } });
  const u = usage({ inputTokensPerMonth: 5_000_000, outputTokensPerMonth: 1_000_000 });

  it('says which costs less and by how much: $9.00 − $3.60 = $5.40', () => {
    expect(compareCosts(gpt, pricier, u).differenceText).toBe('GPT-4.1 Mini costs $5.40 less a month at your usage');
    expect(compareCosts(pricier, gpt, u).differenceText).toBe('GPT-4.1 Mini costs $5.40 less a month at your usage');
  });

  it('says they cost the same when the cents agree', () => {
    const twin = makeTool(gpt, { name: 'Twin API', ...flat, pricing: { api: { inputPerMTok: 0.4, outputPerMTok: 1.6 } } });
    expect(compareCosts(gpt, twin, u).differenceText).toBe('Both cost about the same at your usage');
  });

  it('gives no difference when either side has no estimate', () => {
    const c = compareCosts(gpt, sd, u);
    expect(c.differenceText).toBeUndefined();
    expect([c.a.kind, c.b.kind]).toEqual(['estimate', 'unknown']);
  });
});
