import { render } from 'preact';
import '@/components/page.css';
import './options.css';
import { Options } from './Options';

render(<Options />, document.getElementById('app')!);
