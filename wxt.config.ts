import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { allSiteMatches } from './utils/model/tools';

/**
 * Each adapter's `surfaces` rows say what a surface is and where its selector comes from (`what`,
 * `evidence`): documentation for people and tests, never read at run time. Scripts that go into
 * tool pages carry neither (keys included), which keeps about 2 KB out of Jira's always-loaded script.
 */
const SURFACE_NOTE =
  /\b(what|evidence): ('(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"),?/g;
const surfaceNotesOut: Plugin = {
  name: 'pullback:surface-notes-out',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]utils[\\/]sites[\\/][a-z-]+\.ts$/.test(id)) return null;
    return { code: code.replace(SURFACE_NOTE, ''), map: null };
  },
};

/**
 * WXT's start-up wrapper around every content script carries a console logger that is silent in
 * a production build, only to report a crash at start (the error is rethrown, so the console shows
 * it anyway): about 0.2 KB of every tool page's always-loaded script. Left as it is if WXT's
 * wrapper no longer looks like this.
 */
const WXT_LOGGER = /\/\/#region src\/utils\/internal\/logger\.ts[\s\S]*?\/\/#endregion\n/;
const WXT_CRASH_LOG =
  /\n\s*logger\.error\(`The content script "\$\{import\.meta\.env\.ENTRYPOINT\}" crashed on startup!`, err\);/;
const startupLoggerOut: Plugin = {
  name: 'pullback:startup-logger-out',
  enforce: 'pre',
  transform(code, id) {
    if (
      !id.includes('content-script-isolated-world-entrypoint') ||
      !WXT_LOGGER.test(code) ||
      !WXT_CRASH_LOG.test(code)
    )
      return null;
    return { code: code.replace(WXT_LOGGER, '').replace(WXT_CRASH_LOG, ''), map: null };
  },
};

// README "Permissions" gives each permission's reason.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a newcomer can follow every name to its file.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  hooks: {
    // The content script runs in every supported tool's pages and has a 12 KB
    // budget. It uses the browser's own promise-based namespace (MV3
    // Chrome, Firefox); the polyfill's API table alone would fill that budget.
    // Background and pages keep webextension-polyfill.
    // The same goes for the prompt script the background injects (entrypoints/prompt.ts).
    // Content scripts also get our own stand-in for WXT's ContentScriptContext, which
    // would announce every start to the page and let a page replay it to stop the script
    // (entrypoints/page/context.ts says more).
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.type === 'unlisted-script'))
        return;
      const aliases = [
        { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./entrypoints/page/context.ts', import.meta.url)),
        },
      ];
      config.plugins = [...(config.plugins ?? []), surfaceNotesOut, startupLoggerOut];
      const current = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(current)
          ? [...aliases, ...current]
          : [
              ...aliases,
              ...Object.entries(current ?? {}).map(([find, replacement]) => ({
                find,
                replacement,
              })),
            ],
      };
    },
  },
  // `npm run zip`: the Chrome zip, the Firefox zip and, for AMO's review, the sources zip that
  // rebuilds it (WXT leaves out node_modules, tests and hidden files; screenshots are not needed).
  zip: { excludeSources: ['docs/**', 'demo-screenshots/**', '*.log'] },
  manifest: ({ browser }) => ({
    name: 'Pullback',
    description:
      'Notices when you edit the details of work your reports own, and helps you make it deliberate, temporary, and then pull back.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'idle', 'notifications', 'scripting'],
    // Sites the lead adds on the options page are asked for one origin at a time (permissions.request).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: allSiteMatches,
    // The prompt's own page, shown in a frame on the tool's page so the page cannot read or change it
    // (components/prompt/PromptHost.ts). Chromium: only through the per-session dynamic address, so a page
    // cannot probe for Pullback with a fixed one. Firefox has no such key: its moz-extension address
    // is already random for each installation.
    web_accessible_resources: [
      {
        resources: ['prompt-frame.html'],
        matches: ['https://*/*', 'http://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'focus-prompt': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Move keyboard focus to the Pullback prompt on this page',
      },
      'pause-prompts': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: 'Pause Pullback prompts for an hour (press again to resume)',
      },
    },
    // Firefox: nothing leaves the device, so the data collected and transmitted is "none"
    // (data_collection_permissions, read from Firefox 140, Android 142; 140 is the current ESR and
    // has optional_host_permissions, which need 128, for the sites the lead adds).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pullback@pullback.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
