/** What the detector needs to know of the page besides its text; takes the window it reads. */
import type { PageContext } from '../detect/detector';

export function readPageContext(win: Pick<Window, 'location' | 'document'>): PageContext {
  const headings = Array.from(win.document.querySelectorAll('h1, h2'), (h) => (h.textContent ?? '').trim())
    .filter(Boolean)
    .slice(0, 20);
  return {
    hostname: win.location.hostname,
    url: win.location.href,
    title: win.document.title,
    headings,
  };
}
