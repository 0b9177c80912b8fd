#!/usr/bin/env node
// The `claimdesk` command: runs the built CLI (`npm ci` builds it through the prepare script).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/electron/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error('claimdesk: the command line is not built yet; run `npm run build` in the Claimdesk folder first');
  process.exit(2);
}
const { runCli } = await import(cli.href);
const code = await runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
process.exit(code);
