/**
 * `npm start` after the build: opens Claimdesk in its Electron window, or, where Electron
 * cannot run, serves the same workbench in the browser through the browser host.
 *
 * 1. The Electron binary is found by its files (node_modules/electron/path.txt and the file
 *    under node_modules/electron/dist it names), never by require('electron'), which would
 *    start a download.
 * 2. When it is missing, electron's own installer runs once (it downloads on a machine with
 *    internet), bounded by a timeout; ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips that attempt.
 * 3. Electron runs the app (`electron <app dir> ...args`, i.e. package.json "main"). If the
 *    binary is still missing, cannot be spawned, or exits at once with a launch error (no
 *    display, missing libraries), one sentence says so and dist/electron/host.mjs runs instead
 *    with the same arguments; it prints the URL to open.
 *
 * Either child runs in the directory the user started `npm start` from (npm's INIT_CWD; npm
 * itself runs scripts in the package root), so `npm start -- --workspace ./claims` means
 * ./claims there, as it does for `claimdesk --workspace ./claims`.
 *
 * SIGINT/SIGTERM are forwarded to the child; this script exits with the child's code. Imported
 * (by a test) rather than run, it only exports launchDirectory.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const MAIN = join(ROOT, 'dist', 'electron', 'main.mjs');
const HOST = join(ROOT, 'dist', 'electron', 'host.mjs');
const INSTALL_TIMEOUT_MS = 120_000;
const INSTALL_NOTICE_AFTER_MS = 3_000;
/** An Electron exit with an error code sooner than this is a launch failure, not a session. */
const LAUNCH_WINDOW_MS = 10_000;
/** main.ts exits with this after showing a startup error itself: do not fall back then. */
const EXIT_REPORTED = 2;
const FALLBACK_SERVING = 'serving the same workbench in your browser instead:';

/**
 * The directory the children run in: where the user ran npm (INIT_CWD), else this process's.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} cwd process.cwd()
 * @returns {string} an absolute directory
 */
export function launchDirectory(env, cwd) {
  return resolve(cwd, env.INIT_CWD || '.');
}

/**
 * The Electron executable, detected by its files.
 * @returns its absolute path, or null when it is not installed
 */
function electronBinary() {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(ELECTRON_DIR, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}

/**
 * Runs electron's installer once, quietly, for at most INSTALL_TIMEOUT_MS.
 * @returns a short reason when it failed (for the fallback sentence), or null
 */
function runElectronInstaller() {
  const installer = join(ELECTRON_DIR, 'install.js');
  if (!existsSync(installer)) return Promise.resolve('the electron package is not installed');
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return Promise.resolve('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: ELECTRON_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => (output = (output + chunk).slice(-4000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    // Say something only when a real download seems to be under way, not for a quick failure.
    const notice = setTimeout(() => console.log('Claimdesk is downloading the Electron runtime (once, about 100 MB)…'), INSTALL_NOTICE_AFTER_MS);
    const timeout = setTimeout(() => child.kill('SIGTERM'), INSTALL_TIMEOUT_MS);
    child.on('error', (err) => finish(err.message));
    child.on('exit', (code, signal) =>
      finish(code === 0 ? null : signal ? `the download was stopped after ${INSTALL_TIMEOUT_MS / 1000} s` : lastLine(output)),
    );
    function finish(reason) {
      clearTimeout(notice);
      clearTimeout(timeout);
      if (process.env.CLAIMDESK_DEBUG && output) console.error(output);
      resolve(reason);
    }
  });
}

/** The last non-empty line of some output, as a short reason ("fetch failed"). */
function lastLine(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at '));
  return (lines.at(-1) ?? 'the download failed').replace(/^\w*Error:\s*/, '').slice(0, 200);
}

/** Sends SIGINT/SIGTERM on to the child while it runs. @returns a function that stops forwarding */
function forwardSignals(child) {
  const handlers = ['SIGINT', 'SIGTERM'].map((signal) => {
    const handler = () => child.kill(signal);
    process.on(signal, handler);
    return [signal, handler];
  });
  return () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
}

/** The conventional exit code for a child's end: its code, or 128 + the signal number. */
function exitCodeOf(code, signal) {
  if (code !== null) return code;
  return 128 + (constants.signals[signal] ?? 1);
}

/**
 * Spawns a child with inherited stdio and waits for it.
 * @returns { code, signal, error, ms }: error is set when it could not be spawned at all
 */
function runChild(command, args, env = process.env) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, cwd: launchDirectory(process.env, process.cwd()) });
    const stop = forwardSignals(child);
    child.on('error', (error) => {
      stop();
      resolve({ code: null, signal: null, error, ms: Date.now() - started });
    });
    child.on('exit', (code, signal) => {
      stop();
      resolve({ code, signal, error: null, ms: Date.now() - started });
    });
  });
}

/** Runs the browser host with the user's arguments after saying why; exits with its code. */
async function serveInBrowser(why, args) {
  console.log(`Claimdesk could not start its desktop window because ${why}; ${FALLBACK_SERVING}`);
  const result = await runChild(process.execPath, [HOST, ...args]);
  if (result.error) console.error(`Claimdesk could not start the browser host either: ${result.error.message}`);
  process.exit(result.error ? 1 : exitCodeOf(result.code, result.signal));
}

/** True when an Electron run ended so soon and so badly that it never opened a usable window. */
function isLaunchFailure(result) {
  if (result.error) return true;
  if (result.code === EXIT_REPORTED) return false;
  const failed = result.signal !== null ? result.signal !== 'SIGINT' && result.signal !== 'SIGTERM' : result.code !== 0;
  return failed && result.ms < LAUNCH_WINDOW_MS;
}

async function main() {
  const args = process.argv.slice(2);
  if (!existsSync(MAIN) || !existsSync(HOST)) {
    console.error('Claimdesk is not built yet: run "npm run build" (or "npm start", which builds first).');
    process.exit(1);
  }
  let binary = electronBinary();
  let installFailure = null;
  if (binary === null) {
    installFailure = await runElectronInstaller();
    binary = electronBinary();
  }
  if (binary === null) {
    const detail = installFailure ? ` (${installFailure})` : '';
    return serveInBrowser(`the Electron runtime is not installed and could not be downloaded${detail}`, args);
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set, it would make Electron behave as plain Node
  const result = await runChild(binary, [ROOT, ...args], env);
  if (isLaunchFailure(result)) {
    const how = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
    return serveInBrowser(`Electron failed to launch (${how}; is there a display?)`, args);
  }
  process.exit(exitCodeOf(result.code, result.signal));
}

/** True when this file is the script node runs (not imported). */
function isRunDirectly() {
  const script = process.argv[1];
  return script !== undefined && existsSync(script) && realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
}

if (isRunDirectly()) await main();
