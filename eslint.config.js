// ESLint flat config: `npm run lint`, also run by `npm test` after the typecheck.
//
// TypeScript (src/, stories/, test/): ESLint's and typescript-eslint's recommended sets (syntax only: the
// whole type-aware set triples the time, about 5 s to 15 s, type-checking the project a second time after
// `tsc`, and its 1,245 findings are mostly chai assertions that @open-wc/testing types as promises, and `!`;
// five type-aware rules run on src/ alone, below), plus
// the recommended sets of eslint-plugin-lit, eslint-plugin-lit-a11y and eslint-plugin-wc (with its
// best-practice set, minus the rules that do not fit Lit, each with its reason below).
// Scripts (scripts/, bench/ and test/ .mjs files): ESLint's recommended set with Node globals.
//
// House rule (Lion's): every check turned off has a one-line reason beside it.
//
// The globals are listed by hand (the `globals` package is not one of our pinned dependencies). TypeScript
// files need none: typescript-eslint turns `no-undef` off for them, since tsc checks names itself.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

const readonly = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']));

/** Node's globals that the scripts use. */
const nodeGlobals = readonly([
  'AbortController', 'AbortSignal', 'Blob', 'Buffer', 'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams',
  'clearInterval', 'clearTimeout', 'console', 'fetch', 'performance', 'process', 'queueMicrotask',
  'setInterval', 'setTimeout', 'structuredClone',
]);

/** Browser globals, for the functions that Node scripts send to a page (Puppeteer's `page.evaluate`). */
const pageGlobals = readonly([
  'Element', 'HTMLElement', 'Image', 'MutationObserver', 'Node', 'OffscreenCanvas', 'customElements', 'document',
  'getComputedStyle', 'innerHeight', 'innerWidth', 'localStorage', 'location', 'navigator',
  'requestAnimationFrame', 'scrollX', 'scrollY', 'sessionStorage', 'window',
]);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'storybook-static/**',
      'bench/results/**',
      'bench/**/dist/**',
      'custom-elements.json',
    ],
  },

  // TypeScript: the library, its stories and its browser tests.
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    extends: [
      js.configs.recommended,
      ...tseslint.configs.recommended,
      lit.configs['flat/recommended'],
      litA11y.configs.recommended,
      wc.configs['flat/best-practice'],
    ],
    settings: {
      // Lit's base class, so the wc rules know our elements are custom elements.
      wc: { elementBaseClasses: ['LitElement'] },
    },
    rules: {
      // Lit elements take no constructor arguments and never attach a shadow root by hand, and lifecycle
      // callbacks are Lit's; these best-practice rules are about hand-written elements:
      // Lit calls attachShadow itself, in createRenderRoot().
      'wc/attach-shadow-constructor': 'off',
      // LitElement always defines connectedCallback/disconnectedCallback, so `super.x()` needs no guard.
      'wc/guard-super-call': 'off',
      // Unused variables: tsc's noUnusedLocals/noUnusedParameters already fail the build; `_name` is the
      // TypeScript convention for a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  // The library's own code (not its tests, where chai's assertions are typed as promises): the
  // type-aware rules that catch a lost promise or a thrown non-Error, a patient-facing bug either way
  // (an unhandled rejection, or an error message reading "[object Object]").
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Chai's property assertions (`expect(button).to.exist`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },

  // Node scripts: the build, test and benchmark scripts.
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'test/**/*.mjs', '*.mjs', '*.js'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: { ...nodeGlobals, ...pageGlobals },
    },
    rules: {
      // `const { omitted, ...rest } = value` is how a script drops a field.
      'no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
);
