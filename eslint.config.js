import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

// The rooms and the arrows allowed between them (docs/architecture.md): only the API speaks HTTP, the desk's
// features are what every door calls, the domain's words depend on nothing, and what the worker runs stays
// the worker's.
const rooms = [
  'activities',
  'api',
  'bench',
  'chaos',
  'desk',
  'dev',
  'domain',
  'lib',
  'mail',
  'worker',
  'workflows',
];
const architecture = [
  {
    target: [
      './bench',
      './chaos',
      './desk',
      './dev',
      './domain',
      './lib',
      './mail',
      './workflows',
      './worker',
      './activities',
    ],
    from: './api',
    message: 'Only the API speaks HTTP: call the feature in desk/ instead.',
  },
  {
    target: './domain',
    from: rooms.filter((room) => room !== 'domain').map((room) => `./${room}`),
    message: "domain/ holds the desk's words and depends on nothing but itself and libraries.",
  },
  {
    target: ['./api', './bench', './chaos', './desk', './dev', './mail'],
    from: './activities',
    message: "activities/ is the worker's: move what you need into domain/, lib/ or desk/.",
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', '.tools/**', '.data/**', 'dist/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: architecture }] },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON answers whose shape each assertion checks.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Workflow code is replayed: it must stay deterministic, so no Node built-ins and no I/O libraries.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins,
          patterns: [
            {
              group: [
                'pg',
                'knex',
                'nodemailer',
                'express',
                'pino',
                'luxon',
                'date-holidays',
                'smtp-server',
                'mailparser',
                'undici',
                'axios',
              ],
              message: 'Workflow code does no I/O: call an activity.',
            },
            {
              group: ['**/activities/**', '**/activities'],
              allowTypeImports: true,
              message: 'Import activities as types only.',
            },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // No import circle: a module's dependencies must be readable without reading the module itself. The rule
    // skips type-only imports; test/import-circles.test.ts counts those too. Without the extensions setting
    // import-x follows .js files only and finds no circle at all.
    files: ['**/*.ts'],
    settings: { 'import-x/extensions': ['.ts'] },
    rules: { 'import-x/no-cycle': 'error' },
  },
);
