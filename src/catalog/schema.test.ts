import { describe, expect, it } from 'vitest';
import { CatalogDocumentSchema, compareVersions, describeFirstIssue, normalizeAliasKey, slugify } from './schema';
import bundled from '../../public/catalog.json';

describe('slugify (tool id contract)', () => {
  it.each([
    ['GPT-4.1 Mini', 'gpt-4-1-mini'],
    ['Stable Diffusion', 'stable-diffusion'],
    ['DALL·E 3', 'dall-e-3'],
    ['Command R Plus', 'command-r-plus'],
    ['  o3-pro ', 'o3-pro'],
  ])('%s → %s', (name, id) => expect(slugify(name)).toBe(id));
});

describe('CatalogDocumentSchema', () => {
  it('accepts the bundled catalog', () => {
    const result = CatalogDocumentSchema.safeParse(bundled);
    expect(result.success ? 'ok' : describeFirstIssue(result.error)).toBe('ok');
  });

  it('names the first bad field', () => {
    const doc = structuredClone(bundled) as { tools: { scores: { value: number } }[] };
    doc.tools[1]!.scores.value = 11;
    const result = CatalogDocumentSchema.safeParse(doc);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeFirstIssue(result.error)).toBe('tools[1].scores.value: must be 10 or less');
  });

  it('refuses an alias owned by two tools', () => {
    const doc = structuredClone(bundled) as { tools: { aliases: string[] }[] };
    doc.tools[doc.tools.length - 1]!.aliases.push('GPT 4.1-mini'); // the last tool comes after gpt-4-1-mini
    const result = CatalogDocumentSchema.safeParse(doc);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeFirstIssue(result.error)).toMatch(/already a name or alias of gpt-4-1-mini/);
  });

  it('refuses an id that is not the slug of the name', () => {
    const doc = structuredClone(bundled) as { tools: { id: string }[] };
    doc.tools[0]!.id = 'gpt-mini';
    const result = CatalogDocumentSchema.safeParse(doc);
    expect(result.success).toBe(false);
  });

  it('refuses an unknown schemaVersion', () => {
    const result = CatalogDocumentSchema.safeParse({ ...bundled, schemaVersion: 2 });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeFirstIssue(result.error)).toMatch(/^schemaVersion: must be 1/);
  });
});

describe('helpers', () => {
  it('orders versions numerically', () => {
    expect(compareVersions('2026.11.25', '2026.4.1')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.2', '1.10')).toBeLessThan(0);
  });
  it('folds dashes, dots and case in alias keys', () => {
    expect(normalizeAliasKey('GPT\u20114.1 Mini')).toBe(normalizeAliasKey('gpt-4.1-mini'));
    expect(normalizeAliasKey('DALL·E 3')).toBe(normalizeAliasKey('dall-e 3'));
  });
});
