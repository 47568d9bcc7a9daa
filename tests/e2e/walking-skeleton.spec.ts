/** Issue 3's done-when: the reference tools found on a vendor page and a third-party page, and their comparison. */
import { expect, test } from './support/fixtures';

test.describe('on the vendor’s own pricing page', () => {
  test('openai.com/api/pricing gets a badge and the popup names GPT-4.1 Mini', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto('https://openai.com/api/pricing/');
    await extension.expectBadge(page, /^[1-9]\d*$/);
    const popup = await extension.openPopup(await extension.tabIdOf(page));
    await expect(popup.locator('[data-found-tool="gpt-4-1-mini"]')).toContainText('GPT-4.1 Mini');
  });
});

test.describe('on a third-party page with all-sites permission', () => {
  test.use({ allSites: true });

  test('both reference tools: badge 2 and both names in the popup', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto('https://reviews.example.org/best-ai-tools-2026/');
    await extension.expectBadge(page, '2');
    const popup = await extension.openPopup(await extension.tabIdOf(page));
    await expect(popup.locator('[data-found-tool]')).toHaveCount(2);
    await expect(popup.locator('[data-found-tool="gpt-4-1-mini"]')).toContainText('GPT-4.1 Mini');
    await expect(popup.locator('[data-found-tool="stable-diffusion"]')).toContainText('Stable Diffusion');
  });
});

test.describe('without all-sites permission', () => {
  test('a third-party page is not scanned and gets no badge', async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto('https://reviews.example.org/best-ai-tools-2026/');
    await page.waitForLoadState('load');
    const tabId = await extension.tabIdOf(page);
    const popup = await extension.openPopup(tabId);
    await expect(popup.getByText('This page has not been scanned.')).toBeVisible();
    expect(await extension.badge(tabId)).toBe('');
  });
});

test('compare.html shows the reference head-to-head', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('compare.html?a=gpt-4-1-mini&b=stable-diffusion'));
  const a = page.locator('[data-side="a"]');
  const b = page.locator('[data-side="b"]');
  await expect(a.locator('.vl-overall')).toHaveText('8.9/10');
  await expect(b.locator('.vl-overall')).toHaveText('8.0/10');
  await expect(a.getByText('WINNER', { exact: true })).toBeVisible();
  await expect(b.getByText('WINNER', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Our Verdict' })).toBeVisible();
  await expect(page.locator('.vl-verdict')).toContainText('GPT-4.1 Mini scores higher overall (8.9/10 vs 8.0/10)');
});
