// Lint: typescript-eslint's recommended type-aware rules, plus the folder boundaries from
// STYLE.md (shared/ is pure; renderer/ never reaches Node or electron/; only main.ts, its
// modules in electron/main/ and preload.ts import 'electron').
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ are pure: no Node built-ins.' };
const electronImport = { name: 'electron', message: "Only electron/main.ts, electron/main/**/*.ts and electron/preload.ts may import 'electron'." };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'bench/.cache/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [nodeBuiltins, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the repo.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'window', message: 'shared/ has no DOM.' }, { name: 'document', message: 'shared/ has no DOM.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [nodeBuiltins, { group: ['**/electron/**'], message: 'The renderer reaches the services only through renderer/api.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    // The Electron-facing files: main's entry and its modules (window, menu, dialogs, hardening,
    // IPC), and the preload. Everything else under electron/ is plain Node.
    ignores: ['electron/main.ts', 'electron/main/**/*.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronImport], patterns: [{ group: ['**/renderer/**'], message: 'Node code never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/main/**/*.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'Node code never imports the renderer.' }] }] },
  },
  {
    // main's decisions (workspace switching, second launch, quit, window placement) as plain
    // Node, so they are tested without an Electron binary: never 'electron', never main.ts or
    // electron/main/.
    files: ['electron/desktop/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/desktop is plain Node, tested without Electron: electron/main applies what it decides.' }],
          patterns: [
            { group: ['**/renderer/**'], message: 'Node code never imports the renderer.' },
            {
              group: ['**/main', '**/main.ts', '**/main/**', '**/preload', '**/preload.ts'],
              message: 'electron/desktop is called by main.ts and electron/main, never the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'bench/**/*.{ts,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
