import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: more workers only thrash.
    maxWorkers: 2,
    // Transformed by Vitest rather than loaded by Node, so a test's vi.mock('electron') also
    // reaches electron-store's own import of electron (no Electron binary runs under Node).
    server: { deps: { inline: ['electron-store'] } },
  },
});
