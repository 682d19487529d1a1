import { render } from 'preact';
import '@/components/ui/page.css';
import '@/entrypoints/options/options.css';
import { Options } from '@/entrypoints/options/Options';

render(<Options />, document.getElementById('app')!);
