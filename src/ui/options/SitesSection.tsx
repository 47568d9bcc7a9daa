import { useEffect, useState } from 'preact/hooks';
import { DISPLAY_MODES, type DisplayMode } from '../../settings/schema';
import { strings } from '../strings';

interface Props {
  display: DisplayMode;
  offSites: string[];
  onDisplay: (d: DisplayMode) => void;
  onOffSites: (sites: string[]) => void;
  hasAllSites: () => Promise<boolean>;
  requestAllSites: () => Promise<boolean>;
  removeAllSites: () => Promise<boolean>;
}

export function SitesSection(props: Props) {
  const [allSites, setAllSites] = useState<boolean | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => void props.hasAllSites().then(setAllSites), []);

  const toggleAllSites = async (on: boolean) => {
    setError(undefined);
    try {
      // Called straight from the click: the browser shows its permission prompt only for a gesture.
      const ok = on ? await props.requestAllSites() : await props.removeAllSites();
      setAllSites(on ? ok : !ok);
      if (on && !ok) setError(strings.options.allSitesDenied);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const addSite = () => {
    const host = draft.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '');
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) {
      setError(strings.options.badHost(draft));
      return;
    }
    setError(undefined);
    if (!props.offSites.includes(host)) props.onOffSites([...props.offSites, host].sort());
    setDraft('');
  };

  return (
    <section class="vl-card" aria-labelledby="vl-sites">
      <h2 id="vl-sites">{strings.options.sitesHeading}</h2>
      <fieldset>
        <legend>{strings.options.displayLegend}</legend>
        {DISPLAY_MODES.map((mode) => (
          <label key={mode} class="vl-radio">
            <input type="radio" name="display" value={mode} checked={props.display === mode} onChange={() => props.onDisplay(mode)} />
            {strings.options.displayLabels[mode]}
          </label>
        ))}
      </fieldset>
      <div class="vl-switch-row">
        <label class="vl-checkbox">
          <input
            type="checkbox"
            name="all-sites"
            checked={allSites === true}
            disabled={allSites === undefined}
            onChange={(e) => void toggleAllSites((e.currentTarget as HTMLInputElement).checked)}
          />
          {strings.options.allSitesLabel}
        </label>
        <p class="vl-muted">{strings.options.allSitesWhy}</p>
      </div>
      <h3>{strings.options.offSitesHeading}</h3>
      {props.offSites.length === 0 ? (
        <p class="vl-muted">{strings.options.offSitesNone}</p>
      ) : (
        <ul class="vl-off-sites">
          {props.offSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" class="vl-link-button" onClick={() => props.onOffSites(props.offSites.filter((s) => s !== site))} aria-label={strings.options.removeSite(site)}>
                {strings.options.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="vl-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          addSite();
        }}
      >
        <label>
          <span class="vl-visually-hidden">{strings.options.addSiteLabel}</span>
          <input type="text" name="off-site" placeholder="example.com" value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="vl-button">
          {strings.options.addSite}
        </button>
      </form>
      {error && <p role="alert" class="vl-error">{error}</p>}
    </section>
  );
}
