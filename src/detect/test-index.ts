/** A small hand-made index of realistic tools, so detection tests do not move with the catalog. */
import type { Category } from '../catalog/constants';
import type { DetectionIndex, IndexedTool } from './detection-index';

const scores = { performance: 8, value: 8, reliability: 8, easeOfUse: 8 };
const t = (id: string, name: string, vendor: string, category: Category, aliases: string[] = [], domains: string[] = [], overall = 8.5): IndexedTool => ({
  id,
  name,
  vendor,
  category,
  overall,
  scores,
  aliases,
  domains,
});

export const TEST_INDEX: DetectionIndex = {
  catalogVersion: 'test',
  tools: [
    t('gpt-4o', 'GPT-4o', 'OpenAI', 'llm-api', ['gpt-4o-2024-08-06', 'GPT 4o'], ['openai.com', 'platform.openai.com']),
    t('gpt-4o-mini', 'GPT-4o Mini', 'OpenAI', 'llm-api', ['gpt-4o-mini-2024-07-18'], ['openai.com']),
    t('gpt-4-1', 'GPT-4.1', 'OpenAI', 'llm-api', [], ['openai.com']),
    t('gpt-4-1-mini', 'GPT-4.1 Mini', 'OpenAI', 'llm-api', ['gpt-4.1-mini-2025-04-14'], ['openai.com']),
    t('o1', 'o1', 'OpenAI', 'llm-api', [], ['openai.com']),
    t('o3', 'o3', 'OpenAI', 'llm-api', [], ['openai.com']),
    t('o3-mini', 'o3-mini', 'OpenAI', 'llm-api', [], ['openai.com']),
    t('chatgpt', 'ChatGPT', 'OpenAI', 'chat-assistant', ['Chat GPT'], ['chatgpt.com']),
    t('claude', 'Claude', 'Anthropic', 'chat-assistant', ['Claude.ai'], ['claude.ai']),
    t('claude-3-5-sonnet', 'Claude 3.5 Sonnet', 'Anthropic', 'llm-api', ['claude-3-5-sonnet-latest'], ['anthropic.com']),
    t('claude-sonnet-4', 'Claude Sonnet 4', 'Anthropic', 'llm-api', ['claude-sonnet-4-20250514'], ['anthropic.com']),
    t('gemini', 'Gemini', 'Google', 'chat-assistant', ['Google Gemini'], ['gemini.google.com']),
    t('gemini-2-5-pro', 'Gemini 2.5 Pro', 'Google', 'llm-api', [], ['ai.google.dev']),
    t('microsoft-copilot', 'Microsoft Copilot', 'Microsoft', 'chat-assistant', ['Copilot'], ['copilot.microsoft.com']),
    t('github-copilot', 'GitHub Copilot', 'GitHub', 'coding-assistant', [], ['github.com']),
    t('cursor', 'Cursor', 'Anysphere', 'coding-assistant', ['Cursor AI'], ['cursor.com']),
    t('jasper', 'Jasper', 'Jasper AI', 'writing-assistant', [], ['jasper.ai']),
    t('perplexity', 'Perplexity', 'Perplexity AI', 'search-research', ['Perplexity AI'], ['perplexity.ai']),
    t('mistral-large', 'Mistral Large', 'Mistral AI', 'llm-api', [], ['mistral.ai']),
    t('runway', 'Runway', 'Runway', 'video-generator', ['Runway Gen-3'], ['runwayml.com']),
    t('midjourney', 'Midjourney', 'Midjourney', 'image-generator', ['Midjourney v7'], ['midjourney.com']),
    t('dall-e-3', 'DALL·E 3', 'OpenAI', 'image-generator', ['DALL-E 3', 'dalle 3'], ['openai.com']),
    t('stable-diffusion', 'Stable Diffusion', 'Stability AI', 'image-generator', ['SD 3.5', 'SDXL'], ['stability.ai']),
    t('llama-3-3-70b', 'Llama 3.3 70B', 'Meta', 'llm-api', [], ['llama.com']),
  ],
};

export const PLAIN_PAGE = { hostname: 'blog.example.org', url: 'https://blog.example.org/post', title: 'A post', headings: [] as string[] };
export const pageAt = (url: string, title = '', headings: string[] = []) => ({ hostname: new URL(url).hostname, url, title, headings });
