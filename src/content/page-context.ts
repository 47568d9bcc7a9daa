/** What the detector needs to know of the page besides its text; takes the window it reads. */
import type { PageContext } from '../detect/detector';

export function readPageContext(win: Pick<Window, 'location' | 'document'>): PageContext {
  // The first 20 that say something: a long page has thousands, and reading them all cost 30 ms.
  const headings: string[] = [];
  for (const h of win.document.querySelectorAll('h1, h2')) {
    const text = (h.textContent ?? '').trim();
    if (text) headings.push(text);
    if (headings.length === 20) break;
  }
  return {
    hostname: win.location.hostname,
    url: win.location.href,
    title: win.document.title,
    headings,
  };
}
