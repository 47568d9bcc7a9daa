import type { Tool } from '../../catalog/schema';
import { headToHead } from '../../compare/head-to-head';
import type { Settings } from '../../settings/schema';
import { strings } from '../strings';

/** A sample verdict under the current priorities, so the effect of a weight is seen at once. */
export function PreviewSection({ tools, settings }: { tools: Tool[]; settings: Settings }) {
  const a = tools.find((t) => t.id === 'gpt-4-1-mini') ?? tools[0];
  const b = tools.find((t) => t.id === 'stable-diffusion') ?? tools[1];
  if (!a || !b) return null;
  const result = headToHead(a, b, { preferences: settings.preferences, usage: settings.usage });
  return (
    <section class="vl-card" aria-labelledby="vl-preview" aria-live="polite">
      <h2 id="vl-preview">{strings.options.previewHeading}</h2>
      <p class="vl-verdict" data-preview-verdict>
        {result.verdict}
      </p>
    </section>
  );
}
