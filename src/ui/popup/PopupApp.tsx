import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { DetectionIndex } from '../../detect/detection-index';
import type { TabState } from '../../messaging/responses';
import { SearchSection } from './SearchSection';
import { strings } from '../strings';
import { ScoreBadge } from '../shared/ScoreBadge';

export interface PopupDeps {
  tabId: number | undefined;
  getState: (tabId: number) => Promise<TabState | null>;
  watch: (tabId: number, onChange: (s: TabState | null) => void) => () => void;
  scan: (tabId: number) => Promise<{ started: boolean; error?: string }>;
  compareUrl: (a: string, b?: string) => string;
  /** The published index: names, aliases and scores for search, and the catalog's version. */
  index: () => Promise<DetectionIndex | undefined>;
  optionsUrl: string;
}

type Load = { kind: 'loading' } | { kind: 'ready'; state: TabState | null } | { kind: 'error'; message: string };

export function PopupApp({ deps }: { deps: PopupDeps }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [scan, setScan] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const { tabId } = deps;
  const [index, setIndex] = useState<DetectionIndex | undefined>(undefined);
  useEffect(() => void deps.index().then(setIndex), []);

  // A layout effect runs right after the first render; a plain effect waited for a frame (16-44 ms)
  // before the tab's results were even asked for.
  useLayoutEffect(() => {
    if (tabId === undefined) {
      setLoad({ kind: 'error', message: 'no tab' });
      return;
    }
    const stop = deps.watch(tabId, (state) => setLoad({ kind: 'ready', state }));
    deps.getState(tabId).then(
      (state) => setLoad((prev) => (prev.kind === 'ready' && prev.state ? prev : { kind: 'ready', state })),
      (e: unknown) => setLoad({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return stop;
  }, [tabId]);

  const onScan = async () => {
    if (tabId === undefined) return;
    setScan({ busy: true });
    const result = await deps.scan(tabId).catch((e: unknown) => ({ started: false, error: String(e) }));
    setScan({ busy: false, error: result.started ? undefined : (result.error ?? 'unknown error') });
  };

  return (
    <main class="vl-popup">
      <header class="vl-popup-header">
        <h1>{strings.appName}</h1>
      </header>
      {load.kind === 'loading' && <p class="vl-muted">…</p>}
      {load.kind === 'error' && <p role="alert">{strings.popup.loadFailed(load.message)}</p>}
      {load.kind === 'ready' && load.state && load.state.tools.length > 0 && (
        <section aria-labelledby="vl-found">
          <h2 id="vl-found">{strings.popup.foundHeading(load.state.tools.length)}</h2>
          {load.state.isPricingPage && <p class="vl-tag">{strings.popup.pricingPage}</p>}
          <ul class="vl-found-list">
            {load.state.tools.map((tool) => (
              <li key={tool.id} data-found-tool={tool.id} class="vl-found">
                <ScoreBadge score={tool.overall} label={tool.name} />
                <span class="vl-found-name">
                  <strong>{tool.name}</strong>
                  <span class="vl-muted">
                    {tool.vendor}
                    {tool.id === load.state?.subject ? ` · ${strings.popup.pageSubject}` : ''} · {strings.popup.mentions(tool.count)}
                  </span>
                </span>
                <a class="vl-link" href={deps.compareUrl(tool.id)} target="_blank" rel="noopener">
                  {strings.popup.compare}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {load.kind === 'ready' && (!load.state || load.state.tools.length === 0) && (
        <section>
          <p>{load.state ? strings.popup.noneFound : strings.popup.notScanned}</p>
          <button type="button" class="vl-button" onClick={onScan} disabled={scan.busy}>
            {scan.busy ? strings.popup.scanning : strings.popup.scanThisPage}
          </button>
          {scan.error && <p role="alert">{strings.popup.scanFailed(scan.error)}</p>}
        </section>
      )}
      {index && <SearchSection tools={index.tools} compareUrl={deps.compareUrl} />}
      <footer class="vl-popup-footer vl-muted">
        {index && <span data-catalog-version={index.catalogVersion}>{strings.popup.catalogVersion(index.catalogVersion, index.tools.length)}</span>}
        <a href={deps.optionsUrl} target="_blank" rel="noopener">
          {strings.popup.options}
        </a>
      </footer>
    </main>
  );
}
