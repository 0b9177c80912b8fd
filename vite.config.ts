/**
 * Vite builds the renderer: `renderer/index.html` and everything it imports, into
 * `dist/renderer`, with relative asset URLs (`base: './'`) because Electron loads the page
 * from a file and the browser host serves it from `/`. `root` is resolved from the working
 * directory, which is the repo root for every npm script. No dev-server features are relied
 * on: the built page must run under the strict CSP in renderer/index.html.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    // One small app: keep the CSS and JS as files (no inlined data: assets beyond the CSP's img-src).
    assetsInlineLimit: 0,
    // zod (the API validators shared with the services) dominates the bundle; it is loaded from disk, not a network.
    chunkSizeWarningLimit: 1024,
    // One bundle: a dynamic import (renderer/main.tsx) stays in it and is evaluated when imported,
    // so the entry can start the first API calls before the app's code runs, without a second request.
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
