import type { HeadToHead } from '../../compare/head-to-head';
import { strings } from '../strings';
import { ScoreBar } from '../shared/ScoreBar';

type Side = HeadToHead['a'];

function ToolHeader({ side, which, result }: { side: Side; which: 'a' | 'b'; result: HeadToHead }) {
  const { tool } = side;
  return (
    <section class={`vl-side ${side.isWinner ? 'vl-side-winner' : ''}`} data-side={which} aria-label={tool.name}>
      <p class="vl-vendor">{tool.vendor}</p>
      <h2 class="vl-tool-name">{tool.name}</h2>
      <p class="vl-tagline">{tool.tagline}</p>
      <p class="vl-overall-line">
        <span class="vl-overall">{strings.score(side.overall)}</span>
        <span class="vl-muted"> {strings.compare.overallScore}</span>
      </p>
      {side.yourScore !== undefined && (
        <p class="vl-your-score">
          {strings.compare.yourScore}: <strong>{strings.score(side.yourScore)}</strong>
        </p>
      )}
      {side.isWinner && <p class="vl-winner">{strings.compare.winner}</p>}
      {result.winner === 'tie' && <p class="vl-tie">{strings.compare.tie}</p>}
    </section>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <h4>{title}</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/** The full head-to-head, laid out like the reference page. Renders `compare/`'s result; computes nothing. */
export function ComparePage({ result, scoringUrl }: { result: HeadToHead; scoringUrl: string }) {
  const { a, b } = result;
  const updated = a.tool.updated > b.tool.updated ? a.tool.updated : b.tool.updated;
  return (
    <main class="vl-compare">
      <h1>
        {a.tool.name} vs {b.tool.name}
      </h1>
      <p class="vl-muted vl-compare-meta">
        {strings.compare.updated(updated)} ·{' '}
        <a href={scoringUrl} target="_blank" rel="noopener">
          {strings.compare.howWeScore}
        </a>
      </p>
      <div class="vl-sides">
        <ToolHeader side={a} which="a" result={result} />
        <ToolHeader side={b} which="b" result={result} />
      </div>

      <section class="vl-dimensions" aria-label="Scores by dimension">
        {result.dimensions.map((d) => (
          <div class="vl-dimension" key={d.dimension} data-dimension={d.dimension}>
            <ScoreBar label={`${a.tool.name} ${d.label}`} score={d.a} lead={d.leader === 'a'} />
            <div class="vl-dimension-label">
              <strong>{d.label}</strong>
              <span class="vl-muted">{d.leadText}</span>
            </div>
            <ScoreBar label={`${b.tool.name} ${d.label}`} score={d.b} lead={d.leader === 'b'} />
          </div>
        ))}
      </section>

      <section class="vl-card">
        <h2>{strings.compare.ourVerdict}</h2>
        <p class="vl-verdict">{result.verdict}</p>
        {result.differentJobs && <p class="vl-note">{result.differentJobs}</p>}
      </section>

      <div class="vl-sides">
        {(['a', 'b'] as const).map((which) => {
          const side = result[which];
          const cost = result.cost?.[which];
          return (
            <section class="vl-card" key={side.tool.id} data-pricing={side.tool.id}>
              <h3>{strings.compare.pricing(side.tool.name)}</h3>
              <p class="vl-price">{side.tool.pricing.display}</p>
              {cost && (
                <p class={cost.kind === 'estimate' ? 'vl-cost' : 'vl-muted'} data-cost={cost.kind}>
                  {cost.text}
                </p>
              )}
              <p class="vl-muted vl-source">
                {strings.compare.priceSource(side.tool.pricing.asOf)}{' '}
                <a href={side.tool.pricing.source} target="_blank" rel="noopener noreferrer">
                  {new URL(side.tool.pricing.source).hostname}
                </a>
              </p>
            </section>
          );
        })}
      </div>
      {result.cost?.differenceText && <p class="vl-cost-difference">{result.cost.differenceText}</p>}

      <div class="vl-sides">
        {[a, b].map((side) => (
          <section class="vl-card" key={side.tool.id} data-details={side.tool.id}>
            <h3>{side.tool.name}</h3>
            <List title={strings.compare.pros} items={side.tool.pros} />
            <List title={strings.compare.cons} items={side.tool.cons} />
            <h4>{strings.compare.bestFor}</h4>
            <p>{side.bestForLine}</p>
          </section>
        ))}
      </div>

      <div class="vl-sides">
        {(['a', 'b'] as const).map((which) => (
          <section class="vl-card" key={which} data-choose={which}>
            <h3>{strings.compare.chooseIf(result[which].tool.name)}</h3>
            <ul>
              {result.chooseIf[which].map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>

      <section class="vl-card vl-faq">
        <h2>{strings.compare.faq}</h2>
        {result.faq.map((item) => (
          <details key={item.question} open>
            <summary>
              <h3>{item.question}</h3>
            </summary>
            <p>{item.answer}</p>
          </details>
        ))}
      </section>
    </main>
  );
}
