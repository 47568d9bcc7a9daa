import { describe, expect, it } from 'vitest';
import type { IndexedTool } from './detection-index';
import { searchTools } from './search';

const scores = { performance: 8, value: 8, reliability: 8, easeOfUse: 8 };
const tool = (id: string, name: string, overall: number, aliases: string[] = [], vendor = 'V'): IndexedTool => ({
  id, name, vendor, category: 'llm-api', overall, scores, aliases, domains: [],
});
const tools = [
  tool('gpt-4-1-mini', 'GPT-4.1 Mini', 8.9, ['gpt-4.1-mini'], 'OpenAI'),
  tool('gpt-4-1', 'GPT-4.1', 9.0, [], 'OpenAI'),
  tool('stable-diffusion', 'Stable Diffusion', 8.0, ['SD 3.5'], 'Stability AI'),
  tool('claude-sonnet-4', 'Claude Sonnet 4', 9.1, ['claude-sonnet-4-20250514'], 'Anthropic'),
];

describe('searchTools', () => {
  it('finds by name ignoring case, spaces and dashes', () => {
    expect(searchTools(tools, 'gpt 4.1 mini').map((t) => t.id)).toEqual(['gpt-4-1-mini']);
    expect(searchTools(tools, 'GPT41MINI').map((t) => t.id)).toEqual(['gpt-4-1-mini']);
  });
  it('finds by alias', () => {
    expect(searchTools(tools, 'sd 3.5').map((t) => t.id)).toEqual(['stable-diffusion']);
    expect(searchTools(tools, 'claude-sonnet-4-2025').map((t) => t.id)).toEqual(['claude-sonnet-4']);
  });
  it('ranks exact, then prefix, then substring; then by score', () => {
    expect(searchTools(tools, 'gpt-4.1').map((t) => t.id)).toEqual(['gpt-4-1', 'gpt-4-1-mini']);
    expect(searchTools(tools, 'sonnet').map((t) => t.id)).toEqual(['claude-sonnet-4']);
  });
  it('finds a vendor’s tools after name matches', () => {
    expect(searchTools(tools, 'openai').map((t) => t.id)).toEqual(['gpt-4-1', 'gpt-4-1-mini']);
  });
  it('returns nothing for an empty or unmatched query', () => {
    expect(searchTools(tools, '  ')).toEqual([]);
    expect(searchTools(tools, 'midjourney')).toEqual([]);
  });
});
