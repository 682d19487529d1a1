import { render } from 'preact';
import '@/components/page.css';
import './summary.css';
import { Summary } from './Summary';

render(<Summary />, document.getElementById('app')!);
