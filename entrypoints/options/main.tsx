import { render } from 'preact';
import { optionsDeps } from '../../src/ui/options/deps';
import { OptionsApp } from '../../src/ui/options/OptionsApp';
import '../../assets/ui.css';

render(<OptionsApp deps={optionsDeps()} />, document.getElementById('app')!);
