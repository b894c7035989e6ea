import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      lib: {
        // The core worker is its own entry: out/main/core-worker.js, started beside index.js
        // (see src-main/session/core-worker/core-worker.ts).
        entry: {
          index: resolve(import.meta.dirname, 'src-main/index.ts'),
          'core-worker': resolve(import.meta.dirname, 'src-main/session/core-worker/worker-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // CommonJS: a sandboxed preload cannot load ES modules.
      externalizeDeps: false,
      lib: { entry: resolve(import.meta.dirname, 'src-preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: rendererConfig,
});
