/** What the detector needs to know of the page besides its text; takes the window it reads. */
import type { PageContext } from '../detect/detector';
import { MAX_HEADINGS } from '../detect/dom/page-text';

/**
 * `headings`: the page's headings when the caller has them (the scanner's text walk passes them on
 * its way); without them, the first MAX_HEADINGS h1 and h2 that say something are queried.
 */
export function readPageContext(win: Pick<Window, 'location' | 'document'>, headings: string[] = queryHeadings(win.document)): PageContext {
  return {
    hostname: win.location.hostname,
    url: win.location.href,
    title: win.document.title,
    headings,
  };
}

function queryHeadings(doc: Document): string[] {
  // The first 20 that say something: a long page has thousands, and reading them all cost 30 ms.
  const headings: string[] = [];
  for (const h of doc.querySelectorAll('h1, h2')) {
    const text = (h.textContent ?? '').trim();
    if (text) headings.push(text);
    if (headings.length === MAX_HEADINGS) break;
  }
  return headings;
}
