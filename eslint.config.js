// @ts-check
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'dist/', 'coverage/', 'bench/out/', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: grid in, report out. No host, DOM or Node globals.
    files: ['src/core/**/*.ts'],
    languageOptions: {
      globals: {},
    },
    rules: {
      // Which modules the engine may import is checked on resolved paths by .dependency-cruiser.cjs
      // (npm run depcheck); the globals below carry no import, so they are eslint's.
      'no-restricted-globals': ['error',
        { name: 'Excel', message: 'src/core must not touch Excel.' },
        { name: 'Office', message: 'src/core must not touch Office.' },
        { name: 'document', message: 'src/core must not touch the DOM.' },
        { name: 'window', message: 'src/core must not touch the DOM.' },
        { name: 'process', message: 'src/core must not read the process.' },
        { name: 'require', message: 'src/core is pure.' },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'the core never reads the clock: take settings.today' }],
    },
  },
);
