#!/usr/bin/env node
// The `claimdesk` command: runs the built CLI's one entry, `main` (dist/electron/cli.mjs; `npm ci`
// builds it through the prepare script), which owns the signals and closes the workspace.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/electron/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error('claimdesk: the command line is not built yet; run `npm run build` in the Claimdesk folder first');
  process.exit(2);
}
const { main } = await import(cli.href);
// Exit at once: a cancelled import's work may still be pending (its workspace is closed already).
process.exit(await main(process.argv.slice(2)));
