import { useEffect, useState } from 'preact/hooks';
import type { Tool } from '../../catalog/schema';
import { chooseAlternative } from '../../compare/alternative';
import { headToHead, type HeadToHead } from '../../compare/head-to-head';
import type { Settings } from '../../settings/schema';
import { strings } from '../strings';
import { ComparePage } from './ComparePage';

export interface CompareDeps {
  search: string;
  allTools: () => Promise<Tool[]>;
  settings: () => Promise<Settings>;
}

type View = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; result: HeadToHead };

/** `compare.html?a=<id>&b=<id>` (contract); with only `a`, against the user's alternative. */
export function CompareApp({ deps }: { deps: CompareDeps }) {
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    const params = new URLSearchParams(deps.search);
    const aId = params.get('a');
    const bId = params.get('b');
    Promise.all([deps.allTools(), deps.settings()]).then(
      ([tools, settings]) => {
        if (!aId) return setView({ kind: 'error', message: strings.compare.missingParams });
        const a = tools.find((t) => t.id === aId);
        if (!a) return setView({ kind: 'error', message: strings.compare.unknownTool(aId) });
        const b = bId ? tools.find((t) => t.id === bId) : chooseAlternative(a, tools, settings);
        if (!b) return setView({ kind: 'error', message: bId ? strings.compare.unknownTool(bId) : strings.compare.missingParams });
        const result = headToHead(a, b, { preferences: settings.preferences, usage: settings.usage });
        document.title = strings.compare.title(a.name, b.name);
        setView({ kind: 'ready', result });
      },
      (e: unknown) => setView({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [deps.search]);

  if (view.kind === 'loading') return <p class="vl-compare vl-muted">{strings.compare.loading}</p>;
  if (view.kind === 'error') {
    return (
      <main class="vl-compare">
        <p role="alert">{view.message}</p>
      </main>
    );
  }
  return <ComparePage result={view.result} />;
}
