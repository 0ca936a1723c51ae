import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The tests `npm run mutate` runs against each mutant: the plain `.test.ts` files, without the components.
// MUTATE_TESTS (comma-separated globs) narrows them, e.g. to `src/**/*.test.ts` for the pure rules.
const include = process.env.MUTATE_TESTS?.split(',').filter(Boolean) ?? ['src/**/*.test.ts', 'server/**/*.test.ts']

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    // The plain `.test.ts` files are rules and services; a DOM costs most of a mutant's run, so a file that needs one
    // says so in its `@vitest-environment` docblock.
    environment: 'node',
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
    include,
    testTimeout: 15_000,
    // A sandbox test file's first hook replays the demo account (seconds on a loaded machine).
    hookTimeout: 60_000,
    isolate: process.env.MUTATE_ISOLATE === '1',
  },
})
