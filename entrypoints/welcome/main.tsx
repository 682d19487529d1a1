import { render } from 'preact';
import '@/components/ui/page.css';
import '@/entrypoints/welcome/welcome.css';
import { Welcome } from '@/entrypoints/welcome/Welcome';

render(<Welcome />, document.getElementById('app')!);
