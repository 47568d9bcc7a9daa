/**
 * Our one element in the page: a zero-size host with its own shadow root, so the page's styles
 * cannot reach our UI and ours cannot reach the page. It takes no space (no layout shift) and is
 * removed, with everything in it, when the content script stops.
 */
export const HOST_TAG = 'versus-lens-overlay';

export interface OverlayHost {
  host: HTMLElement;
  /** Where our UI renders. */
  mount: HTMLElement;
  remove(): void;
}

export function createOverlayHost(doc: Document, css: string): OverlayHost {
  const host = doc.createElement(HOST_TAG);
  // Inline styles with !important: a page rule such as `* { all: unset !important }` cannot undo them.
  host.setAttribute(
    'style',
    'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; ' +
      'margin: 0 !important; padding: 0 !important; border: 0 !important; overflow: visible !important; z-index: 2147483647 !important; display: block !important; contain: style !important; ' +
      // `all` leaves out direction and unicode-bidi: an rtl page would otherwise mirror our panel.
      'direction: ltr !important; unicode-bidi: isolate !important;',
  );
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  mount.className = 'vl-root';
  shadow.append(style, mount);
  // documentElement, not body: frameworks that own <body> (React hydration) never see us.
  doc.documentElement.append(host);
  return { host, mount, remove: () => host.remove() };
}
