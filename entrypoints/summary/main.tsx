import { render } from 'preact';
import '@/components/page.css';
import './summary.css';
import { SummaryRouter } from './SummaryRouter';

render(<SummaryRouter />, document.getElementById('app')!);
