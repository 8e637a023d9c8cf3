// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-*/', '.astro/', '.bench/', '.tmp-fixtures/', 'node_modules/', 'public/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: {
        // Browser and Node globals used across src/ (islands, scripts) and tests/ (Node).
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        HTMLElement: 'readonly',
        HTMLInputElement: 'readonly',
        HTMLDetailsElement: 'readonly',
        Buffer: 'readonly',
        IntersectionObserver: 'readonly',
        MutationObserver: 'readonly',
        crypto: 'readonly',
        TextEncoder: 'readonly',
        localStorage: 'readonly',
        matchMedia: 'readonly',
        addEventListener: 'readonly',
        removeEventListener: 'readonly',
        performance: 'readonly',
        __MERMAID_CLIENT__: 'readonly',
      },
    },
    rules: {
      // Unused parameters named with a leading underscore document a required signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Islands ship to the reader: they may import the pure modules they run, and only types from schemas,
    // so no validator, parser or build-time code (zod, yaml, Node) reaches the browser bundle.
    files: ['src/**/quiz/**/*.{ts,tsx}', 'src/**/island/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'astro/zod', message: 'Islands ship to the browser: validate at build time instead.' },
            { name: 'zod', message: 'Islands ship to the browser: validate at build time instead.' },
            { name: 'yaml', message: 'Islands ship to the browser: parse at build time instead.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'Islands run in the browser, not in Node.' },
            {
              group: ['**/schema.ts'],
              allowTypeImports: true,
              message: 'Import only types from a schema in an island (import type …), so zod stays out of the bundle.',
            },
            {
              group: ['**/parse.ts', '**/validate.ts', '**/loader.ts', '**/renderer.ts', '**/settings.ts'],
              message: 'Build-time code: islands get validated data as props.',
            },
          ],
        },
      ],
    },
  },
);
