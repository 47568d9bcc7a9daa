/** The marks and overlay on a page, as a person meets them; and the page left as it was. */
import { expect, test } from './support/fixtures';

test('hovering a mention opens its card; Compare opens the full comparison', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://openai.com/api/pricing/');
  await extension.expectBadge(page, /^[1-9]/);
  const overlay = page.locator('versus-lens-overlay');
  await expect(overlay.locator('[data-chip-tool="gpt-4-1-mini"]')).toBeVisible();

  // The marks are StaticRanges: a live Range is updated by the document on every change the page
  // makes, and thousands of them slowed a page's own DOM work 30-40 times.
  // They are registered once the intersection observer has said which are near the viewport.
  const kinds = () => page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => r.constructor.name)));
  await expect.poll(async () => (await kinds()).length).toBeGreaterThan(0);
  expect(new Set(await kinds())).toEqual(new Set(['StaticRange']));

  // Point at the words themselves (the cell is wider than its text).
  await page.getByText('GPT-4.1 mini', { exact: true }).hover({ position: { x: 20, y: 20 } });
  const card = overlay.locator('[data-card-tool="gpt-4-1-mini"]');
  await expect(card).toBeVisible();
  await expect(card).toContainText('GPT-4.1 Mini');
  await expect(card).toContainText('OpenAI');
  await expect(card).toContainText('API: $0.40/M input · $1.60/M output');
  await expect(card.getByRole('meter', { name: 'Performance' })).toHaveAttribute('aria-valuenow', '8.2');

  // Move to the card's button the way a hand does, across the gap between the words and the card,
  // and let frames pass: the card must stay open on the way.
  const compare = card.getByRole('button', { name: 'Compare' });
  const box = (await compare.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 12 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(card).toBeVisible();
  const [comparison] = await Promise.all([extension.context.waitForEvent('page'), compare.click()]);
  await expect(comparison).toHaveURL(/compare\.html\?a=gpt-4-1-mini/);
});

test('keyboard: Tab reaches a chip, its card opens on focus; the panel opens, Escape closes it and focus returns', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://openai.com/api/pricing/');
  await extension.expectBadge(page, /^[1-9]/);
  const overlay = page.locator('versus-lens-overlay');
  const chip = overlay.locator('[data-chip-tool="gpt-4-1-mini"]');
  await chip.focus();
  await expect(overlay.locator('[data-card-tool="gpt-4-1-mini"]')).toBeVisible();

  const launcher = overlay.locator('[data-launcher]');
  await launcher.focus();
  await page.keyboard.press('Enter');
  const panel = overlay.locator('.vl-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-panel-tool="gpt-4-1-mini"]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(launcher).toBeFocused();
});

test('the page gets exactly one added element and no change to its own nodes or layout', async ({ extension }) => {
  const page = await extension.context.newPage();
  // Record every mutation from the very start, before our content script runs.
  await page.addInitScript(() => {
    const w = window as unknown as { __mutations: string[]; __shifts: number; __parsed: number };
    w.__mutations = [];
    w.__shifts = 0;
    const record = (records: MutationRecord[]) => {
      for (const r of records) {
        if (r.type === 'childList') {
          r.addedNodes.forEach((n) => w.__mutations.push(`added ${n.nodeName} to ${r.target.nodeName}`));
          r.removedNodes.forEach((n) => w.__mutations.push(`removed ${n.nodeName} from ${r.target.nodeName}`));
        } else w.__mutations.push(`${r.type} ${r.attributeName ?? ''} on ${r.target.nodeName}`);
      }
    };
    const observer = new MutationObserver(record);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    // What the parser inserts is the page itself; count from the end of parsing (our script runs after).
    // Chromium can fire DOMContentLoaded in the parser's last task, before that task's records reach
    // the callback: take them first, or the page's own last nodes count as changes after parsing.
    document.addEventListener('DOMContentLoaded', () => {
      record(observer.takeRecords());
      w.__parsed = w.__mutations.length;
    });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__shifts += (e as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('https://openai.com/api/pricing/');
  await extension.expectBadge(page, /^[1-9]/);
  await expect(page.locator('versus-lens-overlay [data-chip-tool]').first()).toBeVisible();
  const after = await page.evaluate(() => {
    const w = window as unknown as { __mutations: string[]; __shifts: number; __parsed: number };
    return { mutations: w.__mutations.slice(w.__parsed), shifts: w.__shifts };
  });
  expect(after.mutations).toEqual(['added VERSUS-LENS-OVERLAY to HTML']);
  expect(after.shifts).toBe(0);
  expect(await page.locator('body *').count()).toBe(await page.evaluate(() => document.querySelectorAll('body *').length));
});

test('display setting “off” removes marks and overlay; “highlights only” has no chips', async ({ extension }) => {
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  const page = await extension.context.newPage();
  await page.goto('https://openai.com/api/pricing/');
  await extension.expectBadge(page, /^[1-9]/);
  const overlay = page.locator('versus-lens-overlay');
  await expect(overlay.locator('[data-chip-tool]').first()).toBeVisible();

  // Whether a mark is drawn is what the user sees: compare what the mention looks like, not the
  // highlight registry (which the page shares with us and could change itself).
  const mention = page.locator('td.model').nth(1);

  await options.bringToFront();
  await options.getByLabel('Highlights only').check();
  await expect(overlay.locator('[data-chip-tool]')).toHaveCount(0);
  await expect(overlay.locator('[data-launcher]')).toBeVisible();
  const marked = await mention.screenshot();

  await options.getByLabel('Nothing (popup only)').check();
  await expect(overlay.locator('[data-launcher]')).toHaveCount(0);
  await expect.poll(async () => (await mention.screenshot()).equals(marked)).toBe(false);
});

test('the panel: pick a tool, change the alternative in place, and the verdict follows', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://openai.com/api/pricing/');
  await extension.expectBadge(page, /^[1-9]/);
  const overlay = page.locator('versus-lens-overlay');
  await overlay.locator('[data-launcher]').click();
  const panel = overlay.locator('.vl-panel');
  await panel.locator('[data-panel-tool="gpt-4-1-mini"]').click();
  const verdict = panel.locator('[data-panel-verdict]');
  await expect(verdict).toBeVisible();
  const before = await verdict.textContent();
  await panel.getByLabel('Compared with').selectOption('gpt-4o-mini');
  await expect(verdict).toContainText('GPT-4.1 Mini scores higher overall (8.9/10 vs 8.3/10)');
  expect(await verdict.textContent()).not.toBe(before);
});

test('“Hide on this page” removes our host and marks, leaving the page as it was', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://openai.com/api/pricing/');
  await extension.expectBadge(page, /^[1-9]/);
  const overlay = page.locator('versus-lens-overlay');
  await overlay.locator('[data-launcher]').click();
  await overlay.getByRole('button', { name: 'Hide on this page' }).click();
  await expect(page.locator('versus-lens-overlay')).toHaveCount(0);
});

test('the page receives no window message from us (nothing that names or imitates the extension)', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __messages: string[] };
    w.__messages = [];
    window.addEventListener('message', (e) => w.__messages.push(JSON.stringify(e.data)));
  });
  await page.goto('https://openai.com/api/pricing/');
  await extension.expectBadge(page, /^[1-9]/);
  await expect(page.locator('versus-lens-overlay [data-chip-tool]').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages)).toEqual([]);
});

test('on a page with many marked elements, the marks near the viewport follow a jump of the scroll', async ({ extension, server }) => {
  // 1,200 marked paragraphs: more than the highlighter observes one by one, so it watches runs of
  // them from both sides of the viewport (src/overlay/highlights.ts).
  const paragraphs = Array.from({ length: 1200 }, (_, i) => `<p data-i="${i}">Review ${i}: GPT-4.1 mini answered the prompt at the API's listed price.</p>`);
  server.route('openai.com/long-review/', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long review</title></head><body><h1>GPT-4.1 mini, reviewed</h1>${paragraphs.join('\n')}</body></html>`);
  });
  const page = await extension.context.newPage();
  await page.goto('https://openai.com/long-review/');
  await extension.expectBadge(page, /^[1-9]/);
  // The paragraphs whose marks are registered.
  const marked = () =>
    page.evaluate(() =>
      [...CSS.highlights.values()]
        .flatMap((h) => [...h].map((r) => Number((r.startContainer.parentElement as HTMLElement).dataset.i ?? -1)))
        .sort((a, b) => a - b),
    );
  await expect.poll(async () => (await marked()).length).toBeGreaterThan(0);
  const top = await marked();
  expect(top).toContain(0);
  // Near the viewport only: a few viewports' worth of paragraphs, not all 1,200.
  expect(top.length).toBeLessThan(300);

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(async () => (await marked()).includes(1199), { message: 'the last paragraph marked after the jump' }).toBe(true);
  const bottom = await marked();
  expect(bottom).not.toContain(0);
  expect(bottom.length).toBeLessThan(300);
});
