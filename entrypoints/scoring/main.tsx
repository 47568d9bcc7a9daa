import { render } from 'preact';
import { PlainMarkdown } from '../../src/ui/shared/PlainMarkdown';
import scoring from '../../docs/scoring.md?raw';
import '../../assets/ui.css';

render(
  <main class="vl-doc">
    <PlainMarkdown source={scoring} />
  </main>,
  document.getElementById('app')!,
);
