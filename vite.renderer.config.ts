/**
 * The renderer's build, shared by electron-vite (the desktop app) and the browser host, which
 * serves the same bundle to a plain browser.
 */
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

export const rendererRoot = resolve(import.meta.dirname, 'src-renderer');

export const rendererConfig: UserConfig = {
  root: rendererRoot,
  // Relative asset URLs: the page loads from file:// in Electron and from the host's origin.
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(rendererRoot, 'index.html') },
  },
};

export default defineConfig(rendererConfig);
