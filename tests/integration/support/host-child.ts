/**
 * The concurrent crash test's victim: serves a workspace through the browser host, as
 * `npm run serve` does (watching the folder), on a free port, and prints `ready <port> <token>`.
 * The parent's writers call its API over HTTP while the parent kills it with SIGKILL.
 * Usage: host-child.ts <workspace> <renderer-dir>; CLAIMDESK_DATA_DIR keeps settings out of the user's.
 */
import { startHost } from '../../../electron/host';
import { openAppSettings } from '../../../electron/services/app-paths';
import { Workspace } from '../../../electron/services/workspace';

const [dir, rendererDir] = process.argv.slice(2);
const workspace = await Workspace.open(dir!);
workspace.watch();
const host = await startHost({ workspace, settings: await openAppSettings(), port: 0, rendererDir: rendererDir! });
process.stdout.write(`ready ${host.port} ${host.token}\n`);
