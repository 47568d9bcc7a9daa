import type { Tool } from '../../catalog/schema';
import { DIMENSIONS } from '../../catalog/constants';
import { DIMENSION_LABELS } from '../../compare/preferences';
import { strings } from '../strings';
import { ScoreBadge } from '../shared/ScoreBadge';
import { ScoreBar } from '../shared/ScoreBar';

interface Props {
  tool: Tool;
  /** The head-to-head line against the user's alternative, computed by compare/. */
  versusLine?: string;
  onCompare: () => void;
  style?: Record<string, string>;
  id?: string;
}

/** Name, vendor, tagline, overall and four dimensions, pricing, the line against the alternative, Compare. */
export function ToolCard({ tool, versusLine, onCompare, style, id }: Props) {
  return (
    <div class="vl-card-pop" role="dialog" aria-label={strings.overlay.cardLabel(tool.name)} style={style} id={id} data-card-tool={tool.id}>
      <div class="vl-card-head">
        <ScoreBadge score={tool.overall} label={strings.overlay.overall} />
        <div>
          <div class="vl-card-name">{tool.name}</div>
          <div class="vl-muted">{tool.vendor}</div>
        </div>
      </div>
      <p class="vl-card-tagline">{tool.tagline}</p>
      <div class="vl-card-dims">
        {DIMENSIONS.map((d) => (
          <div class="vl-card-dim" key={d}>
            <span>{DIMENSION_LABELS[d]}</span>
            <ScoreBar label={DIMENSION_LABELS[d]} score={tool.scores[d]} />
          </div>
        ))}
      </div>
      <p class="vl-card-price">{tool.pricing.display}</p>
      {versusLine && <p class="vl-card-versus">{versusLine}</p>}
      <button type="button" class="vl-button" onClick={onCompare}>
        {strings.overlay.compare}
      </button>
    </div>
  );
}
