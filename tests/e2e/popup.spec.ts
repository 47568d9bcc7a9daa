/** The popup as a person uses it: the tab's tools, search, pick two and compare, scan on demand. */
import { expect, test } from './support/fixtures';

test('search any tool by alias, pick two and open their comparison', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://openai.com/api/pricing/');
  await extension.expectBadge(page, /^[1-9]/);
  const popup = await extension.openPopup(await extension.tabIdOf(page));
  await expect(popup.locator('[data-found-tool]').first()).toBeVisible();

  const search = popup.getByRole('searchbox', { name: 'Tool name' });
  await search.fill('sd 3.5');
  const result = popup.locator('[data-result-tool="stable-diffusion"]');
  await expect(result).toContainText('Stable Diffusion');
  // search results are not "found on this tab"
  await expect(popup.locator('[data-found-tool="stable-diffusion"]')).toHaveCount(0);
  await result.getByRole('button', { name: 'Pick' }).click();

  await search.fill('gpt-4.1-mini');
  await popup.locator('[data-result-tool="gpt-4-1-mini"]').getByRole('button', { name: 'Pick' }).click();
  const compareLink = popup.locator('[data-compare-picked]');
  await expect(compareLink).toHaveAttribute('href', /compare\.html\?a=stable-diffusion&b=gpt-4-1-mini$/);

  const [comparison] = await Promise.all([extension.context.waitForEvent('page'), compareLink.click()]);
  await expect(comparison.locator('[data-side="b"] .vl-overall')).toHaveText('8.9/10');
  await expect(comparison.locator('[data-side="b"]')).toContainText('WINNER');
});

test('search says so when nothing matches, and the keyboard reaches every control', async ({ extension }) => {
  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html?tab=999999'));
  await expect(popup.getByText('This page has not been scanned.')).toBeVisible();
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('button', { name: 'Scan this page' })).toBeFocused();
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('searchbox', { name: 'Tool name' })).toBeFocused();
  await popup.keyboard.type('no such tool');
  await expect(popup.getByText('No tool matches “no such tool”.')).toBeVisible();
});

test('the footer names the catalog version in use', async ({ extension }) => {
  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html?tab=999999'));
  await expect(popup.locator('[data-catalog-version]')).toContainText(/Catalog \d{4}\.\d+\.\d+ · \d+ tools/);
});
