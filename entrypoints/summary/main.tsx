import { render } from 'preact';
import '@/components/ui/page.css';
import '@/entrypoints/summary/summary.css';
import { SummaryRouter } from '@/entrypoints/summary/SummaryRouter';

render(<SummaryRouter />, document.getElementById('app')!);
