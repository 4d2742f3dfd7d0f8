// ESLint 9 flat config: typescript-eslint's type-aware rules that catch real bugs (a promise left
// floating or awaited in a condition, an unused variable, `any` in the product, a type import
// that would stay at run time, a cast that does nothing). Formatting is Prettier's job
// (npm run format:check); this lints only what a formatter cannot see. The whole tree passes:
// npm test runs it (scripts/test.ts), with a cache so a second run reads only changed files.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-cli/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      // npm run bench builds the Starlight anchor there (git-ignored, as prettier ignores it)
      'bench-results/',
      '.astro/',
      'content/',
      '**/*.astro',
      '**/*.cjs',
      '**/*.mjs',
      '**/*.d.ts',
    ],
  },
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A DOM listener or a callback may be async on purpose (it handles its own errors); a
      // promise used as a condition or spread is still an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Decided, not forgotten: an async method that implements an async interface need not
      // await; methods passed as values here never use `this`; the shell's and Go template's
      // parsers unwind with tagged values they catch themselves; `(a(), b())` is a house idiom;
      // the Go template formats a value's raw unknown with String() as Go's fmt does.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // `let { a, b } = …` where only b changes later stays one statement.
      'prefer-const': ['error', { destructuring: 'all' }],
      // The terminal model and the parsers read control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests and scripts read JSON they just wrote or captured (CLI output, fixtures, hyperfine):
    // typing every field of it would add casts, not safety. The product (src/) stays strict.
    files: ['tests/**', 'scripts/**', '*.config.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
