import { render } from 'preact';
import { openPageCatalog } from '../../src/catalog/page-catalog';
import { CompareApp } from '../../src/ui/compare/CompareApp';
import '../../assets/ui.css';

const catalog = openPageCatalog();
render(<CompareApp deps={{ search: location.search, allTools: async () => (await catalog).allTools() }} />, document.getElementById('app')!);
