import { scoreBand } from '../../overlay/score-band';

/** An overall score as "8.9", coloured by band, with a spoken label. */
export function ScoreBadge({ score, label }: { score: number; label?: string }) {
  return (
    <span class={`vl-score vl-band-${scoreBand(score)}`} aria-label={`${label ? `${label}: ` : ''}${score.toFixed(1)} out of 10`}>
      {score.toFixed(1)}
    </span>
  );
}
