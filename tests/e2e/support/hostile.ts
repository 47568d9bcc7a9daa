/**
 * Tools for hostile-page tests: a plain browser (no extension) to load the same page as a baseline,
 * a DOM serialisation read from a fresh isolated world (so a page that sabotages its own built-ins
 * cannot fool it), `expectDomUntouched`, and a watcher for every error and CSP/Trusted Types
 * violation in the page — the page's world, our content script's world, and the browser's own log.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from '../../../scripts/lib/chromium.mjs';
import { expect, test as base } from './fixtures';

export { expect };

export const HOST_TAG = 'versus-lens-overlay';
export const VIEWPORT = { width: 1280, height: 900 };

/** The same Chromium and host mapping as the extension's, without the extension. */
export async function launchBaseline(port: number): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(undefined, port) });
}

export const test = base.extend<{ baseline: BrowserContext }, { baselineBrowser: Browser }>({
  baselineBrowser: [
    async ({ server }, use) => {
      const browser = await launchBaseline(server.port);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  baseline: async ({ baselineBrowser }, use) => {
    const context = await baselineBrowser.newContext({ viewport: VIEWPORT, ignoreHTTPSErrors: true });
    await use(context);
    await context.close();
  },
});

/** Evaluate `expression` in a new isolated world of the page's main frame: the page's overrides cannot reach it. */
export async function isolatedEval<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'vl-test-reader' });
    const result = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise: true });
    if (result.exceptionDetails) throw new Error(`isolatedEval: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Evaluate `expression` in the page's own world through CDP alone (none of Playwright's helpers, which use the page's built-ins). */
export async function mainWorldEval<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const result = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (result.exceptionDetails) throw new Error(`mainWorldEval: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * The page's DOM as text, one line per node (so a split text node or a changed attribute shows),
 * open shadow roots included, our host element left out and counted. Iterative: a 1,000-deep page
 * does not overflow it.
 */
const SERIALISE = `(() => {
  const out = [];
  let hosts = 0;
  const hostTag = ${JSON.stringify(HOST_TAG)};
  const stack = [[document, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop();
    const pad = depth.toString(36) + ' ';
    let children = node.childNodes;
    switch (node.nodeType) {
      case 1: {
        if (node.localName === hostTag) {
          if (node.parentNode === document.documentElement) hosts++;
          else out.push(pad + 'MISPLACED HOST');
          continue;
        }
        let line = pad + '<' + node.localName;
        for (const a of node.attributes) line += ' ' + a.name + '=' + JSON.stringify(a.value);
        out.push(line + '>');
        if (node.localName === 'template') children = node.content.childNodes;
        break;
      }
      case 3: out.push(pad + '#text ' + JSON.stringify(node.data)); break;
      case 8: out.push(pad + '#comment ' + JSON.stringify(node.data)); break;
      case 10: out.push(pad + '<!doctype ' + node.name + '>'); break;
      case 9: out.push('#document'); break;
      default: out.push(pad + '#node ' + node.nodeType);
    }
    const kids = [];
    if (node.nodeType === 1 && node.shadowRoot) kids.push(node.shadowRoot);
    for (const c of children) kids.push(c);
    if (node.nodeType === 11) out.push(pad + '#shadow-root ' + node.mode);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
  }
  return { text: out.join('\\n'), hosts };
})()`;

export async function serialiseDom(page: Page): Promise<{ text: string; hosts: number }> {
  return isolatedEval(page, SERIALISE);
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, a.lastIndexOf('\n', i - 1) + 1);
  return `at character ${i}:\n  with the extension: ${JSON.stringify(a.slice(from, i + 160))}\n  without it:         ${JSON.stringify(b.slice(from, i + 160))}`;
}

/**
 * The page's DOM, with the extension, equals the same page's DOM loaded and driven the same way in a
 * browser without it — but for exactly one host element of ours, a child of <html> (or none, where we
 * show nothing).
 */
export async function expectDomUntouched(page: Page, baselinePage: Page, options: { hosts?: 0 | 1 } = {}): Promise<void> {
  const [ours, theirs] = await Promise.all([serialiseDom(page), serialiseDom(baselinePage)]);
  expect(ours.hosts, 'our host elements under <html>').toBe(options.hosts ?? 1);
  expect(theirs.hosts, 'host elements in the baseline').toBe(0);
  if (ours.text !== theirs.text) throw new Error(`the page's DOM differs from the baseline ${firstDifference(ours.text, theirs.text)}`);
}

export interface PageWatch {
  /** Everything that went wrong, in any world of the page: exceptions, console errors, error log entries, CSP violations. */
  problems(): Promise<string[]>;
}

/**
 * Watch `page` from before its first load: `pageerror` and console errors (Playwright), exceptions and
 * console errors in every execution context including our content script's isolated world (CDP
 * Runtime), the browser's error log (CSP and Trusted Types refusals, failed loads), and
 * `securitypolicyviolation` events recorded by an init script.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  const cdp: CDPSession = await page.context().newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (e) => problems.push(`exception (context ${e.exceptionDetails.executionContextId}): ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`));
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error' || e.type === 'assert') problems.push(`console.${e.type} (context ${e.executionContextId}): ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
  });
  cdp.on('Log.entryAdded', (e) => {
    if (e.entry.level === 'error') problems.push(`log (${e.entry.source}): ${e.entry.text} ${e.entry.url ?? ''}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  await page.addInitScript(() => {
    // Indexing, not push: a hostile page may replace Array.prototype.push after this runs.
    const seen: string[] = [];
    Object.defineProperty(window, '__vlViolations', { value: seen });
    document.addEventListener(
      'securitypolicyviolation',
      (e) => (seen[seen.length] = `${e.violatedDirective} blocked=${e.blockedURI} source=${e.sourceFile}:${e.lineNumber} sample=${e.sample}`),
      true,
    );
  });
  return {
    async problems() {
      // Read with plain indexing through CDP, not page.evaluate: Playwright's own evaluate helpers call
      // the page's Array methods, which a hostile page may have replaced.
      const violations = await mainWorldEval<string>(
        page,
        `(() => { const v = window.__vlViolations || []; let s = ''; for (let i = 0; i < v.length; i++) s += v[i] + '\\u0000'; return s; })()`,
      ).catch((e: unknown) => `could not read violations: ${String(e)}\u0000`);
      return [...problems, ...violations.split('\u0000').filter(Boolean).map((v) => `securitypolicyviolation: ${v}`)];
    },
  };
}
