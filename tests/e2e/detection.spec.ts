/** Detection on saved pages of each kind: what the badge counts and the popup lists. */
import type { Page } from '@playwright/test';
import { createDetector } from '../../src/detect/detector';
import type { DetectionIndex } from '../../src/detect/detection-index';
import { DETECTION_MATCHER_KEY, unpackMatcher } from '../../src/detect/packed-matcher';
import { expect, test, type ExtensionHandle } from './support/fixtures';
import { watchPage } from './support/hostile';

async function foundOn(extension: ExtensionHandle, page: Page): Promise<string[]> {
  const popup = await extension.openPopup(await extension.tabIdOf(page));
  await expect(popup.locator('[data-found-tool]').first()).toBeVisible();
  const ids = await popup.locator('[data-found-tool]').evaluateAll((els) => els.map((e) => e.getAttribute('data-found-tool')!));
  await popup.close();
  return ids;
}

test('the background publishes the compiled matcher with the index; it unpacks to the matcher a page would compile', async ({ extension }) => {
  const sw = await extension.worker();
  const stored = await sw.evaluate((keys) => chrome.storage.local.get(keys), ['detectionIndex', DETECTION_MATCHER_KEY]);
  const index = stored.detectionIndex as DetectionIndex;
  // Packed by Chromium's native base64 in the worker, unpacked here by the fallback: the same bytes.
  const shipped = unpackMatcher(stored[DETECTION_MATCHER_KEY], index);
  expect(shipped, 'a usable packed matcher in storage.local').toBeDefined();
  const text = index.tools.map((t) => `${t.name} (${t.aliases.join(', ')}) costs $20/mo.`).join('\n');
  const page = { hostname: 'reviews.example.org', url: 'https://reviews.example.org/a/', title: 'Compared', headings: [] };
  const expected = createDetector(index).detectPage(text, page);
  expect(expected.mentions.length).toBeGreaterThanOrEqual(index.tools.length);
  expect(createDetector(index, shipped).detectPage(text, page)).toEqual(expected);
});

test.describe('vendor pages at their real host names', () => {
  test('cursor.com/pricing: Cursor is the page’s product, on a pricing page', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto('https://cursor.com/pricing');
    await extension.expectBadge(page, /^[1-9]/);
    const popup = await extension.openPopup(await extension.tabIdOf(page));
    const first = popup.locator('[data-found-tool]').first();
    await expect(first).toHaveAttribute('data-found-tool', 'cursor');
    await expect(first).toContainText('This page’s product');
    await expect(popup.getByText('Pricing page')).toBeVisible();
  });

  test('github.com/features/copilot: “Copilot” there means GitHub Copilot', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto('https://github.com/features/copilot');
    await extension.expectBadge(page, /^[1-9]/);
    const ids = await foundOn(extension, page);
    expect(ids[0]).toBe('github-copilot');
    expect(ids).not.toContain('microsoft-copilot');
  });
});

test.describe('third-party pages, with all-sites access', () => {
  test.use({ allSites: true });

  test('a comparison article: assistants and the models behind them, split across markup too', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto('https://reviews.example.org/chatgpt-vs-claude-vs-gemini/');
    await extension.expectBadge(page, /^[1-9]/);
    const ids = await foundOn(extension, page);
    for (const id of ['chatgpt', 'claude', 'gemini', 'gpt-4o', 'claude-sonnet-4', 'gemini-2-5-pro', 'midjourney']) expect(ids).toContain(id);
    expect(ids).not.toContain('gpt-4o-mini');
  });

  test('a code tutorial: model ids in code map to their tools; a textarea is never read', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto('https://devblog.example.net/calling-llm-apis/');
    await extension.expectBadge(page, /^[1-9]/);
    const ids = await foundOn(extension, page);
    expect(ids).toContain('claude-3-5-sonnet');
    expect(ids).toContain('gpt-4o-mini');
    expect(ids).not.toContain('gpt-4o');
  });

  for (const path of ['horoscope-gemini', 'monet-exhibition', 'flight-school', 'mouse-settings', 'jewelry', 'shakespeare', 'provence-weather']) {
    test(`no marks where the words are ordinary: ${path}`, async ({ extension }) => {
      const page = await extension.context.newPage();
      await page.goto(`https://everyday.example.com/${path}/`);
      const tabId = await extension.tabIdOf(page);
      // The scan has run once the background holds a result for the tab (an empty one here).
      await expect.poll(async () => (await extension.worker()).evaluate(async (id) => Boolean((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]), tabId)).toBe(true);
      expect(await extension.badge(tabId)).toBe('');
      const popup = await extension.openPopup(tabId);
      await expect(popup.getByText('No AI tools found on this page.')).toBeVisible();
      await expect(page.locator('versus-lens-overlay')).toHaveCount(0);
    });
  }
});

test.describe('the WebAssembly scan, only where the page’s policy allows it', () => {
  test.use({ allSites: true });

  // The page's CSP governs our content script's world: compiling under a policy without
  // 'wasm-unsafe-eval' would fire a violation at the page. The background reads the headers.
  for (const [name, policy, compiles] of [
    ['no policy', undefined, true],
    ['a strict policy', "default-src 'none'; script-src 'self'; style-src 'self'", false],
    ['a report-only strict policy', undefined, false],
    ["a policy that grants 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval'", true],
    ['a strict <meta> policy', undefined, false],
  ] as const) {
    test(`${name}: ${compiles ? 'compiled' : 'not compiled, scanned in JavaScript'}, and the page’s tools found`, async ({ extension, server }) => {
      const path = `/wasm-${name.replace(/\W+/g, '-')}/`;
      const meta = name.includes('<meta>') ? `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">` : '';
      server.route(`reviews.example.org${path}`, (_req, res) => {
        const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
        if (policy) headers['content-security-policy'] = policy;
        if (name.includes('report-only')) headers['content-security-policy-report-only'] = "default-src 'self'";
        res.writeHead(200, headers);
        res.end(`<!doctype html><html lang="en"><head>${meta}<title>Compared</title></head><body><p>We compared GPT-4o with Claude Sonnet 4 and Midjourney v7 through the API.</p></body></html>`);
      });
      server.route('reviews.example.org/favicon.ico', (_req, res) => void res.writeHead(204).end());
      const page = await extension.context.newPage();
      // Errors in any world, and securitypolicyviolation events as the page would receive them.
      const watch = await watchPage(page);
      // WebAssembly modules compiled in the page's frames, in any world, as the debugger sees them.
      const cdp = await extension.context.newCDPSession(page);
      const modules: string[] = [];
      cdp.on('Debugger.scriptParsed', (e) => {
        if (e.scriptLanguage === 'WebAssembly') modules.push(e.url);
      });
      await cdp.send('Debugger.enable');
      await page.goto(`https://reviews.example.org${path}`);
      await extension.expectBadge(page, '3');
      expect(await foundOn(extension, page)).toEqual(expect.arrayContaining(['gpt-4o', 'claude-sonnet-4', 'midjourney']));
      expect(modules.length, 'WebAssembly modules compiled for the page').toBe(compiles ? 1 : 0);
      expect(await watch.problems()).toEqual([]);
    });
  }
});

test.describe('the WebAssembly scan runs in the content script', () => {
  test.use({ allSites: true });

  // Compiling is not running: the instance is made in our world at the first long text, and a
  // failure there would fall back to JavaScript unseen. The profiler sees which code ran.
  for (const [name, policy, runs] of [
    ['without a policy', undefined, true],
    ['under a strict policy', "default-src 'none'; script-src 'self'; style-src 'self'", false],
  ] as const) {
    test(`a long page ${name}: ${runs ? 'matched in WebAssembly' : 'matched in JavaScript'}`, async ({ extension, server }) => {
      const path = `/wasm-long-${runs ? 'open' : 'strict'}/`;
      const paragraph = '<p>Teams compare models before they buy. We tried GPT-4o and Claude Sonnet 4 on the same prompts, and Midjourney v7 for the pictures; the notes below say what each one did well.</p>';
      server.route(`reviews.example.org${path}`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(policy ? { 'content-security-policy': policy } : {}) });
        res.end(`<!doctype html><html lang="en"><head><title>Long review</title></head><body>${paragraph.repeat(3_000)}</body></html>`);
      });
      server.route('reviews.example.org/favicon.ico', (_req, res) => void res.writeHead(204).end());
      const page = await extension.context.newPage();
      const cdp = await extension.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.goto(`https://reviews.example.org${path}`);
      await extension.expectBadge(page, '3');
      const { profile } = await cdp.send('Profiler.stop');
      const wasmFrames = profile.nodes.filter((n) => n.callFrame.url.startsWith('wasm://') || n.callFrame.functionName.startsWith('wasm-function'));
      const ourFrames = profile.nodes.filter((n) => n.callFrame.url.includes('/content-scripts/content.js'));
      expect(ourFrames.length, 'our content script in the profile').toBeGreaterThan(0);
      if (runs) expect(wasmFrames.length, 'WebAssembly functions in the profile').toBeGreaterThan(0);
      else expect(wasmFrames).toEqual([]);
    });
  }
});

test.describe('a page that changes', () => {
  test.use({ allSites: true });

  test('added stories are scanned on their own; a removed one takes its tools away', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto('https://reviews.example.org/live-feed/');
    await extension.expectBadge(page, '1');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(page.locator('#count')).toHaveText('2 stories');
    await extension.expectBadge(page, '3');
    const popup = await extension.openPopup(await extension.tabIdOf(page));
    await expect(popup.locator('[data-found-tool]')).toHaveCount(3);
    await popup.close();
    await page.getByRole('button', { name: 'Remove the first story' }).click();
    await extension.expectBadge(page, '2');
  });
});
