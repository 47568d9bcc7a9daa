import { useEffect, useState } from 'preact/hooks';
import type { Tool } from '../../catalog/schema';
import type { Settings } from '../../settings/schema';
import { strings } from '../strings';
import { AlternativesSection } from './AlternativesSection';
import { DataSection } from './DataSection';
import type { OptionsDeps } from './deps';
import { PreviewSection } from './PreviewSection';
import { PrioritiesSection } from './PrioritiesSection';
import { SitesSection } from './SitesSection';
import { UsageSection } from './UsageSection';

/** Every change is saved at once and reaches open tabs through storage events. */
export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [tools, setTools] = useState<Tool[]>([]);
  const [saveNote, setSaveNote] = useState<string | undefined>(undefined);

  useEffect(() => {
    void deps.loadSettings().then(setSettings);
    void deps.allTools().then(setTools);
  }, []);

  if (!settings) return <p class="vl-muted">…</p>;

  const update = (next: Settings) => {
    setSettings(next);
    void deps.saveSettings(next).then((r) => setSaveNote(r.synced ? strings.options.saved : strings.options.savedLocally(r.error ?? '')));
  };

  return (
    <main class="vl-options">
      <h1>{strings.options.title}</h1>
      <p role="status" class="vl-muted vl-save-note">
        {saveNote ?? ''}
      </p>
      <PrioritiesSection value={settings.preferences} onChange={(preferences) => update({ ...settings, preferences })} />
      <PreviewSection tools={tools} settings={settings} />
      <AlternativesSection tools={tools} value={settings.alternatives} onChange={(alternatives) => update({ ...settings, alternatives })} />
      <UsageSection value={settings.usage} onChange={(usage) => update({ ...settings, usage })} />
      <SitesSection
        display={settings.display}
        offSites={settings.offSites}
        onDisplay={(display) => update({ ...settings, display })}
        onOffSites={(offSites) => update({ ...settings, offSites })}
        hasAllSites={deps.hasAllSites}
        requestAllSites={deps.requestAllSites}
        removeAllSites={deps.removeAllSites}
      />
      <DataSection deps={deps} feedUrl={settings.feedUrl} onFeedUrl={(feedUrl) => update({ ...settings, feedUrl })} />
      <p>
        <a href={deps.scoringUrl} target="_blank" rel="noopener">
          {strings.options.howWeScore}
        </a>
      </p>
    </main>
  );
}
