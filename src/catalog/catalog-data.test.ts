/**
 * The bundled catalog tested like a linter: schema, breadth, order, uniqueness, provenance, dates,
 * and every token price cross-checked against the public price table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bundled from '../../public/catalog.json';
import priceKeys from './price-keys.json';
import { CatalogDocumentSchema, describeFirstIssue, normalizeAliasKey, type Tool } from './schema';

const parsed = CatalogDocumentSchema.safeParse(bundled);
const tools: Tool[] = parsed.success ? parsed.data.tools : [];
const subset = JSON.parse(readFileSync('tests/fixtures/model-prices.subset.json', 'utf8')) as Record<string, { input_cost_per_token: number; output_cost_per_token: number }>;
const perMillion = (perToken: number) => Math.round(perToken * 1e6 * 1e4) / 1e4;

describe('the bundled catalog', () => {
  it('parses with the schema', () => {
    expect(parsed.success ? 'ok' : describeFirstIssue(parsed.error)).toBe('ok');
  });

  it('is broad: at least 100 tools in at least 10 categories, 5 or more in each', () => {
    expect(tools.length).toBeGreaterThanOrEqual(100);
    const byCategory = new Map<string, number>();
    for (const t of tools) byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + 1);
    expect(byCategory.size).toBeGreaterThanOrEqual(10);
    for (const [category, count] of byCategory) expect(count, category).toBeGreaterThanOrEqual(5);
  });

  it('is sorted by id, with unique ids and unique spellings', () => {
    const ids = tools.map((t) => t.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    const owners = new Map<string, string>();
    for (const t of tools) {
      for (const s of [t.name, ...t.aliases]) {
        const key = normalizeAliasKey(s);
        expect(owners.get(key) ?? t.id, `"${s}"`).toBe(t.id);
        owners.set(key, t.id);
      }
    }
  });

  it('has three pros, three cons and at least one best-for for every tool', () => {
    for (const t of tools) {
      expect(t.pros, t.id).toHaveLength(3);
      expect(t.cons, t.id).toHaveLength(3);
      expect(t.bestFor.length, t.id).toBeGreaterThan(0);
    }
  });

  it('dates every tool and price, none after the document’s date', () => {
    for (const t of tools) {
      expect(t.updated <= bundled.updated, t.id).toBe(true);
      expect(t.pricing.asOf <= bundled.updated, t.id).toBe(true);
      expect(t.sources).toContain(t.pricing.source);
    }
  });

  it('has no empty or padded string anywhere', () => {
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        expect(value.trim(), path).toBe(value);
        expect(value.length, path).toBeGreaterThan(0);
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(bundled, 'catalog');
  });

  it('keeps the overall score within 0.6 of the dimension mean (docs/scoring.md)', () => {
    for (const t of tools) {
      const mean = (t.scores.performance + t.scores.value + t.scores.reliability + t.scores.easeOfUse) / 4;
      expect(Math.abs(t.overall - mean), t.id).toBeLessThanOrEqual(0.6 + 1e-9);
    }
  });

  it('reproduces the reference page’s two tools exactly', () => {
    const mini = tools.find((t) => t.id === 'gpt-4-1-mini')!;
    const sd = tools.find((t) => t.id === 'stable-diffusion')!;
    expect([mini.tagline, mini.overall, mini.scores, mini.pricing.display]).toEqual([
      'Best budget OpenAI model', 8.9, { performance: 8.2, value: 9.5, reliability: 9.0, easeOfUse: 9.5 }, 'API: $0.40/M input · $1.60/M output',
    ]);
    expect([sd.tagline, sd.overall, sd.scores, sd.pricing.display]).toEqual([
      'Best open-source image generator', 8.0, { performance: 8.0, value: 10.0, reliability: 7.0, easeOfUse: 5.5 }, 'Free (self-hosted) · DreamStudio API credits',
    ]);
    expect(mini.bestFor.join(', ')).toBe('Bulk API use, chatbots, content generation at scale, OpenAI ecosystem teams');
    expect(sd.bestFor.join(', ')).toBe('Developers, researchers, power users, privacy-first generation');
  });
});

describe('token prices against the public table', () => {
  const keys = priceKeys as Record<string, string>;

  it('names a table entry for every tool with an API price, and only for those', () => {
    const withApi = tools.filter((t) => t.pricing.api).map((t) => t.id).sort();
    expect(Object.keys(keys).sort()).toEqual(withApi);
  });

  it.each(Object.entries(priceKeys as Record<string, string>))('%s matches %s', (id, key) => {
    const tool = tools.find((t) => t.id === id)!;
    const entry = subset[key]!;
    expect(entry, key).toBeDefined();
    expect(tool.pricing.api?.inputPerMTok).toBe(perMillion(entry.input_cost_per_token));
    expect(tool.pricing.api?.outputPerMTok).toBe(perMillion(entry.output_cost_per_token));
  });

  it('the extract equals the shared table it was copied from', () => {
    const shared = '../shared/data/model-prices.json';
    // Fails loudly where the shared data is missing: the check must not pass by skipping.
    expect(existsSync(shared), `${shared} is missing`).toBe(true);
    const table = JSON.parse(readFileSync(shared, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const [key, entry] of Object.entries(subset)) {
      expect(table[key]?.input_cost_per_token, key).toBe(entry.input_cost_per_token);
      expect(table[key]?.output_cost_per_token, key).toBe(entry.output_cost_per_token);
    }
  });
});
