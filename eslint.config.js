import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import pluginQuery from '@tanstack/eslint-plugin-query'
import pluginRouter from '@tanstack/eslint-plugin-router'

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'data',
      'reports',
      '.stryker-tmp',
      'test-results',
      'playwright-report',
      'src/routeTree.gen.ts',
      'public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  ...pluginRouter.configs['flat/recommended'],
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // This rule only reports what the React Compiler would skip; the project does not use the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.{ts,mjs}', 'e2e/**/*.ts', '*.config.{ts,js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[property.name='toBeInTheDocument'] > CallExpression.object[callee.name='expect'] > AwaitExpression",
          message:
            'A found element is always in the document: assert what the buyer sees about it (text, state, description).',
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layers, one way down (README "Layout"): routes → features → components → api → domain → contract (api/schemas);
  // lib holds small helpers that may use contract types and nothing above. Features never import each other.
  ...layerRules(),
)

function restrict(files, patterns, message) {
  // Tests may use the shared test fixtures wherever they stand.
  return {
    files,
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
  }
}

function layerRules() {
  const ui = ['@/features/*', '@/components/*', '@/routes/*', '**/features/**', '**/components/**', '**/routes/**']
  const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
  return [
    restrict(
      ['src/domain/**/*.ts'],
      [
        'react',
        'react-dom',
        ...ui,
        '@/lib/*',
        '**/lib/**',
        '@/api/*',
        '!@/api/schemas',
        '!@/api/schemas/*',
        '../api/*',
        '!../api/schemas',
        '!../api/schemas/*',
      ],
      'domain/ is pure rules: it may use the contract (api/schemas) and nothing above it.',
    ),
    restrict(
      ['src/lib/**/*.{ts,tsx}'],
      [...ui, '@/domain/*', '../domain/*', '@/api/*', '!@/api/schemas', '!@/api/schemas/*'],
      'lib/ holds small helpers: contract types at most, no rules, no API calls, no UI.',
    ),
    restrict(['src/api/**/*.ts'], ui, 'api/ is below the UI: components and features call it, never the other way.'),
    restrict(
      ['src/components/**/*.{ts,tsx}'],
      ['@/features/*', '@/routes/*', '**/features/**', '**/routes/**'],
      'components/ are shared by features and never import one.',
    ),
    ...features.map((feature) =>
      restrict(
        [`src/features/${feature}/**/*.{ts,tsx}`],
        ['@/features/*', `!@/features/${feature}`, '@/routes/*', '../*'],
        'Features never import each other (or routes): what two features share moves down a layer; routes compose them.',
      ),
    ),
    restrict(
      ['server/**/*.ts'],
      ['**/src/features/**', '**/src/components/**', '**/src/routes/**', '**/src/lib/**', '@/*'],
      'server/ uses only the contract and the rules it shares with the SPA (src/api, src/domain).',
    ),
  ]
}
