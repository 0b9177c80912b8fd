// Bundles the Node side (Electron main, preload, browser host, CLI) with esbuild into
// dist/electron/. Packages stay external (resolved from node_modules at run time); the
// preload is CommonJS because Electron's sandbox requires it.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({
    ...common,
    format: 'esm',
    entryPoints: { main: 'electron/main.ts', host: 'electron/host.ts', cli: 'electron/cli.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.mjs' },
  }),
  build({
    ...common,
    format: 'cjs',
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
