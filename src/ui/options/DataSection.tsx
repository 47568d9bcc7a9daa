import { useEffect, useState } from 'preact/hooks';
import type { CatalogStatus, FeedStatus } from '../../messaging/responses';
import type { UpdateOutcome } from '../../catalog/update';
import type { FeedOutcome } from '../../catalog/feed';
import { strings } from '../strings';
import type { OptionsDeps } from './deps';
import { importCatalogFile } from './import-file';

function describeOutcome(outcome: FeedOutcome | UpdateOutcome): { text: string; error: boolean } {
  const s = strings.options.outcomes;
  switch (outcome.kind) {
    case 'updated':
      return { text: s.updated(outcome.version, outcome.toolCount), error: false };
    case 'current':
      return { text: s.current(outcome.version), error: false };
    case 'not-modified':
      return { text: s.notModified, error: false };
    case 'refused':
      return { text: s.refused(outcome.error), error: true };
  }
}

interface Props {
  deps: OptionsDeps;
  feedUrl: string;
  onFeedUrl: (url: string) => void;
}

export function DataSection({ deps, feedUrl, onFeedUrl }: Props) {
  const [status, setStatus] = useState<CatalogStatus | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [draftUrl, setDraftUrl] = useState(feedUrl);
  useEffect(() => setDraftUrl(feedUrl), [feedUrl]);

  const refresh = () => deps.catalogStatus().then(setStatus, (e: unknown) => setMessage({ text: String(e), error: true }));
  useEffect(() => void refresh(), []);

  const run = async (work: () => Promise<FeedStatus | UpdateOutcome>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await work();
      setMessage(describeOutcome('outcome' in result ? result.outcome : result));
    } catch (e) {
      setMessage({ text: strings.options.outcomes.refused(e instanceof Error ? e.message : String(e)), error: true });
    } finally {
      setBusy(false);
      void refresh();
    }
  };

  const saveFeedUrl = () => {
    const url = draftUrl.trim();
    if (url && !/^https:\/\/[^\s]+$/.test(url)) {
      setMessage({ text: strings.options.feedUrlInvalid, error: true });
      return;
    }
    onFeedUrl(url);
    setMessage({ text: url ? strings.options.feedSaved : strings.options.feedCleared, error: false });
  };

  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await run(() => importCatalogFile(file, deps.importText));
  };

  const onExport = async () => {
    const text = await deps.exportText();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `versus-lens-catalog-${status?.meta?.version ?? 'export'}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const meta = status?.meta;
  return (
    <section class="vl-card" aria-labelledby="vl-data">
      <h2 id="vl-data">{strings.options.dataHeading}</h2>
      {status && (
        <dl class="vl-facts" data-catalog-version={meta?.version}>
          <dt>{strings.options.catalogVersion}</dt>
          <dd>{meta ? strings.options.catalogVersionValue(meta.version, meta.updated, status.toolCount) : '—'}</dd>
          <dt>{strings.options.catalogSource}</dt>
          <dd>{meta ? strings.options.origins[meta.origin] : '—'}</dd>
          {status.feed && (
            <>
              <dt>{strings.options.lastFeedCheck}</dt>
              <dd>
                {new Date(status.feed.checkedAt).toLocaleString()} — {describeOutcome(status.feed.outcome).text}
              </dd>
            </>
          )}
        </dl>
      )}
      {status?.storageProblem && (
        <p role="alert" class="vl-error" data-storage-problem>
          {status.storageProblem}
        </p>
      )}
      <form
        class="vl-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          saveFeedUrl();
        }}
      >
        <label class="vl-grow">
          <span>{strings.options.feedUrlLabel}</span>
          <input type="url" name="feed-url" placeholder="https://…/catalog.json" value={draftUrl} onInput={(e) => setDraftUrl((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="vl-button">
          {strings.options.save}
        </button>
      </form>
      <p class="vl-muted">{strings.options.feedHelp}</p>
      <div class="vl-button-row">
        <button type="button" class="vl-button" disabled={busy || !feedUrl} onClick={() => void run(deps.updateNow)}>
          {strings.options.updateNow}
        </button>
        <label class="vl-button vl-file-button">
          {strings.options.importFile}
          <input type="file" accept="application/json,.json" class="vl-visually-hidden" disabled={busy} onChange={(e) => void onImport(e.currentTarget as HTMLInputElement)} />
        </label>
        <button type="button" class="vl-button vl-secondary" onClick={() => void onExport()}>
          {strings.options.exportFile}
        </button>
        <button type="button" class="vl-button vl-secondary" disabled={busy} onClick={() => void run(deps.reset)}>
          {strings.options.reset}
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'vl-error' : 'vl-ok'} data-data-message>
          {message.text}
        </p>
      )}
    </section>
  );
}
