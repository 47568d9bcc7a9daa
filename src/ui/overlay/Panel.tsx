import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../settings/schema';
import { strings } from '../strings';
import { ScoreBadge } from '../shared/ScoreBadge';
import { useToolWithAlternatives, versus, type ToolSource } from './useTools';

export interface FoundEntry {
  id: string;
  name: string;
  overall: number;
  count: number;
}

interface Props {
  found: FoundEntry[];
  subject?: string;
  settings: Settings;
  source: ToolSource;
  onClose: () => void;
  onCompare: (a: string, b?: string) => void;
  onDismissPage: () => void;
  onTurnOffSite: () => void;
}

/** The tools on this page, and the verdict for the selected one against the alternative, changeable in place. */
export function Panel({ found, subject, settings, source, onClose, onCompare, onDismissPage, onTurnOffSite }: Props) {
  const [selected, setSelected] = useState<string | undefined>(found[0]?.id);
  const [altChoice, setAltChoice] = useState<string | undefined>(undefined);
  const { tool, others } = useToolWithAlternatives(source, selected);
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves in as the panel appears (a layout effect runs before the browser paints; a plain
  // effect waits for a frame, and a key pressed in between went to the launcher instead).
  useLayoutEffect(() => ref.current?.focus(), []);
  useEffect(() => setAltChoice(undefined), [selected]);
  const vs = tool ? versus(tool, others, settings, altChoice) : undefined;

  return (
    <div
      class="vl-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="vl-panel-title"
      tabIndex={-1}
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="vl-panel-head">
        <h2 id="vl-panel-title">{strings.overlay.launcher(found.length)}</h2>
        <button type="button" class="vl-icon-button" onClick={onClose} aria-label={strings.overlay.close}>
          ×
        </button>
      </div>
      <ul class="vl-panel-list" aria-label={strings.overlay.toolsOnPage}>
        {found.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              aria-pressed={f.id === selected}
              class={`vl-panel-tool ${f.id === selected ? 'vl-selected' : ''}`}
              onClick={() => setSelected(f.id)}
              data-panel-tool={f.id}
            >
              <ScoreBadge score={f.overall} label={f.name} />
              <span class="vl-panel-name">
                {f.name}
                {f.id === subject ? <span class="vl-muted"> · {strings.overlay.pageSubject}</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {tool && (
        <section class="vl-panel-detail" aria-live="polite">
          <p class="vl-card-price">{tool.pricing.display}</p>
          {vs ? (
            <>
              <label class="vl-panel-alt">
                <span>{strings.overlay.compareAgainst}</span>
                <select
                  value={vs.alternative.id}
                  name="alternative"
                  onChange={(e) => setAltChoice((e.currentTarget as HTMLSelectElement).value)}
                >
                  {others
                    .filter((t) => t.id !== tool.id)
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                </select>
              </label>
              <p class="vl-panel-verdict" data-panel-verdict>
                {vs.result.verdict}
              </p>
              <button type="button" class="vl-button" onClick={() => onCompare(tool.id, vs.alternative.id)}>
                {strings.overlay.fullComparison}
              </button>
            </>
          ) : (
            <p class="vl-muted">{strings.overlay.noAlternative}</p>
          )}
        </section>
      )}
      <div class="vl-panel-foot">
        <button type="button" class="vl-link-button" onClick={onDismissPage}>
          {strings.overlay.dismissPage}
        </button>
        <button type="button" class="vl-link-button" onClick={onTurnOffSite}>
          {strings.overlay.turnOffSite}
        </button>
      </div>
    </div>
  );
}
