// Lint: the layering the design names, held by a check that fails, plus the rules that catch the bugs a
// typecheck lets through (a promise nobody awaits, a hook called conditionally, one module imported twice).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const noElectronInCore = { name: 'electron', message: 'The core runs without Electron (the CLI, the tests).' };
const onlyTheRootWiresTheSandbox = {
  group: ['**/sandbox/*'],
  message: 'Only the composition root (electron/core/paydesk-core.ts) wires the sandbox gateway in.',
};
const noEngineInUseCases = {
  group: ['**/storage/sqlite/*'],
  message:
    'The use-cases know no engine: import the neutral repositories (storage/*.ts); storage/open-order-book.ts opens the SQLite book.',
};
const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['out/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      // Three programs: the core and tests, the page (DOM, JSX), and the e2e tests (DOM).
      parserOptions: { project: ['./tsconfig.json', './tsconfig.web.json', './tsconfig.e2e.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      // node:test's test() returns a promise the runner itself awaits; every other promise must be handled.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after'] }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      'import-x/no-duplicates': 'error',
      // Off: PayDesk matches control characters on purpose, to refuse them (search text, CLI output, payment links).
      'no-control-regex': 'off',
      // A leading underscore names a parameter or binding kept for its position, as tsc's noUnusedParameters allows.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // The layers (DESIGN.md). Each zone names what a folder may not reach.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './electron/core',
              from: ['./renderer', './electron/main', './electron/cli', './electron/preload'],
              message: 'The core is shared by the app, the CLI and the tests: it imports no shell and no page.',
            },
            {
              target: './shared',
              from: ['./electron', './renderer'],
              message: 'shared is the contract both sides import; it imports neither side.',
            },
            {
              target: './renderer',
              from: './electron',
              message: 'The page reaches the core only through window.paydesk and shared/.',
            },
            {
              // Storage holds tables, not features: it may import its own folder, shared/, and the value rules
              // below (pure functions over one kind of value, no I/O, no feature of their own), and the one way a file
              // is replaced whole (this computer's choice of book, book-choice-file.ts), and the worker starter (SQLite
              // counts the list's totals in a worker thread).
              target: './electron/core/storage',
              from: './electron/core',
              except: [
                './storage',
                './values/web-address.ts',
                './values/transaction-id.ts',
                './values/payment-link.ts',
                './files/atomic-file.ts',
                './worker-thread.ts',
              ],
              message: 'Storage imports no feature module: move the pure rule it needs down, or inject it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/paydesk-core.ts', 'electron/core/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectronInCore], patterns: [onlyTheRootWiresTheSandbox, noEngineInUseCases] }],
    },
  },
  {
    // Storage holds both engines and opens them; it imports no sandbox and no Electron either.
    files: ['electron/core/storage/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectronInCore], patterns: [onlyTheRootWiresTheSandbox] }] },
  },
  {
    // The shells reach the order book through the core, as the use-cases do.
    files: ['electron/main/**/*.ts', 'electron/cli/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEngineInUseCases] }] },
  },
  {
    // The composition root: the one core file that imports the sandbox gateway, to inject it into the runtime.
    files: ['electron/core/paydesk-core.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectronInCore] }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'shared imports nothing from the Electron side.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two rules of hooks. v7's React Compiler rules (refs, set-state-in-effect, …) stay off: PayDesk does
      // not build with the React Compiler, and they flag the orders grid's deliberate render-time ref reads.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A React handler returning a promise is fine: React ignores the value, and each handler reports its own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The page runs sandboxed: it reaches the core only through window.paydesk.' },
            ...nodeModules.map((name) => ({ name, message: 'The page runs in a browser: no Node modules.' })),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // A CommonJS script (the cloudflared stand-in runs as a bare executable): require() is how it imports.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
