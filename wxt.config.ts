import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { allSiteMatches } from './utils/sites/registry';

// See README "Decisions" for why each permission is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a newcomer can follow every name to its file.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Pullback',
    description:
      'Notices when you edit the details of work your reports own, and helps you make it deliberate, temporary, and then pull back.',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: allSiteMatches,
    commands: {
      'focus-prompt': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Move keyboard focus to the Pullback prompt on this page',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'pullback@pullback.invalid', strict_min_version: '115.0' } } }
      : {}),
  }),
});
