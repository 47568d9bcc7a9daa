/** What the detector needs to know of the page besides its text; takes the window it reads. */
import type { PageContext } from '../detect/detector';

/**
 * `headings`: the page's h1 and h2 headings, as the text walk passed them (collector.headings() in
 * detect/dom/page-text.ts): a query of its own over a 5 MB page took 10 ms.
 */
export function readPageContext(win: Pick<Window, 'location' | 'document'>, headings: string[]): PageContext {
  return {
    hostname: win.location.hostname,
    url: win.location.href,
    title: win.document.title,
    headings,
  };
}
