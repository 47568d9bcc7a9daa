import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDetector } from './detector';
import { textScanModuleSync } from './wasm/wasm-text-scanner';
import type { DetectionIndex } from './detection-index';
import { PLAIN_PAGE, TEST_INDEX, pageAt } from './test-index';

// Every rule holds in both engines: the WebAssembly scan pages use, and JavaScript where it cannot run.
const ENGINES = [
  ['JavaScript', undefined],
  ['WebAssembly', textScanModuleSync()],
] as const;

describe.each(ENGINES)('%s scan', (_engine, wasm) => {
  // A WebAssembly engine that fell back to JavaScript would test JavaScript twice: make it fail instead.
  const make = (index: DetectionIndex) =>
    createDetector(index, undefined, {
      wasm,
      onFallback: (error) => {
        throw error;
      },
    });
  const detector = make(TEST_INDEX);
  const ids = (text: string, page = PLAIN_PAGE) => detector.detect(text, page).map((m) => m.toolId);

  describe('word boundaries', () => {
    it.each([
      ['We use GPT-4o daily.', ['gpt-4o']],
      ['We use GPT-4o-mini daily.', ['gpt-4o-mini']],
      ['GPT-4o mini is cheaper than GPT-4o.', ['gpt-4o-mini', 'gpt-4o']],
      ['OpenAI o1 thinks before answering.', ['o1']],
      ['Part co1 and io1 and o10 are codes.', []],
      ['o3-mini beats o3 on cost.', ['o3-mini', 'o3']],
      ['GPT-4.1 mini is not GPT-4.1.', ['gpt-4-1-mini', 'gpt-4-1']],
      ['ChatGPT4o is not a product name we know.', []],
      ['MyGPT-4o clone', []],
      ['gpt-4o-audio-preview is another model id', []],
      ['Midjourneyish art', []],
      ['GPT-4.1 nano is not in this catalog', []],
      ['o3 pro thinks longer', []],
      ['Gemini 2.5 Flash is not Gemini 2.5 Pro', ['gemini-2-5-pro']],
    ])('%s', (text, expected) => expect(ids(text)).toEqual(expected));
  });

  describe('spellings pages use', () => {
    it.each([
      ['gpt-4o', 'gpt-4o'],
      ['GPT 4o', 'gpt-4o'],
      ['GPT4o', 'gpt-4o'],
      ['gpt\u20114o', 'gpt-4o'],
      ['GPT\u20114.1\u00a0mini', 'gpt-4-1-mini'],
      ['GPT\u20134o', 'gpt-4o'],
      ['DALL·E 3', 'dall-e-3'],
      ['DALL-E 3', 'dall-e-3'],
      ['dall-e-3', 'dall-e-3'],
      ['Claude 3.5 Sonnet', 'claude-3-5-sonnet'],
      ['Claude Sonnet 3.5', 'claude-3-5-sonnet'],
      ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet'],
      ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
      ['Claude 4 Sonnet', 'claude-sonnet-4'],
      ['gpt-4.1-mini-2025-04-14', 'gpt-4-1-mini'],
      ['gpt-4o-2024-08-06', 'gpt-4o'],
      ['SD 3.5', 'stable-diffusion'],
      ['SD3.5', 'stable-diffusion'],
      ['STABLE DIFFUSION', 'stable-diffusion'],
      ['llama3.3:70b', 'llama-3-3-70b'],
      ['Midjourney’s new model', 'midjourney'],
      ["Midjourney's v7", 'midjourney'],
    ])('"%s" → %s', (text, id) => expect(ids(`Try ${text} today.`)).toEqual([id]));

    it('longest match wins and offsets point at the original text', () => {
      const text = 'Compare GPT\u20114.1 mini and DALL·E 3.';
      const found = detector.detect(text, PLAIN_PAGE);
      expect(found.map((m) => [m.toolId, text.slice(m.start, m.end)])).toEqual([
        ['gpt-4-1-mini', 'GPT\u20114.1 mini'],
        ['dall-e-3', 'DALL·E 3'],
      ]);
    });

    it('never runs a name across a block break', () => {
      expect(ids('The last word is GPT\n4o starts the next block')).toEqual([]);
    });

    it('scan reports candidates before disambiguation, flagging ambiguous ones', () => {
      const found = detector.scan('Gemini and GPT-4o');
      expect(found.map((m) => [m.toolId, m.ambiguous])).toEqual([
        ['gemini', true],
        ['gpt-4o', false],
      ]);
    });
  });

  describe('ambiguous names need evidence', () => {
    it.each([
      ['Gemini, the twins of the zodiac, will find the week easy.', []],
      ['Claude Monet painted the water lilies; Claude Debussy wrote La Mer.', []],
      ['The copilot monitors the instruments during the climb.', []],
      ['Move the cursor to the left edge of the screen.', []],
      ['A red jasper pendant on a silver chain.', []],
      ['Jasper is an opaque stone, cut and polished.', []],
      ['The Bard of Avon wrote thirty-nine plays.', []],
      ['She looked at the letter in perplexity.', []],
      ['The mistral blows through the Rhône valley.', []],
      ['The plane taxied to the runway.', []],
      ['Models walked the Runway in Paris.', []],
      ['The notion of luxury is relative.', []],
    ])('no mark: %s', (text, expected) => expect(ids(text)).toEqual(expected));

    it.each([
      ['Gemini and ChatGPT both answered the question.', ['gemini', 'chatgpt']],
      ['Claude is an AI assistant made by Anthropic.', ['claude']],
      ['Gemini 2.0 was faster than the last release.', ['gemini']],
      ['Claude Pro costs $20.', ['claude']],
      ['Cursor is an AI code editor.', ['cursor']],
      ['Copilot drafts my emails with AI.', ['microsoft-copilot']],
      ['Perplexity answers with sources; its API is cheap.', ['perplexity']],
      ['Runway generates video from a prompt.', ['runway']],
      ['Jasper writes marketing copy with AI.', ['jasper']],
      ['Perplexity AI is a search engine.', ['perplexity']],
    ])('marked: %s', (text, expected) => expect(ids(text)).toEqual(expected));

    it('a versioned form is never ambiguous', () => {
      expect(ids('Gemini 2.5 Pro tops the table.')).toEqual(['gemini-2-5-pro']);
      expect(ids('GitHub Copilot suggests code.')).toEqual(['github-copilot']);
      expect(ids('Mistral Large writes French well.')).toEqual(['mistral-large']);
    });

    it.each([
      ['A.I. tools: Perplexity answered first.', ['perplexity']],
      ['Perplexity Pro is $20/mo for heavy users.', ['perplexity']],
      ['Perplexity for $20 /month.', ['perplexity']],
      ['Fine-tuning is not offered; Perplexity answers with sources.', ['perplexity']],
      ['Perplexity bills per month.', ['perplexity']],
      ['GenAI search: Perplexity.', ['perplexity']],
      ['Perplexity, said Mo, was the word for it.', []],
      ['Perplexity grew month after month.', []],
      ['Perplexity at the Tokenshop, past the Apiary.', []],
      ['Perplexity in the openairstrip story.', []],
    ])('context words are whole words, found in the same pass: %s', (text, expected) => expect(ids(text)).toEqual(expected));

    it('context is a window, not the whole page', () => {
      const far = `Gemini is the third sign of the zodiac.${' Nothing here.'.repeat(40)} We compared ChatGPT models.`;
      expect(ids(far)).toEqual(['chatgpt']);
    });
  });

  describe('vendor pages', () => {
    it('on the vendor’s domain its bare and loose names count', () => {
      const cursor = pageAt('https://cursor.com/pricing', 'Pricing | Cursor');
      expect(ids('Move the cursor to the model picker. Cursor is free to start.', cursor)).toEqual(['cursor', 'cursor']);
      const github = pageAt('https://github.com/features/copilot', 'GitHub Copilot');
      expect(ids('Copilot Free and Copilot Pro plans.', github)).toEqual(['github-copilot', 'github-copilot']);
    });

    it('elsewhere “Copilot” is Microsoft’s, and a loose name alone does not count', () => {
      expect(ids('Copilot Pro is $20 a month for AI features.')).toEqual(['microsoft-copilot']);
    });
  });

  describe('page subject and kind', () => {
    it('the vendor’s product is the subject, the one named in the title first', () => {
      const page = pageAt('https://openai.com/api/pricing/', 'API Pricing | OpenAI', ['API Pricing']);
      const result = detector.detectPage('GPT-4.1 costs more. GPT-4.1 mini is cheap. GPT-4o and GPT-4o. GPT-4o.', page);
      expect(result.subject).toBe('gpt-4o');
      expect(result.isPricingPage).toBe(true);
      expect(result.counts).toEqual({ 'gpt-4-1': 1, 'gpt-4-1-mini': 1, 'gpt-4o': 3 });
      const titled = detector.detectPage('GPT-4o and GPT-4o and GPT-4.1 mini', pageAt('https://openai.com/index/gpt-4-1-mini/', 'Introducing GPT-4.1 mini'));
      expect(titled.subject).toBe('gpt-4-1-mini');
    });

    it('no subject off vendor domains; pricing pages recognised by path or heading', () => {
      expect(detector.detectPage('GPT-4o', PLAIN_PAGE).subject).toBeUndefined();
      expect(detector.detectPage('', pageAt('https://midjourney.com/plans')).isPricingPage).toBe(true);
      expect(detector.detectPage('', pageAt('https://x.example/a', 'Hello', ['Plans and pricing'])).isPricingPage).toBe(true);
      expect(detector.detectPage('', pageAt('https://x.example/blog/plans-for-2026-x', 'Our roadmap')).isPricingPage).toBe(true);
      expect(detector.detectPage('', pageAt('https://x.example/blog/roadmap', 'Our roadmap')).isPricingPage).toBe(false);
    });
  });

  describe('scale and the real catalog', () => {
    it('builds for the bundled catalog and finds the reference tools', () => {
      const doc = JSON.parse(readFileSync('public/catalog.json', 'utf8')) as { version: string; tools: DetectionIndex['tools'] };
      const real = make({ catalogVersion: doc.version, tools: doc.tools });
      expect(real.detect('We compared GPT-4.1 mini with Stable Diffusion.', PLAIN_PAGE).map((m) => m.toolId)).toEqual(['gpt-4-1-mini', 'stable-diffusion']);
    });

    it('a 10,000-tool synthetic index builds and scans correctly', () => {
      const words = ['Nova', 'Quill', 'Vector', 'Lumen', 'Atlas', 'Pixel', 'Echo', 'Forge', 'Orbit', 'Sage'];
      const tools = Array.from({ length: 10_000 }, (_, i) => {
        const name = `${words[i % 10]} ${words[Math.floor(i / 10) % 10]} ${i}`;
        return { ...TEST_INDEX.tools[0]!, id: `t-${i}`, name, aliases: [`${name} Pro`], domains: [] };
      });
      const big = make({ catalogVersion: 'x', tools });
      expect(big.detect('We tried Nova Quill 10 and Sage Sage 9999 Pro, not Nova Quill 100000.', PLAIN_PAGE).map((m) => m.toolId)).toEqual(['t-10', 't-9999']);
    });
  });
});
