/**
 * Vite builds the renderer: `renderer/index.html` and everything it imports, into
 * `dist/renderer`, with relative asset URLs (`base: './'`) because Electron loads the page
 * from a file and the browser host serves it from `/`. `root` is resolved from the working
 * directory, which is the repo root for every npm script. No dev-server features are relied
 * on: the built page must run under the strict CSP in renderer/index.html.
 *
 * Two parts (#14): the entry (renderer/main.tsx: the client and the first API calls, a few
 * kilobytes) and the app it imports dynamically (renderer/mount.tsx: React, ProseMirror and the
 * app). The page's head preloads the app's files (`preloadDynamicImports`), so they download while
 * the entry runs and its calls are under way, and are evaluated only when the entry imports them.
 * The renderer never loads zod or the API validators (shared/api-validate.ts): the services check
 * what the window sends.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

/**
 * Adds a `<link rel="modulepreload">` to the page's head for every file the entry imports
 * dynamically (and the files those import), which Vite preloads only once the import runs.
 */
function preloadDynamicImports(): Plugin {
  return {
    name: 'claimdesk-preload-dynamic-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const files = new Set<string>();
        const visit = (file: string) => {
          const next = bundle[file];
          // The entry and what it imports statically have their tags from Vite already.
          if (files.has(file) || !next || next.type !== 'chunk' || file === chunk.fileName || chunk.imports.includes(file)) return;
          files.add(file);
          for (const imported of next.imports) visit(imported);
        };
        for (const file of chunk.dynamicImports) visit(file);
        return [...files].map((file): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), preloadDynamicImports()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    // One small app: keep the CSS and JS as files (no inlined data: assets beyond the CSP's img-src).
    assetsInlineLimit: 0,
    // One stylesheet, linked from the page's head: the app's styles are not fetched when the app is imported, after the entry ran.
    cssCodeSplit: false,
    // React DOM, ProseMirror and the app are one file, loaded from disk, not a network.
    chunkSizeWarningLimit: 1024,
  },
});
