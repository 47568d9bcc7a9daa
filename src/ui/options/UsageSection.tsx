import type { UsageProfile } from '../../settings/schema';
import { strings } from '../strings';

const FIELDS: (keyof UsageProfile)[] = ['inputTokensPerMonth', 'outputTokensPerMonth', 'seats', 'imagesPerMonth', 'audioMinutesPerMonth', 'videoSecondsPerMonth'];

export function UsageSection({ value, onChange }: { value: UsageProfile; onChange: (u: UsageProfile) => void }) {
  return (
    <section class="vl-card" aria-labelledby="vl-usage">
      <h2 id="vl-usage">{strings.options.usageHeading}</h2>
      <p class="vl-muted">{strings.options.usageHelp}</p>
      <div class="vl-form-grid">
        {FIELDS.map((field) => (
          <label key={field}>
            <span>{strings.options.usageLabels[field]}</span>
            <input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              name={field}
              value={value[field]}
              onChange={(e) => {
                const n = Math.max(0, Math.floor(Number((e.currentTarget as HTMLInputElement).value) || 0));
                onChange({ ...value, [field]: n });
              }}
            />
          </label>
        ))}
      </div>
    </section>
  );
}
