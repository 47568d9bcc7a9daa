import { render } from 'preact';
import { browser } from 'wxt/browser';
import { openPageCatalog } from '../../src/catalog/page-catalog';
import { CompareApp } from '../../src/ui/compare/CompareApp';
import { loadSettings } from '../../src/settings/store';
import '../../assets/ui.css';

const catalog = openPageCatalog();
render(
  <CompareApp
    deps={{
      search: location.search,
      navigate: (search) => history.replaceState(null, '', search),
      scoringUrl: browser.runtime.getURL('/scoring.html'),
      allTools: async () => (await catalog).allTools(),
      settings: () => loadSettings(),
    }}
  />,
  document.getElementById('app')!,
);
