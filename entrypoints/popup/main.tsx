import { render } from 'preact';
import { PopupApp } from '../../src/ui/popup/PopupApp';
import { popupDeps } from '../../src/ui/popup/deps';
import '../../assets/ui.css';

render(<PopupApp deps={await popupDeps()} />, document.getElementById('app')!);
