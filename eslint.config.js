// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Libraries with a blast radius live behind one wrapper each (ARCHITECTURE.md, "Dependencies"). */
const WRAPPED = [
  { names: ['passport', 'passport-local', 'passport-http-bearer'], home: 'apps/api/src/modules/auth/**' },
  { names: ['stripe'], home: 'apps/api/src/modules/payments/stripe/**' },
  { names: ['@elastic/elasticsearch'], home: 'apps/api/src/modules/search/elasticsearch/**' },
];

const restrictedImports = (extraPatterns = [], allow = []) => [
  'error',
  {
    paths: WRAPPED.filter((w) => !allow.includes(w.home)).flatMap((w) =>
      w.names.map((name) => ({ name, message: `Only ${w.home} may import ${name}.` })),
    ),
    patterns: extraPatterns,
  },
];

const NO_APPS = { group: ['**/apps/**', '@reachbridge/api', '@reachbridge/web'], message: 'libs never import apps.' };
const MODULE_PRIVATE = {
  regex: '^\\.\\./[^./][^/]*/(?!index\\.js$).+',
  message: "Reach another module only through its index.ts (its public face), never its files.",
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.tests.json',
          './libs/*/tsconfig.json',
          './migrations/tsconfig.json',
          './apps/api/tsconfig.json',
          './apps/web/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: true } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': restrictedImports(),
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration from the parsed Config (apps/api/src/config).' },
      ],
    },
  },
  // Each wrapper may import its own library.
  ...WRAPPED.map((w) => ({ files: [w.home], rules: { 'no-restricted-imports': restrictedImports([MODULE_PRIVATE], [w.home]) } })),
  {
    files: ['apps/api/src/modules/**'],
    ignores: WRAPPED.map((w) => w.home),
    rules: { 'no-restricted-imports': restrictedImports([MODULE_PRIVATE]) },
  },
  {
    files: ['libs/**'],
    rules: { 'no-restricted-imports': restrictedImports([NO_APPS]) },
  },
  {
    files: ['libs/domain/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrictedImports([
        NO_APPS,
        { regex: '^(?!\\.)(?!node:)', message: 'libs/domain is pure: it depends on nothing (relative imports only).' },
        { regex: '^node:', message: 'libs/domain is isomorphic: no Node built-ins.' },
      ]),
    },
  },
  {
    files: ['apps/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrictedImports([
        { group: ['**/apps/api/**', '@reachbridge/api', '@reachbridge/migrations'], message: 'The web client never imports the API.' },
      ]),
      'no-restricted-properties': 'off',
    },
  },
  // Configuration is read in one place; CLIs and scripts may print.
  { files: ['apps/api/src/config/**'], rules: { 'no-restricted-properties': 'off' } },
  { files: ['apps/api/src/cli.ts', 'scripts/**', 'benchmarks/**'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'apps/api/test/**', 'tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
