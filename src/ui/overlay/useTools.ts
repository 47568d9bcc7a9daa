import { useEffect, useState } from 'preact/hooks';
import type { Category, Tool } from '../../catalog/schema';
import { chooseAlternative } from '../../compare/alternative';
import { headToHead } from '../../compare/head-to-head';
import type { Settings } from '../../settings/schema';

export interface ToolSource {
  tools: (ids: string[]) => Promise<Tool[]>;
  category: (category: Category) => Promise<Tool[]>;
}

/** A tool's full record and its category's tools, fetched once per tool while the overlay lives. */
export function useToolWithAlternatives(source: ToolSource, id: string | undefined) {
  const [state, setState] = useState<{ tool?: Tool; others: Tool[] }>({ others: [] });
  useEffect(() => {
    if (!id) return;
    let live = true;
    void source
      .tools([id])
      .then(async ([tool]) => {
        if (!tool || !live) return;
        const others = await source.category(tool.category);
        if (live) setState({ tool, others });
      })
      .catch(() => {}); // the extension was reloaded: the card simply does not open
    return () => {
      live = false;
    };
  }, [id]);
  return state.tool?.id === id ? state : { others: [] as Tool[] };
}

/** The alternative and the verdict's first sentence against it, by compare/'s rules and the user's settings. */
export function versus(tool: Tool, others: Tool[], settings: Settings, chosenId?: string) {
  const alternative = (chosenId && others.find((t) => t.id === chosenId && t.id !== tool.id)) || chooseAlternative(tool, others, settings);
  if (!alternative) return undefined;
  const result = headToHead(tool, alternative, { preferences: settings.preferences, usage: settings.usage });
  return { alternative, result, line: `vs ${alternative.name}: ${result.verdict.split(/(?<=\.)\s/)[0] ?? result.verdict}` };
}
