// ESLint: typescript-eslint's recommended rules, no import cycles, and the rooms' boundaries (a
// path says where code runs and what it may import: docs/layout.md).
import { existsSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Every extension page: a folder of entrypoints/ with an index.html (popup, options, summary, ...). */
const EXTENSION_PAGES = readdirSync(new URL('./entrypoints/', import.meta.url), {
  withFileTypes: true,
})
  .filter(
    (d) =>
      d.isDirectory() && existsSync(new URL(`./entrypoints/${d.name}/index.html`, import.meta.url)),
  )
  .map((d) => `entrypoints/${d.name}/**`);

const relative = {
  regex: '^\\.\\.?/',
  message: 'Import product code by its room: @/utils/..., @/components/..., @/entrypoints/...',
};
/** Escapes a room's path for a pattern. */
const esc = (room) => room.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A path may import only the rooms listed (prefixes of @/ specifiers); the rest of @/ is refused. */
const only = (why, ...allowed) => ({
  regex: `^@/(?!(${allowed.map((a) => esc(a.replace(/^@\//, ''))).join('|')}))`,
  message: why,
});
/** A path never imports the rooms listed (prefixes of @/ specifiers). */
const never = (why, ...refused) => ({
  regex: `^@/(${refused.map((r) => esc(r.replace(/^@\//, ''))).join('|')})`,
  message: why,
});
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: [relative, ...patterns] }],
});

const PAGE_SIDE = never(
  'Code that runs in the host page never imports the background or settings storage: ask the background through @/utils/protocol/messages.',
  '@/utils/background/',
  '@/utils/settings/',
  '@/components/ui/',
  '@/entrypoints/background',
);
const NO_ADAPTERS = {
  regex: '^@/utils/sites/(?!types$)',
  message:
    'Extension pages never bundle site adapters: tool labels come from @/utils/model/tools, page readings from the background.',
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      '.bench/**',
      '.test-results/**',
      'tests/fixtures/**',
      'demo-screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // The rooms. Each path's rule names what it may not import, and why.
  { files: ['entrypoints/**', 'components/**', 'utils/**'], rules: restrict() },
  {
    files: ['utils/model/**'],
    rules: restrict(
      only('The model imports nothing of the product but the model.', '@/utils/model/'),
    ),
  },
  {
    files: ['utils/protocol/**'],
    rules: restrict(
      only(
        'The protocol imports only the model (and its own files).',
        '@/utils/model/',
        '@/utils/protocol/',
      ),
    ),
  },
  {
    files: [
      'utils/page/**',
      'utils/sites/**',
      'components/prompt/**',
      'entrypoints/page/**',
      'entrypoints/*.content.ts',
      'entrypoints/*-lookup.ts',
      'entrypoints/prompt.ts',
    ],
    rules: restrict(PAGE_SIDE),
  },
  {
    files: ['utils/people/**'],
    rules: restrict(
      only(
        'People (identities, roster, slugs) import only the model and the site address moves.',
        '@/utils/model/',
        '@/utils/people/',
        '@/utils/sites/moved-addresses',
      ),
    ),
  },
  {
    files: ['utils/reports/**'],
    rules: restrict(
      only(
        'Reports are pure: the model, people and other reports only.',
        '@/utils/model/',
        '@/utils/people/',
        '@/utils/reports/',
      ),
    ),
  },
  {
    files: ['utils/settings/**'],
    rules: restrict(
      never(
        'Settings never import the background, the page side or the UI.',
        '@/utils/background/',
        '@/utils/page/',
        '@/utils/sites/',
        '@/components/',
        '@/entrypoints/',
      ),
    ),
  },
  {
    files: ['utils/background/**', 'entrypoints/background.ts'],
    rules: restrict(
      never(
        'The background never imports the page side or the UI.',
        '@/utils/page/',
        '@/components/',
        '@/entrypoints/',
      ),
    ),
  },
  {
    files: [...EXTENSION_PAGES, 'components/ui/**'],
    rules: restrict(NO_ADAPTERS),
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['tests/**', 'scripts/**', '*.config.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
