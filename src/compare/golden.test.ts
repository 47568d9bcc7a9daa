/**
 * The golden test: every figure and line of the reference comparison (GPT-4.1 Mini vs Stable
 * Diffusion, fixtures/reference-comparison.txt) comes out of headToHead() for the two reference
 * tools in public/catalog.json. Expected text is read from the reference page itself, not typed
 * here, so a change to our wording cannot quietly agree with itself.
 * The one documented difference: the verdict names Ease of Use too (GPT-4.1 Mini leads on it).
 */
import { describe, expect, it } from 'vitest';
import { referenceLines, referenceTools } from './fixtures/catalog';
import { formatTenths, toTenths } from './format';
import { headToHead } from './head-to-head';

const lines = referenceLines();
const { gpt, sd } = referenceTools();
const result = headToHead(gpt, sd);

/** The `n` lines after the `occurrence`-th line equal to `heading`. */
function after(heading: string, n: number, occurrence = 1): string[] {
  let seen = 0;
  const i = lines.findIndex((l) => l === heading && ++seen === occurrence);
  if (i < 0) throw new Error(`reference has no line "${heading}" (#${occurrence})`);
  return lines.slice(i + 1, i + 1 + n);
}

/** The "• item" bullets right after `heading` (its `occurrence`-th appearance). */
function bullets(heading: string, occurrence = 1): string[] {
  const out: string[] = [];
  for (const l of after(heading, 20, occurrence)) {
    if (!l.startsWith('• ')) break;
    out.push(l.slice(2));
  }
  if (out.length === 0) throw new Error(`no bullets after "${heading}"`);
  return out;
}

const score = (n: number) => formatTenths(toTenths(n));

describe('golden: the reference comparison, reproduced', () => {
  it('shows each tool as the reference header does: vendor, name, tagline', () => {
    expect(lines).toContain(`${result.a.tool.name} vs ${result.b.tool.name} — Which Is Better in 2026?`);
    const header = after('Updated: 2026-04-11How we score →', 6);
    expect(header).toEqual([
      result.a.tool.vendor,
      result.a.tool.name,
      result.a.tool.tagline,
      result.b.tool.vendor,
      result.b.tool.name,
      result.b.tool.tagline,
    ]);
    expect(lines).toContain(`Updated: ${result.a.tool.updated}How we score →`);
  });

  it('has the overall scores 8.9 vs 8.0 and GPT-4.1 Mini as the winner', () => {
    expect(after(result.b.tool.tagline, 5)).toEqual([score(result.a.overall), 'Overall Score', 'WINNER', score(result.b.overall), 'Overall Score']);
    expect(result.winner).toBe('a');
    expect(result.basis).toBe('overall');
    expect([result.a.isWinner, result.b.isWinner]).toEqual([true, false]);
  });

  it('has the four dimension rows with the same scores and labels', () => {
    const block = after('Overall Score', 12, 2);
    const rows = result.dimensions.flatMap((d) => [score(d.a), d.label, score(d.b)]);
    expect(rows).toEqual(block);
  });

  it('leads Performance by 0.2 points and Value by 0.5 points, as its "Choose X if…" lines say', () => {
    const perf = result.dimensions.find((d) => d.dimension === 'performance');
    const value = result.dimensions.find((d) => d.dimension === 'value');
    expect([perf?.leader, perf?.lead]).toEqual(['a', 0.2]);
    expect([value?.leader, value?.lead]).toEqual(['b', 0.5]);
    const refA = bullets(`Choose ${gpt.name} if…`)[0] ?? '';
    const refB = bullets(`Choose ${sd.name} if…`)[0] ?? '';
    expect(refA.endsWith(perf?.leadText ?? '?')).toBe(true);
    expect(refB.endsWith(value?.leadText ?? '?')).toBe(true);
  });

  it('names every dimension won in the verdict: the reference with Ease of Use added', () => {
    const [reference] = after('Our Verdict', 1);
    const withEaseOfUse = (reference ?? '').replace('winning on Performance and Reliability.', 'winning on Performance, Reliability and Ease of Use.');
    expect(withEaseOfUse).not.toBe(reference); // the documented difference is really there
    expect(result.verdict).toBe(withEaseOfUse);
  });

  it('shows both pricing lines', () => {
    expect(after(`Pricing — ${gpt.name}`, 1)).toEqual([result.a.tool.pricing.display]);
    expect(after(`Pricing — ${sd.name}`, 1)).toEqual([result.b.tool.pricing.display]);
  });

  it('has the same pros, cons and best-for for each tool', () => {
    // The details sections come after the pricing cards: the first "Pros" is GPT-4.1 Mini's.
    expect(bullets('Pros', 1)).toEqual(result.a.tool.pros);
    expect(bullets('Cons', 1)).toEqual(result.a.tool.cons);
    expect(after('Best For', 1, 1)).toEqual([result.a.bestForLine]);
    expect(bullets('Pros', 2)).toEqual(result.b.tool.pros);
    expect(bullets('Cons', 2)).toEqual(result.b.tool.cons);
    expect(after('Best For', 1, 2)).toEqual([result.b.bestForLine]);
  });

  it('has both "Choose X if…" lists exactly', () => {
    expect(result.chooseIf.a).toEqual(bullets(`Choose ${gpt.name} if…`));
    expect(result.chooseIf.b).toEqual(bullets(`Choose ${sd.name} if…`));
  });

  it('has the three FAQ questions and answers exactly', () => {
    const reference = after('Frequently Asked Questions', 6);
    expect(result.faq.flatMap((f) => [f.question, f.answer])).toEqual(reference);
  });

  it('notes that an LLM API and an image generator do different jobs', () => {
    expect(result.differentJobs).toBe(
      'GPT-4.1 Mini is an LLM API and Stable Diffusion is an image generator: they do different jobs, so compare them only if you are choosing between those jobs.',
    );
  });

  it('computes no cost and no "your score" when neither usage nor preferences are given', () => {
    expect(result.cost).toBeUndefined();
    expect(result.a.yourScore).toBeUndefined();
    expect(result.priorities).toBeUndefined();
  });
});
