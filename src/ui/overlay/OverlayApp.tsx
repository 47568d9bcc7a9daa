import { useRef, useState } from 'preact/hooks';
import type { Box } from '../../overlay/geometry';
import { placeCard } from '../../overlay/geometry';
import { scoreBand } from '../../overlay/score-band';
import type { Settings } from '../../settings/schema';
import { strings } from '../strings';
import { Panel, type FoundEntry } from './Panel';
import { ToolCard } from './ToolCard';
import { useToolWithAlternatives, versus, type ToolSource } from './useTools';

export interface ChipModel {
  toolId: string;
  name: string;
  score: number;
  x: number;
  y: number;
}

export interface OverlayModel {
  chips: ChipModel[];
  found: FoundEntry[];
  subject?: string;
  /** The mention under the pointer, from the page's own text (viewport coordinates). */
  hover?: { toolId: string; anchor: Box };
}

export interface OverlayActions {
  source: ToolSource;
  openCompare: (a: string, b?: string) => void;
  dismissPage: () => void;
  turnOffSite: () => void;
  viewport: () => { width: number; height: number };
}

function HoverCard({ toolId, anchor, settings, actions }: { toolId: string; anchor: Box; settings: Settings; actions: OverlayActions }) {
  const { tool, others } = useToolWithAlternatives(actions.source, toolId);
  if (!tool) return null;
  const vs = versus(tool, others, settings);
  const pos = placeCard(anchor, { width: 300, height: 330 }, actions.viewport());
  return (
    <ToolCard
      tool={tool}
      versusLine={vs?.line}
      onCompare={() => actions.openCompare(tool.id, vs?.alternative.id)}
      style={{ left: `${pos.left}px`, top: `${pos.top}px` }}
    />
  );
}

export function OverlayApp({ model, settings, actions }: { model: OverlayModel; settings: Settings; actions: OverlayActions }) {
  const [panelOpen, setPanelOpen] = useState(false);
  const [focusCard, setFocusCard] = useState<{ toolId: string; anchor: Box } | undefined>(undefined);
  const [cardHover, setCardHover] = useState<{ toolId: string; anchor: Box } | undefined>(undefined);
  const launcher = useRef<HTMLButtonElement>(null);
  if (settings.display === 'off' || model.found.length === 0) return null;

  const card = focusCard ?? cardHover ?? model.hover;
  const chipAnchor = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };

  return (
    <div
      class="vl-overlay"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && (focusCard || cardHover)) {
          setFocusCard(undefined);
          setCardHover(undefined);
        }
      }}
    >
      {settings.display === 'chips' &&
        model.chips.map((chip) => (
          <button
            key={chip.toolId}
            type="button"
            class={`vl-chip vl-band-${scoreBand(chip.score)}`}
            style={{ transform: `translate(${chip.x}px, ${chip.y}px)` }}
            aria-label={strings.overlay.chipLabel(chip.name, chip.score)}
            data-chip-tool={chip.toolId}
            onFocus={(e) => setFocusCard({ toolId: chip.toolId, anchor: chipAnchor(e.currentTarget) })}
            onBlur={() => setFocusCard(undefined)}
            onMouseEnter={(e) => setCardHover({ toolId: chip.toolId, anchor: chipAnchor(e.currentTarget) })}
            onMouseLeave={() => setCardHover(undefined)}
            onClick={() => actions.openCompare(chip.toolId)}
          >
            {chip.score.toFixed(1)}
          </button>
        ))}
      {card && <HoverCard key={card.toolId} toolId={card.toolId} anchor={card.anchor} settings={settings} actions={actions} />}
      <div class="vl-dock">
        {panelOpen && (
          <Panel
            found={model.found}
            subject={model.subject}
            settings={settings}
            source={actions.source}
            onClose={() => {
              setPanelOpen(false);
              launcher.current?.focus();
            }}
            onCompare={actions.openCompare}
            onDismissPage={actions.dismissPage}
            onTurnOffSite={actions.turnOffSite}
          />
        )}
        <button
          ref={launcher}
          type="button"
          class="vl-launcher"
          aria-expanded={panelOpen}
          onClick={() => setPanelOpen(!panelOpen)}
          data-launcher
        >
          {strings.overlay.launcher(model.found.length)}
        </button>
      </div>
    </div>
  );
}
