// @ts-check
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import congress from './apps/api/lint/module-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'apps/web/public/vendor/**',
      'apps/web/src/components.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Decorated parameters need their classes imported as values for Nest's DI metadata.
    files: ['apps/api/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Modules own their data: a module reaches another only through what that module's index.ts
    // exports (apps/api/lint/module-boundaries.js), and services ask for their own repositories
    // (TypeOrmModule.forFeature + @InjectRepository), never for the whole DataSource.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'apps/api/src/database/**'],
    plugins: { congress },
    rules: {
      'congress/module-boundaries': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectDataSource'],
              message:
                "Inject your module's own repositories (@InjectRepository); reach other modules' data through their services.",
            },
            {
              name: 'typeorm',
              importNames: ['DataSource'],
              message:
                "Use your module's own repositories; open a transaction with `this.<repository>.manager.transaction`.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', 'test/**/*.ts', '**/*.spec.ts', '**/cli/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // The web app: Vue single-file components, with TypeScript in <script setup lang="ts">.
  ...pluginVue.configs['flat/recommended-error'],
  pluginVue.configs['no-layout-rules'], // layout is Prettier's
  {
    files: ['apps/web/**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    // Names in templates are checked by vue-tsc (npm run typecheck), not by ESLint's scope.
    rules: { 'no-undef': 'off' },
  },
  {
    // The browser app talks to the server only over HTTP and sockets: it may import libs/ (pure
    // TypeScript) and its own generated client, never the server's code or server packages.
    files: ['apps/web/**/*.ts', 'apps/web/**/*.vue'],
    ignores: ['apps/web/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/api', '**/apps/api/**', '**/api/src', '**/api/src/**'],
              message: 'apps/web never imports apps/api: use libs/ or apps/web/src/api.',
            },
            {
              group: ['**/src/node', '**/src/node/**'],
              message: 'Node-only code of a lib does not run in the browser.',
            },
            {
              group: ['@nestjs/*', 'typeorm', 'pg', 'node:*'],
              message: 'Server packages do not belong in the browser app.',
            },
          ],
        },
      ],
    },
  },
);
