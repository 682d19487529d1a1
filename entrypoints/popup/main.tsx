import { render } from 'preact';
import '@/components/ui/page.css';
import '@/entrypoints/popup/popup.css';
import { Popup } from '@/entrypoints/popup/Popup';

render(<Popup />, document.getElementById('app')!);
