/** Score bands shared by the page's highlights and our UI (pure). */
export type ScoreBand = 'high' | 'good' | 'fair';

export function scoreBand(score: number): ScoreBand {
  if (score >= 8.5) return 'high';
  if (score >= 7) return 'good';
  return 'fair';
}
