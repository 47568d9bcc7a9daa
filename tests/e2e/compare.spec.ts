/** compare.html as a person uses it: the reference head-to-head, swap, change sides, unknown ids, costs. */
import { expect, test } from './support/fixtures';

test('the full reference comparison: dimensions, pricing, pros, cons, choose-if and FAQ', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('compare.html?a=gpt-4-1-mini&b=stable-diffusion'));
  await expect(page.locator('[data-side="a"]')).toContainText('Best budget OpenAI model');
  await expect(page.locator('[data-side="b"]')).toContainText('Best open-source image generator');
  await expect(page.locator('[data-dimension="performance"]')).toContainText('GPT-4.1 Mini leads by 0.2 points');
  await expect(page.locator('[data-dimension="value"]')).toContainText('Stable Diffusion leads by 0.5 points');
  await expect(page.locator('[data-pricing="gpt-4-1-mini"]')).toContainText('API: $0.40/M input · $1.60/M output');
  await expect(page.locator('[data-pricing="stable-diffusion"]')).toContainText('Free (self-hosted) · DreamStudio API credits');
  await expect(page.locator('[data-details="stable-diffusion"]')).toContainText('Requires GPU for fast generation');
  await expect(page.locator('[data-choose="b"] li')).toHaveText([
    'Value is your top priority — Stable Diffusion leads by 0.5 points',
    'Developers',
    'Stability AI support, documentation, and community suit your team',
  ]);
  await expect(page.getByRole('heading', { name: 'Which is better for bulk api use?' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'How we score →' })).toBeVisible();
});

test('swap sides, and the deep link follows', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('compare.html?a=gpt-4-1-mini&b=stable-diffusion'));
  await page.getByRole('button', { name: 'Swap sides' }).click();
  await expect(page.locator('[data-side="a"] .vl-tool-name')).toHaveText('Stable Diffusion');
  await expect(page.locator('[data-side="b"]')).toContainText('WINNER');
  await expect(page).toHaveURL(/compare\.html\?a=stable-diffusion&b=gpt-4-1-mini$/);
});

test('an unknown id gets a clear message and a picker that recovers', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('compare.html?a=no-such-tool&b=stable-diffusion'));
  await expect(page.getByRole('alert')).toHaveText('No tool with the id “no-such-tool” is in the catalog.');
  const picker = page.getByRole('searchbox', { name: 'First tool' });
  await picker.fill('gpt 4.1 mini');
  await page.locator('[data-pick-tool="gpt-4-1-mini"]').click();
  await expect(page).toHaveURL(/compare\.html\?a=gpt-4-1-mini$/);
});

test('markup in a tool’s strings is shown as text, never run', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('options.html'));
  const doc = (await page.evaluate(async () => (await fetch('/catalog.json')).json())) as { version: string; tools: Record<string, unknown>[] };
  doc.version = '2999.1.1';
  doc.tools[0]!.tagline = '<img src=x onerror="document.title=\'pwned\'">Bold <b>claim</b>';
  await page.locator('input[type=file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.locator('[data-data-message]')).toContainText('Catalog updated to version 2999.1.1');
  const compare = await extension.context.newPage();
  await compare.goto(extension.url(`compare.html?a=${String(doc.tools[0]!.id)}&b=${String(doc.tools[1]!.id)}`));
  await expect(compare.locator('[data-side="a"] .vl-tagline')).toHaveText('<img src=x onerror="document.title=\'pwned\'">Bold <b>claim</b>');
  await expect(compare.locator('[data-side="a"] img')).toHaveCount(0);
  expect(await compare.title()).not.toBe('pwned');
});

test('“How we score” opens the written method inside the extension', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('compare.html?a=gpt-4-1-mini&b=stable-diffusion'));
  const [scoring] = await Promise.all([extension.context.waitForEvent('page'), page.getByRole('link', { name: 'How we score →' }).click()]);
  await expect(scoring.getByRole('heading', { name: 'How we score', level: 1 })).toBeVisible();
  await expect(scoring.getByRole('heading', { name: 'The four dimensions' })).toBeVisible();
  await expect(scoring.locator('table').first()).toContainText('Ease of Use');
});
