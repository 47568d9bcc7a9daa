/** The options page as a person uses it: priorities change verdicts, the feed updates the catalog, bad data is refused. */
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';

const bundled = JSON.parse(readFileSync('public/catalog.json', 'utf8')) as { version: string; tools: { id: string; tagline: string }[] };

test('weights set in the options change the verdict on compare.html', async ({ extension }) => {
  const compare = await extension.context.newPage();
  await compare.goto(extension.url('compare.html?a=gpt-4-1-mini&b=stable-diffusion'));
  await expect(compare.locator('.vl-verdict')).toContainText('GPT-4.1 Mini scores higher overall');

  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  // Value matters most, everything else ignored: Stable Diffusion (Value 10.0) wins on the user's priorities.
  for (const dim of ['Performance', 'Reliability', 'Ease of Use']) {
    await options.getByLabel(`How much ${dim} matters`).selectOption({ label: 'Ignore' });
  }
  await options.getByLabel('How much Value matters').selectOption({ label: 'Matters most' });
  await expect(options.locator('[data-preview-verdict]')).toContainText('On your priorities');
  await expect(options.getByRole('status').first()).toHaveText(/Saved/);

  await compare.reload();
  await expect(compare.locator('.vl-verdict')).toContainText('On your priorities (Value)');
  await expect(compare.locator('[data-side="b"]')).toContainText('WINNER');
  await expect(compare.locator('[data-side="b"] .vl-your-score')).toContainText('10.0/10');
});

test('priorities can be reordered with the keyboard alone', async ({ extension }) => {
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  const first = options.locator('.vl-priorities li').first();
  await expect(first).toHaveAttribute('data-dimension', 'performance');
  await options.getByRole('button', { name: 'Move Value up' }).focus();
  await options.keyboard.press('Enter');
  await expect(first).toHaveAttribute('data-dimension', 'value');
});

test('a feed served locally updates the catalog, and the popup shows the new version', async ({ extension, server }) => {
  const next = structuredClone(bundled);
  next.version = '2999.1.1';
  next.tools[0]!.tagline = 'Tagline from the feed';
  // A public feed allows cross-origin reads (the extension's conditional headers make a preflight).
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'if-none-match, if-modified-since', 'access-control-expose-headers': 'etag, last-modified' };
  server.route('feed.versus-lens.test/catalog.json', (req, res) => {
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    res.writeHead(200, { ...cors, 'content-type': 'application/json', etag: '"v2999"' }).end(JSON.stringify(next));
  });
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  await options.getByLabel('Catalog feed URL (optional)').fill('https://feed.versus-lens.test/catalog.json');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByRole('button', { name: 'Update now' }).click();
  await expect(options.locator('[data-data-message]')).toContainText('Catalog updated to version 2999.1.1');

  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html?tab=999999'));
  await expect(popup.locator('[data-catalog-version]')).toContainText('Catalog 2999.1.1');

  const compare = await extension.context.newPage();
  await compare.goto(extension.url(`compare.html?a=${next.tools[0]!.id}&b=${next.tools[1]!.id}`));
  await expect(compare.locator('[data-side="a"]')).toContainText('Tagline from the feed');
});

test('a malformed import is refused with the bad field named, and the catalog stays', async ({ extension }) => {
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  const bad = structuredClone(bundled) as unknown as { version: string; tools: Record<string, unknown>[] };
  bad.version = '2999.1.1';
  bad.tools[0]!.overall = 11;
  await options.locator('input[type=file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(options.locator('[data-data-message]')).toHaveText('Not updated: tools[0].overall: must be 10 or less. The catalog in use is unchanged.');
  await expect(options.locator('[data-catalog-version]')).toHaveAttribute('data-catalog-version', bundled.version);
});

test('the all-sites switch asks the browser for all sites, and says so when refused', async ({ extension }) => {
  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  // Headless Chromium cannot show the permission prompt: stand in for the browser's answer.
  await options.evaluate(() => {
    const w = window as unknown as { __requests: unknown[] };
    w.__requests = [];
    chrome.permissions.request = ((req: unknown) => {
      w.__requests.push(req);
      return Promise.resolve(false);
    }) as typeof chrome.permissions.request;
  });
  const toggle = options.getByLabel('Scan every site I visit');
  await expect(toggle).not.toBeChecked();
  await toggle.click(); // a controlled checkbox: it shows what the browser granted, not the click
  await expect(options.getByText('The browser did not grant access to all sites.')).toBeVisible();
  await expect(toggle).not.toBeChecked();
  expect(await options.evaluate(() => (window as unknown as { __requests: unknown[] }).__requests)).toEqual([{ origins: ['http://*/*', 'https://*/*'] }]);
});
