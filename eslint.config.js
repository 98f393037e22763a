// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import congress from './apps/api/lint/module-boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'apps/web/public/vendor/**'] },
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
);
