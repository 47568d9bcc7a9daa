/** axe-core reports no serious or critical violation on our pages and the open panel, in light and dark. */
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/a11y';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test('popup with found tools and search results', async ({ extension }) => {
      const page = await extension.context.newPage();
      await page.goto('https://openai.com/api/pricing/');
      await extension.expectBadge(page, /^[1-9]/);
      const popup = await extension.openPopup(await extension.tabIdOf(page));
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(popup.locator('[data-found-tool]').first()).toBeVisible();
      await popup.getByRole('searchbox', { name: 'Tool name' }).fill('stable');
      await expect(popup.locator('[data-result-tool]').first()).toBeVisible();
      expect(await seriousViolations(popup)).toEqual([]);
    });

    test('options page', async ({ extension }) => {
      const options = await extension.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(extension.url('options.html'));
      await expect(options.getByRole('heading', { name: 'Your priorities' })).toBeVisible();
      await expect(options.locator('[data-catalog-version]')).toBeVisible();
      expect(await seriousViolations(options)).toEqual([]);
    });

    test('comparison page', async ({ extension }) => {
      const compare = await extension.context.newPage();
      await compare.emulateMedia({ colorScheme: scheme });
      await compare.goto(extension.url('compare.html?a=gpt-4-1-mini&b=stable-diffusion'));
      await expect(compare.locator('.vl-verdict')).toBeVisible();
      expect(await seriousViolations(compare)).toEqual([]);
    });

    test('open panel on a vendor page', async ({ extension }) => {
      const page = await extension.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('https://openai.com/api/pricing/');
      await extension.expectBadge(page, /^[1-9]/);
      await page.locator('versus-lens-overlay').getByRole('button', { name: /AI tools? on this page/ }).click();
      await expect(page.locator('versus-lens-overlay .vl-panel')).toBeVisible();
      expect(await seriousViolations(page, 'versus-lens-overlay')).toEqual([]);
    });
  });
}
