import { useState } from 'preact/hooks';
import type { IndexedTool } from '../../detect/detection-index';
import { searchTools } from '../../detect/search';
import { strings } from '../strings';
import { ScoreBadge } from '../shared/ScoreBadge';

interface Props {
  tools: IndexedTool[];
  compareUrl: (a: string, b?: string) => string;
}

/** Find any tool by name or alias; pick two and compare them. Results never carry data-found-tool. */
export function SearchSection({ tools, compareUrl }: Props) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<IndexedTool[]>([]);
  const results = searchTools(tools, query);
  const toggle = (tool: IndexedTool) =>
    setPicked((prev) => (prev.some((p) => p.id === tool.id) ? prev.filter((p) => p.id !== tool.id) : [...prev, tool].slice(-2)));

  return (
    <section class="vl-search" aria-labelledby="vl-search-h">
      <h2 id="vl-search-h">{strings.popup.searchHeading}</h2>
      <label>
        <span class="vl-visually-hidden">{strings.popup.searchLabel}</span>
        <input
          type="search"
          name="tool-search"
          placeholder={strings.popup.searchPlaceholder}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          autoComplete="off"
        />
      </label>
      {query.trim() && results.length === 0 && <p class="vl-muted">{strings.popup.noResults(query.trim())}</p>}
      {results.length > 0 && (
        <ul class="vl-results" aria-label={strings.popup.resultsLabel}>
          {results.map((tool) => {
            const isPicked = picked.some((p) => p.id === tool.id);
            return (
              <li key={tool.id} class="vl-result" data-result-tool={tool.id}>
                <ScoreBadge score={tool.overall} label={tool.name} />
                <span class="vl-found-name">
                  <strong>{tool.name}</strong>
                  <span class="vl-muted">{tool.vendor}</span>
                </span>
                <button type="button" class="vl-pick" aria-pressed={isPicked} onClick={() => toggle(tool)}>
                  {isPicked ? strings.popup.picked : strings.popup.pick}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {picked.length > 0 && (
        <div class="vl-picked" aria-live="polite">
          <span>{picked.length === 2 ? strings.popup.pickedTwo(picked[0]!.name, picked[1]!.name) : strings.popup.pickOneMore(picked[0]!.name)}</span>
          {picked.length === 2 && (
            <a class="vl-button" href={compareUrl(picked[0]!.id, picked[1]!.id)} target="_blank" rel="noopener" data-compare-picked>
              {strings.popup.compareThese}
            </a>
          )}
        </div>
      )}
    </section>
  );
}
