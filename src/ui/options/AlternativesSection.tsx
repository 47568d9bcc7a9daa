import { CATEGORIES, type Category } from '../../catalog/constants';
import type { Tool } from '../../catalog/schema';
import { chooseAlternative } from '../../compare/alternative';
import { strings } from '../strings';

interface Props {
  tools: Tool[];
  value: Partial<Record<Category, string>>;
  onChange: (v: Partial<Record<Category, string>>) => void;
}

/** Per category, the tool that the panel, popup and compare page measure others against. */
export function AlternativesSection({ tools, value, onChange }: Props) {
  return (
    <section class="vl-card" aria-labelledby="vl-alternatives">
      <h2 id="vl-alternatives">{strings.options.alternativesHeading}</h2>
      <p class="vl-muted">{strings.options.alternativesHelp}</p>
      <div class="vl-form-grid">
        {CATEGORIES.map((category) => {
          const inCategory = tools.filter((t) => t.category === category).sort((a, b) => a.name.localeCompare(b.name));
          if (inCategory.length === 0) return null;
          // The default: what chooseAlternative picks for a tool outside this category's top spot.
          const top = [...inCategory].sort((a, b) => b.overall - a.overall || a.name.localeCompare(b.name))[0]!;
          const fallback = chooseAlternative({ ...top, id: `${top.id}-probe` }, inCategory, {});
          return (
            <label key={category}>
              <span>{strings.categories[category]}</span>
              <select
                name={`alternative-${category}`}
                value={value[category] ?? ''}
                onChange={(e) => {
                  const id = (e.currentTarget as HTMLSelectElement).value;
                  const next = { ...value };
                  if (id) next[category] = id;
                  else delete next[category];
                  onChange(next);
                }}
              >
                <option value="">{strings.options.topRated(fallback?.name ?? top.name)}</option>
                {inCategory.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </section>
  );
}
