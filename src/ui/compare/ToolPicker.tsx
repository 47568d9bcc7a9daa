import { useState } from 'preact/hooks';
import type { Tool } from '../../catalog/schema';
import { searchTools } from '../../detect/search';
import { strings } from '../strings';

/** A search box that picks a tool by name or alias; Enter takes the first match. */
export function ToolPicker({ label, tools, onPick, name }: { label: string; tools: Tool[]; onPick: (id: string) => void; name: string }) {
  const [query, setQuery] = useState('');
  const results = searchTools(tools, query, 6);
  return (
    <div class="vl-picker">
      <label>
        <span>{label}</span>
        <input
          type="search"
          name={name}
          value={query}
          autoComplete="off"
          placeholder={strings.compare.pickerPlaceholder}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && results[0]) onPick(results[0].id);
          }}
        />
      </label>
      {query.trim() && (
        <ul class="vl-picker-results" aria-label={strings.compare.pickerResults(label)}>
          {results.length === 0 && <li class="vl-muted">{strings.popup.noResults(query.trim())}</li>}
          {results.map((t) => (
            <li key={t.id}>
              <button type="button" class="vl-link-button" onClick={() => onPick(t.id)} data-pick-tool={t.id}>
                {t.name} <span class="vl-muted">· {t.vendor} · {t.overall.toFixed(1)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
