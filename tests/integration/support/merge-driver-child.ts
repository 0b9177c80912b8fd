/**
 * The merge driver as git runs it in the sync tests (`node --import tsx merge-driver-child.ts
 * %O %A %B %P`), until the built CLI's `claimdesk merge-file` is used instead: it calls
 * runMergeDriver and, when CLAIMDESK_TEST_DRIVER_LOG names a file, appends the merged path to it,
 * so a test can tell that git did run the driver.
 */
import { appendFileSync } from 'node:fs';
import { runMergeFileCommand } from '../../../electron/cli/sync';

const args = process.argv.slice(2);
const log = process.env.CLAIMDESK_TEST_DRIVER_LOG;
if (log) appendFileSync(log, `${args[3] ?? '?'}\n`);
process.exit(await runMergeFileCommand(args));
