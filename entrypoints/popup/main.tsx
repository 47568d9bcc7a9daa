import { render } from 'preact';
import { PopupApp } from '../../src/ui/popup/PopupApp';
import { popupDeps } from '../../src/ui/popup/deps';
// The stylesheet comes inside the script rather than as a file of its own: every file an extension
// page loads is a task on the browser's busy main thread, and the popup waited for each (bench).
import css from '../../assets/ui.css?inline';

const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

render(<PopupApp deps={await popupDeps()} />, document.getElementById('app')!);
