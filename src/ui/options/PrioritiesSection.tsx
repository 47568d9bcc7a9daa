import { DIMENSIONS, type Dimension } from '../../catalog/constants';
import { DIMENSION_LABELS } from '../../compare/preferences';
import type { Preferences } from '../../settings/schema';
import { strings } from '../strings';

const WEIGHT_LABELS = strings.options.weightLabels;

/** Order and weight of the four dimensions; every control is a native, keyboard-usable element. */
export function PrioritiesSection({ value, onChange }: { value: Preferences; onChange: (p: Preferences) => void }) {
  const move = (index: number, delta: number) => {
    const order = [...value.order];
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target]!, order[index]!];
    onChange({ ...value, order });
  };
  const setWeight = (d: Dimension, w: number) => onChange({ ...value, weights: { ...value.weights, [d]: w as 0 | 1 | 2 | 3 } });
  return (
    <section class="vl-card" aria-labelledby="vl-priorities">
      <h2 id="vl-priorities">{strings.options.prioritiesHeading}</h2>
      <p class="vl-muted">{strings.options.prioritiesHelp}</p>
      <ol class="vl-priorities">
        {value.order.map((d, i) => (
          <li key={d} data-dimension={d}>
            <span class="vl-priority-name">{DIMENSION_LABELS[d]}</span>
            <label>
              <span class="vl-visually-hidden">{strings.options.weightOf(DIMENSION_LABELS[d])}</span>
              <select value={String(value.weights[d])} onChange={(e) => setWeight(d, Number((e.currentTarget as HTMLSelectElement).value))}>
                {WEIGHT_LABELS.map((label, w) => (
                  <option key={w} value={String(w)}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class="vl-icon-button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={strings.options.moveUp(DIMENSION_LABELS[d])}>
              ↑
            </button>
            <button
              type="button"
              class="vl-icon-button"
              onClick={() => move(i, 1)}
              disabled={i === DIMENSIONS.length - 1}
              aria-label={strings.options.moveDown(DIMENSION_LABELS[d])}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
