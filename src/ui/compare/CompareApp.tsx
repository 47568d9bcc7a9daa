import { useEffect, useState } from 'preact/hooks';
import type { Tool } from '../../catalog/schema';
import { chooseAlternative } from '../../compare/alternative';
import { headToHead, type HeadToHead } from '../../compare/head-to-head';
import type { Settings } from '../../settings/schema';
import { strings } from '../strings';
import { ComparePage } from './ComparePage';
import { ToolPicker } from './ToolPicker';

export interface CompareDeps {
  search: string;
  /** Change the deep link (history.replaceState) so the URL always names what is shown. */
  navigate: (search: string) => void;
  scoringUrl: string;
  allTools: () => Promise<Tool[]>;
  settings: () => Promise<Settings>;
}

type View =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; tools: Tool[]; aId?: string }
  | { kind: 'ready'; result: HeadToHead; tools: Tool[] };

const link = (a: string, b?: string) => `?a=${encodeURIComponent(a)}${b ? `&b=${encodeURIComponent(b)}` : ''}`;

/** `compare.html?a=<id>&b=<id>` (contract); with only `a`, against the user's alternative. */
export function CompareApp({ deps }: { deps: CompareDeps }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [search, setSearch] = useState(deps.search);
  const go = (next: string) => {
    deps.navigate(next);
    setSearch(next);
  };

  useEffect(() => {
    const params = new URLSearchParams(search);
    const aId = params.get('a');
    const bId = params.get('b');
    Promise.all([deps.allTools(), deps.settings()]).then(
      ([tools, settings]) => {
        if (!aId) return setView({ kind: 'error', message: strings.compare.missingParams, tools });
        const a = tools.find((t) => t.id === aId);
        if (!a) return setView({ kind: 'error', message: strings.compare.unknownTool(aId), tools });
        const b = bId ? tools.find((t) => t.id === bId) : chooseAlternative(a, tools, settings);
        if (!b) return setView({ kind: 'error', message: bId ? strings.compare.unknownTool(bId) : strings.compare.noAlternative(a.name), tools, aId });
        const result = headToHead(a, b, { preferences: settings.preferences, usage: settings.usage });
        document.title = strings.compare.title(a.name, b.name);
        setView({ kind: 'ready', result, tools });
      },
      (e: unknown) => setView({ kind: 'error', message: e instanceof Error ? e.message : String(e), tools: [] }),
    );
  }, [search]);

  if (view.kind === 'loading') return <p class="vl-compare vl-muted">{strings.compare.loading}</p>;
  if (view.kind === 'error') {
    const knownA = view.aId && view.tools.some((t) => t.id === view.aId) ? view.aId : undefined;
    return (
      <main class="vl-compare">
        <h1>{strings.compare.heading}</h1>
        <p role="alert" class="vl-error">
          {view.message}
        </p>
        <div class="vl-sides">
          {!knownA && <ToolPicker label={strings.compare.pickFirst} name="pick-a" tools={view.tools} onPick={(id) => go(link(id))} />}
          {knownA && <ToolPicker label={strings.compare.pickSecond} name="pick-b" tools={view.tools.filter((t) => t.id !== knownA)} onPick={(id) => go(link(knownA, id))} />}
        </div>
      </main>
    );
  }
  const { a, b } = view.result;
  return (
    <>
      <nav class="vl-compare-tools" aria-label={strings.compare.changeTools}>
        <button type="button" class="vl-button vl-secondary" onClick={() => go(link(b.tool.id, a.tool.id))}>
          {strings.compare.swap}
        </button>
        <ToolPicker label={strings.compare.changeSide(a.tool.name)} name="change-a" tools={view.tools.filter((t) => t.id !== b.tool.id)} onPick={(id) => go(link(id, b.tool.id))} />
        <ToolPicker label={strings.compare.changeSide(b.tool.name)} name="change-b" tools={view.tools.filter((t) => t.id !== a.tool.id)} onPick={(id) => go(link(a.tool.id, id))} />
      </nav>
      <ComparePage result={view.result} scoringUrl={deps.scoringUrl} />
    </>
  );
}
