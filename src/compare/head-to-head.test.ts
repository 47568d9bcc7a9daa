/**
 * Hand-computed cases beyond the reference pair: weights changing the verdict, ties, a loser that
 * wins nothing, an overall winner that loses most dimensions, leads of exactly 1.0, costs in the FAQ.
 * Made-up tools come from fixtures/synthetic.ts (their scores are listed there).
 */
import { describe, expect, it } from 'vitest';
import { referenceTools } from './fixtures/catalog';
import { makeTool, syntheticTools } from './fixtures/synthetic';
import { headToHead } from './head-to-head';
import { DEFAULT_PREFERENCES, DEFAULT_USAGE, type Preferences, type Weights } from './preferences';

const { gpt, sd } = referenceTools();
const made = syntheticTools(gpt);
const tool = (name: string) => {
  const t = made.find((x) => x.name === name);
  if (!t) throw new Error(name);
  return t;
};
const weights = (w: Partial<Weights>, order = DEFAULT_PREFERENCES.order): Preferences => ({
  order,
  weights: { performance: 0, value: 0, reliability: 0, easeOfUse: 0, ...w },
});

describe('weights choose the winner ("your score")', () => {
  it('turns the verdict to Stable Diffusion when only Value matters (10.0 vs 9.5), the overall still beside it', () => {
    const r = headToHead(gpt, sd, { preferences: weights({ value: 3 }) });
    expect(r.basis).toBe('your-score');
    expect(r.winner).toBe('b');
    expect([r.a.isWinner, r.b.isWinner]).toEqual([false, true]);
    expect([r.a.yourScore, r.b.yourScore]).toEqual([9.5, 10]);
    expect([r.a.overall, r.b.overall]).toEqual([8.9, 8.0]);
    expect(r.priorities).toEqual(['value']);
    expect(r.verdict).toBe(
      'On your priorities (Value), Stable Diffusion scores higher (10.0/10 vs 9.5/10), winning on Value, ' +
        'though GPT-4.1 Mini leads on Performance, Reliability and Ease of Use. ' +
        'On the overall score, GPT-4.1 Mini leads (8.9/10 vs 8.0/10). ' +
        'Best open-source image generator. Open-weight image models you can run on your own GPU, with a vast ecosystem of fine-tunes and LoRAs.',
    );
    expect(r.faq[0]?.answer).toBe(
      'GPT-4.1 Mini scores 8.9/10 overall vs 8.0/10 for Stable Diffusion, with an edge on Performance and Reliability and Ease of Use. ' +
        'That said, "Stable Diffusion" may be the better pick if value is your priority. ' +
        'On your priorities (Value), Stable Diffusion scores higher (10.0/10 vs 9.5/10). The right choice depends on your use case.',
    );
  });

  it('keeps GPT-4.1 Mini ahead on Value and Ease of Use (9.5 vs 7.75 → 7.8) and lists dimensions by weight', () => {
    const r = headToHead(gpt, sd, { preferences: weights({ value: 3, easeOfUse: 3 }) });
    expect([r.winner, r.basis]).toEqual(['a', 'your-score']);
    expect(r.verdict).toBe(
      'On your priorities (Value, Ease of Use), GPT-4.1 Mini scores higher (9.5/10 vs 7.8/10), winning on Ease of Use, Performance and Reliability. ' +
        'It also scores higher overall (8.9/10 vs 8.0/10). Best budget OpenAI model. Near GPT-4o quality at a fraction of the API cost.',
    );
    // "Choose X if…" follows the weighted order: Ease of Use first for GPT-4.1 Mini.
    expect(r.chooseIf.a).toEqual([
      'Ease of Use is your top priority — GPT-4.1 Mini leads by 4.0 points',
      'Bulk API use',
      'You also value Performance — GPT-4.1 Mini wins that dimension too',
    ]);
  });

  it('follows the user order for equal weights in "Choose X if…"', () => {
    const r = headToHead(gpt, sd, { preferences: weights({ reliability: 2, performance: 2 }, ['reliability', 'performance', 'value', 'easeOfUse']) });
    expect(r.chooseIf.a[0]).toBe('Reliability is your top priority — GPT-4.1 Mini leads by 2.0 points');
    expect(r.chooseIf.a[2]).toBe('You also value Performance — GPT-4.1 Mini wins that dimension too');
  });

  it('says a tie on your score is a tie, with the overall beside it', () => {
    // Alpha 8/8/8/8, Gamma 9/7/8/8; Performance and Value weighted 1: both (8 + 8) / 2 = 8.0 and (9 + 7) / 2 = 8.0.
    const r = headToHead(tool('Alpha Chat'), tool('Gamma Chat'), { preferences: weights({ performance: 1, value: 1 }) });
    expect([r.winner, r.basis, r.a.isWinner, r.b.isWinner]).toEqual(['tie', 'your-score', false, false]);
    expect(r.verdict).toBe(
      'On your priorities (Performance, Value), Alpha Chat and Gamma Chat are tied at 8.0/10: Alpha Chat leads on Value, Gamma Chat on Performance. ' +
        'On the overall score, they are tied at 8.0/10. Alpha Chat: The Alpha Chat tagline. Gamma Chat: The Gamma Chat tagline.',
    );
  });

  it('breaks an overall tie with weights: Performance 2, Value 1 gives Gamma (2 × 9 + 7) / 3 = 8.33 → 8.3', () => {
    const r = headToHead(tool('Alpha Chat'), tool('Gamma Chat'), { preferences: weights({ performance: 2, value: 1 }) });
    expect([r.winner, r.a.yourScore, r.b.yourScore]).toEqual(['b', 8.0, 8.3]);
    expect(r.verdict).toMatch(/^On your priorities \(Performance\), Gamma Chat scores higher \(8\.3\/10 vs 8\.0\/10\), winning on Performance\. On the overall score, they are tied at 8\.0\/10\. /);
  });

  it('treats all-equal and all-zero weights as no preference: the same result as none', () => {
    const none = headToHead(gpt, sd);
    expect(headToHead(gpt, sd, { preferences: weights({ performance: 3, value: 3, reliability: 3, easeOfUse: 3 }) })).toEqual(none);
    expect(headToHead(gpt, sd, { preferences: weights({}) })).toEqual(none);
  });
});

describe('wording for every shape of result', () => {
  it('says an overall tie as a tie and names each side\'s dimensions', () => {
    const r = headToHead(tool('Alpha Chat'), tool('Gamma Chat'));
    expect([r.winner, r.a.isWinner, r.b.isWinner]).toEqual(['tie', false, false]);
    expect(r.verdict).toBe(
      'Alpha Chat and Gamma Chat are tied overall at 8.0/10: Alpha Chat leads on Value, Gamma Chat on Performance. Alpha Chat: The Alpha Chat tagline. Gamma Chat: The Gamma Chat tagline.',
    );
    expect(r.faq[0]?.answer).toBe(
      'Alpha Chat and Gamma Chat both score 8.0/10 overall. Alpha Chat has an edge on Value. Gamma Chat has an edge on Performance. The right choice depends on your use case.',
    );
    expect(r.differentJobs).toBeUndefined();
  });

  it('says "tied" for tied dimensions, never a lead of 0.0', () => {
    const r = headToHead(tool('Alpha Chat'), tool('Beta Chat'));
    expect(r.dimensions.map((d) => [d.leader, d.lead, d.leadText])).toEqual(Array(4).fill(['tie', 0, 'Tied at 8.0']));
    expect(r.verdict).toBe('Alpha Chat and Beta Chat are tied overall at 8.0/10, and on every dimension. Alpha Chat: The Alpha Chat tagline. Beta Chat: The Beta Chat tagline.');
    // No dimension won: the two lines that are still true. Best-for capitalised as a list item.
    expect(r.chooseIf.b).toEqual(['Chatbots', 'Beta Labs support, documentation, and community suit your team']);
  });

  it('keeps deliberate mixed case in a best-for, and lower-cases it in the FAQ question as the reference does', () => {
    const r = headToHead(tool('Gamma Chat'), tool('Alpha Chat'));
    expect(r.chooseIf.a[1]).toBe('iOS developers');
    expect(r.faq[2]?.question).toBe('Which is better for ios developers?');
  });

  it('says an overall winner that loses most dimensions does so', () => {
    const r = headToHead(tool('Alpha Chat'), tool('Delta Chat'));
    expect(r.winner).toBe('b');
    expect(r.verdict).toBe(
      'Delta Chat scores higher overall (9.0/10 vs 8.0/10), winning on Ease of Use, though Alpha Chat leads on Performance, Value and Reliability. The Delta Chat tagline. What Delta Chat is good at.',
    );
    // FAQ told from the winner's side when B wins.
    expect(r.faq[0]?.answer).toBe(
      'Delta Chat scores 9.0/10 overall vs 8.0/10 for Alpha Chat, with an edge on Ease of Use. That said, "Alpha Chat" may be the better pick if performance is your priority. The right choice depends on your use case.',
    );
    expect(r.faq[2]?.answer).toBe(
      'Alpha Chat is built for this, scoring 8.0/10 overall. The Alpha Chat tagline. What Alpha Chat is good at. Delta Chat scores higher overall (9.0/10), so it is worth evaluating too.',
    );
    expect(r.chooseIf.a).toEqual([
      'Performance is your top priority — Alpha Chat leads by 1.0 point',
      'Bulk API use',
      'You also care about Value — Alpha Chat wins that dimension too',
    ]);
  });

  it('handles an overall winner that leads on no dimension at all', () => {
    const r = headToHead(tool('Epsilon Image'), tool('Alpha Chat'));
    expect(r.verdict).toBe(
      'Alpha Chat scores higher overall (8.0/10 vs 7.0/10), though Epsilon Image leads on every dimension. The Alpha Chat tagline. What Alpha Chat is good at.',
    );
    expect(r.chooseIf.b[0]).toBe('You want the higher overall score — Alpha Chat scores 8.0/10 vs 7.0/10');
    expect(r.differentJobs).toBe(
      'Epsilon Image is an image generator and Alpha Chat is a chat assistant: they do different jobs, so compare them only if you are choosing between those jobs.',
    );
  });

  it('handles a loser that wins no dimension, with singular "1.0 point" leads', () => {
    const r = headToHead(tool('Alpha Chat'), tool('Eta Agent'));
    expect(r.dimensions.map((d) => d.leadText)).toEqual(Array(4).fill('Eta Agent leads by 1.0 point'));
    expect(r.verdict).toBe('Eta Agent scores higher overall (9.0/10 vs 8.0/10), winning on every dimension. The Eta Agent tagline. What Eta Agent is good at.');
    expect(r.chooseIf.a).toEqual(['Bulk API use', 'Alpha Labs support, documentation, and community suit your team']);
    expect(r.faq[0]?.answer).toBe(
      'Eta Agent scores 9.0/10 overall vs 8.0/10 for Alpha Chat, with an edge on every dimension. The right choice depends on your use case.',
    );
  });

  it('offers a lower cost as the reason to choose a tool that wins nothing else', () => {
    const cheap = makeTool(gpt, {
      name: 'Cheap Image',
      category: 'image-generator',
      overall: 5,
      scores: { performance: 5, value: 5, reliability: 5, easeOfUse: 5 },
      pricing: { units: [{ unit: 'image', priceUSD: 0.01 }] },
    });
    const r = headToHead(cheap, tool('Epsilon Image'), { usage: { ...DEFAULT_USAGE, imagesPerMonth: 100 } });
    expect(r.chooseIf.a[0]).toBe('You want to spend less — at your usage Cheap Image comes to $1.00 a month vs $4.00');
    expect(r.cost?.differenceText).toBe('Cheap Image costs $3.00 less a month at your usage');
  });
});

describe('cost at your usage in the result', () => {
  const pricier = makeTool(gpt, {
    name: 'Pricier API',
    overall: 8.5,
    scores: { performance: 9, value: 7, reliability: 9, easeOfUse: 9 },
    pricing: { api: { inputPerMTok: 1, outputPerMTok: 4 } },
  });
  const usage = { ...DEFAULT_USAGE, inputTokensPerMonth: 5_000_000, outputTokensPerMonth: 1_000_000 };

  it('adds both monthly estimates and the difference to the pricing answer', () => {
    const r = headToHead(gpt, pricier, { usage });
    expect(r.faq[1]?.answer).toBe(
      'GPT-4.1 Mini: API: $0.40/M input · $1.60/M output. Pricier API: Pricier API pricing. ' +
        'At your usage, GPT-4.1 Mini comes to about $3.60 a month and Pricier API to about $9.00, so GPT-4.1 Mini costs $5.40 less a month. ' +
        'Compare usage volumes and features needed to determine total cost of ownership for your team.',
    );
    expect([r.cost?.a.text, r.cost?.b.text]).toEqual(['About $3.60 a month', 'About $9.00 a month']);
  });

  it('leaves the reference pricing answer unchanged when one side cannot be estimated', () => {
    const r = headToHead(gpt, sd, { usage });
    expect(r.faq[1]?.answer).toBe(headToHead(gpt, sd).faq[1]?.answer);
    expect(r.cost?.b).toEqual({ kind: 'unknown', reason: 'self-hosted', text: 'Self-hosted: your own hardware' });
    expect(r.cost?.differenceText).toBeUndefined();
  });

  it('reports usage not set for both sides when the profile is empty', () => {
    const r = headToHead(gpt, pricier, { usage: DEFAULT_USAGE });
    expect([r.cost?.a, r.cost?.b].map((c) => c?.kind === 'unknown' && c.reason)).toEqual(['usage-not-set', 'usage-not-set']);
  });
});
