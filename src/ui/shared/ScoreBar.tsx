import { scoreBand } from '../../overlay/score-band';

/** One dimension's score as a labelled bar (a meter for screen readers). */
export function ScoreBar({ label, score, lead }: { label: string; score: number; lead?: boolean }) {
  return (
    <div class={`vl-bar ${lead ? 'vl-bar-lead' : ''}`}>
      <span class="vl-bar-value">{score.toFixed(1)}</span>
      <span
        class={`vl-bar-track vl-band-${scoreBand(score)}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={10}
        aria-valuenow={score}
        aria-valuetext={`${score.toFixed(1)} out of 10`}
      >
        <span class="vl-bar-fill" style={{ width: `${score * 10}%` }} />
      </span>
    </div>
  );
}
