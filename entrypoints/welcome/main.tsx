import { render } from 'preact';
import '@/components/page.css';
import './welcome.css';
import { Welcome } from './Welcome';

render(<Welcome />, document.getElementById('app')!);
